import type { FlatTable } from './item-table';

/**
 * A table as CSV for open data: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), semicolons
 * (the Swedish list separator), every field quoted where needed, lines ending CRLF (RFC 4180).
 * Text that a spreadsheet would take for a formula is neutralised (see `cell`).
 */
export function renderCsv(table: FlatTable): string {
	const line = (values: (string | number | null | undefined)[]) => values.map(cell).join(';');
	return `\uFEFF${[line(table.columns.map((column) => column.header)), ...table.rows.map((row) => line(table.columns.map((column) => row[column.key])))].join('\r\n')}\r\n`;
}

/** What Excel, LibreOffice and Google Sheets start a formula (or a DDE call) with. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. Text starting like a formula gets a leading apostrophe and quotes (OWASP's advice for
 * CSV injection): `=HYPERLINK(…)` is shown as text, not run. Numbers are the table's own numeric
 * values (an outcome of -5) and stay numbers: a number cannot hold a formula. Text that merely
 * looks like a number ("-5" typed as a title) is text and is neutralised like any other.
 */
function cell(value: string | number | null | undefined): string {
	if (typeof value === 'number') return String(value);
	const text = value ?? '';
	if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
	return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
