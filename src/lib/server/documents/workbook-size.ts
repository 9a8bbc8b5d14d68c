import { assertTableSize } from './import-limits';
import { XLSX_ITEMS_SHEET } from './xlsx-layout';

/**
 * Counts, in the sheets' XML, the rows of the items sheet and the cells of every sheet, and refuses
 * a workbook over the import limits before exceljs builds an object for each cell (about 600 bytes
 * apiece: 60,000 rows of 8 cells took 300 MB and two seconds just to load).
 * The counts are upper bounds of what the import reads (a row with only empty text counts here).
 */
export function assertWorkbookSize(parts: Map<string, Buffer>): void {
	let cells = 0;
	for (const [name, data] of parts) if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) cells += count(data.toString('utf8'), /<c[\s>/]/g);
	const items = itemsSheet(parts);
	// The first row holds the column headers.
	if (items) assertTableSize({ rows: Math.max(0, rowsWithValues(items) - 1) });
	assertTableSize({ cells });
}

/** The items sheet's XML, found by its name through the workbook and its relationships. */
function itemsSheet(parts: Map<string, Buffer>): string | undefined {
	const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
	const names = new Set<string>(Object.values(XLSX_ITEMS_SHEET));
	const sheet = tags(workbook, 'sheet').find((attributes) => names.has(attributes.name ?? ''));
	if (!sheet) return undefined;
	const relations = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
	const target = tags(relations, 'Relationship').find((attributes) => attributes.Id === sheet['r:id'])?.Target;
	if (!target) return undefined;
	const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
	return parts.get(path)?.toString('utf8');
}

function tags(xml: string, name: string): Record<string, string>[] {
	return [...xml.matchAll(new RegExp(`<${name}\\s([^>]*)>`, 'g'))].map((tag) =>
		Object.fromEntries([...tag[1].matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map(([, key, value]) => [key, value]))
	);
}

/** `<row>` elements with at least one value (Excel keeps formatted empty rows too). */
function rowsWithValues(xml: string): number {
	let rows = 0;
	const open = /<row\b[^>]*>/g;
	for (let match = open.exec(xml); match; match = open.exec(xml)) {
		if (match[0].endsWith('/>')) continue;
		const close = xml.indexOf('</row>', open.lastIndex);
		const body = xml.slice(open.lastIndex, close < 0 ? xml.length : close);
		if (/<(?:v|is)[\s>]/.test(body)) rows += 1;
		open.lastIndex = close < 0 ? xml.length : close + 6;
	}
	return rows;
}

function count(text: string, pattern: RegExp): number {
	let found = 0;
	for (pattern.lastIndex = 0; pattern.exec(text); ) found += 1;
	return found;
}
