import ExcelJS from 'exceljs';
import type { PlanData } from '../plans/plan-repository';
import type { Locale } from './document-model';
import { indicatorTable, itemTable, type TableFollowUp } from './item-table';
import { XLSX_FORMAT, XLSX_ITEMS_SHEET, XLSX_INDICATORS_SHEET, XLSX_META_SHEET } from './xlsx-layout';

/**
 * The plan as a workbook: one row per item with every field and, with follow-up, status and comment
 * per period; a sheet of indicators and their values per period. Row ids are the items' ids, so an
 * edited copy can be imported back (a hidden sheet says which column holds what).
 */
export async function renderXlsx(data: PlanData, followUp: TableFollowUp | undefined, locale: Locale): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Styrkedjan';
	workbook.title = data.plan.title;
	const items = itemTable(data, followUp, locale);
	const indicators = indicatorTable(data, followUp, locale);
	for (const [name, table] of [
		[XLSX_ITEMS_SHEET[locale], items],
		[XLSX_INDICATORS_SHEET[locale], indicators]
	] as const) {
		const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
		sheet.columns = table.columns.map(({ key, header, width }) => ({ key, header, width }));
		for (const row of table.rows) sheet.addRow(row);
		styleHeader(sheet, table.columns.length);
	}
	const meta = workbook.addWorksheet(XLSX_META_SHEET, { state: 'veryHidden' });
	meta.addRow(['format', XLSX_FORMAT]);
	meta.addRow(['planId', data.plan.id]);
	meta.addRow(['columns', ...items.columns.map((column) => column.key)]);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(sheet: ExcelJS.Worksheet, width: number) {
	const header = sheet.getRow(1);
	header.font = { bold: true };
	header.alignment = { vertical: 'top', wrapText: true };
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
	sheet.eachRow((row, number) => {
		if (number > 1) row.alignment = { vertical: 'top', wrapText: true };
	});
}

