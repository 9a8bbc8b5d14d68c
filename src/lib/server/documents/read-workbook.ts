import ExcelJS from 'exceljs';
import { DomainError } from '../shared/domain-error';
import { assertTableSize } from './import-limits';
import { assertWorkbookSize } from './workbook-size';
import { XLSX_FORMAT, XLSX_ITEMS_SHEET, XLSX_META_SHEET } from './xlsx-layout';
import { readZipEntries, storedZip, XLSX_ZIP_LIMITS } from './zip-limits';

/** Uploads larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface WorkbookRows {
	planId: string;
	/** The language it was exported in (its sheet names, level names, ja/nej). */
	locale: 'sv' | 'en';
	/** Stable column keys (id, parent, level, ref, title, description, field:<key>, status:<period>, …). */
	columns: string[];
	/** Column headers as the people who edited the file see them. */
	headers: string[];
	/** Each data row: its row number in the sheet and its cells as text, by column key. */
	rows: { number: number; cells: Record<string, string> }[];
}

/** Refuses a file over the import limit, in the user's words. */
export function assertImportSize(bytes: number): void {
	if (bytes > MAX_IMPORT_BYTES) throw new DomainError('error_file_too_large', { mb: MAX_IMPORT_BYTES / 1024 / 1024 }, { status: 413 });
}

/**
 * Reads back a workbook Styrkedjan exported (and someone edited in Excel): which plan, which
 * columns, and every row as text. A broken file, or one that is not ours, gets a clear refusal.
 * Its zip directory and its sheets' sizes are checked before exceljs sees it (zip-limits.ts,
 * workbook-size.ts), and exceljs is given the checked parts only, repacked uncompressed.
 */
export async function readWorkbook(buffer: Buffer): Promise<WorkbookRows> {
	assertImportSize(buffer.length);
	const parts = readZipEntries(buffer, XLSX_ZIP_LIMITS);
	assertWorkbookSize(parts);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(storedZip(parts) as unknown as ArrayBuffer);
	} catch {
		throw new DomainError('error_file_unreadable', {});
	}
	const meta = workbook.getWorksheet(XLSX_META_SHEET);
	const swedish = workbook.getWorksheet(XLSX_ITEMS_SHEET.sv);
	const items = swedish ?? workbook.getWorksheet(XLSX_ITEMS_SHEET.en);
	const metaRow = (name: string) => {
		let found: string[] | undefined;
		meta?.eachRow((row) => {
			const values = (row.values as unknown[]).slice(1).map(cellText);
			if (values[0] === name) found = values.slice(1);
		});
		return found ?? [];
	};
	if (!meta || !items || metaRow('format')[0] !== XLSX_FORMAT) throw new DomainError('error_workbook_not_ours', {});
	const columns = metaRow('columns');
	const headers = ((items.getRow(1).values as unknown[]) ?? []).slice(1).map(cellText);
	const rows: WorkbookRows['rows'] = [];
	let chars = 0;
	items.eachRow((row, number) => {
		if (number === 1) return;
		const values = (row.values as unknown[]).slice(1);
		const cells = Object.fromEntries(columns.map((key, index) => [key, cellText(values[index])]));
		if (Object.values(cells).some((value) => value !== '')) rows.push({ number, cells });
		for (const value of Object.values(cells)) chars += value.length;
	});
	assertTableSize({ rows: rows.length, cells: rows.length * columns.length, chars });
	return { planId: metaRow('planId')[0] ?? '', locale: swedish ? 'sv' : 'en', columns, headers, rows };
}

/** A cell as the text it shows: rich text joined, formulas by their result, numbers as typed. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value.replace(/\r\n/g, '\n').trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		const object = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string };
		if (object.richText) return object.richText.map((part) => part.text).join('').trim();
		if (object.text !== undefined) return cellText(object.text);
		if (object.result !== undefined) return cellText(object.result);
	}
	return String(value);
}
