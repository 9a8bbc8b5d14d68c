import type { FlatTable } from './item-table';

/**
 * A table as CSV for open data: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), semicolons
 * (the Swedish list separator), every field quoted where needed, lines ending CRLF (RFC 4180).
 */
export function renderCsv(table: FlatTable): string {
	const line = (values: (string | number | null | undefined)[]) => values.map(quote).join(';');
	return `\uFEFF${[line(table.columns.map((column) => column.header)), ...table.rows.map((row) => line(table.columns.map((column) => row[column.key])))].join('\r\n')}\r\n`;
}

function quote(value: string | number | null | undefined): string {
	const text = value === null || value === undefined ? '' : String(value);
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
