import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/**
 * How much of a reference document's text an exported document carries, in the same order: the
 * fidelity test (documents/fidelity.db.test.ts) reads every export format as text and measures it
 * against the texts in ../shared/reference/.
 *
 * **Content lines of a reference.** The text is split into lines; dropped as page furniture are:
 * empty lines; lines that are only a page number; the contents list (the line "Innehåll" and every
 * line that ends in a page number after dot leaders or a tab); Markdown table rules ("--|--");
 * lines named as furniture for that reference (a web page's "På sidan", a contact footer); and a
 * short line (at most 40 characters, no tab) repeated from earlier in the text (a running header,
 * a back cover repeating the cover). The reference's own markup is not content: Markdown heading
 * hashes and emphasis markers and HTML tags go, and a line is cut into one content line per table
 * cell (tab), paragraph (<p>) and list item (<li>), each without its bullet.
 *
 * **Comparison.** Both sides are compared as a skeleton: Unicode compatibility form (ligatures,
 * superscripts), lower case, no whitespace, no hyphens or dashes (so a word hyphenated at a line
 * break, a line broken anywhere and "–" for "-" all compare equal), no soft hyphens, no list bullets
 * or "·" separators, one kind of each quote. A content line is found when its skeleton is a
 * substring of the output's skeleton; the share counts the largest set of content lines found at
 * increasing, non-overlapping places (a longest common subsequence of lines, each line a substring).
 */

export interface ContentLine {
	/** As the reference writes it (markup removed), for reports. */
	text: string;
	/** What is compared. */
	key: string;
}

export interface Share {
	found: number;
	total: number;
	share: number;
	missing: ContentLine[];
}

export function skeleton(text: string): string {
	return text
		.normalize('NFKC')
		.toLocaleLowerCase('sv')
		.replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '')
		.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
		.replace(/[\u2018\u2019\u201a\u00b4`]/g, "'")
		.replace(/[-\u2010\u2011\u2012\u2013\u2014\u2212•◦▪·]/g, '')
		.replace(/\s+/g, '');
}

const MARKER = '\u0001';

/** The content lines of a reference text (see the rule above); `furniture` names further lines that are not content. */
export function contentLines(text: string, furniture: string[] = []): ContentLine[] {
	const out: ContentLine[] = [];
	const seenShort = new Set<string>();
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (!line || /^#*\s*Innehåll$/.test(line) || /\.{3,}\s*\d+$/.test(line) || /\t\d+$/.test(line)) continue;
		if (/^\d+$/.test(line) || /^[-\s|]+$/.test(line) || furniture.includes(line)) continue;
		if (line.length <= 40 && !line.includes('\t')) {
			if (seenShort.has(line)) continue;
			seenShort.add(line);
		}
		const units = line
			.replace(/^#{1,6}\s+/, '')
			.replace(/\*\*|__/g, '')
			.replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2')
			.replace(/<\/?(p|li|ul|ol|br)\b[^>]*>/gi, MARKER)
			.replace(/<[^>]+>/g, '')
			.split(/[\t\u0001]/);
		for (const unit of units) {
			const text = decodeEntities(unit).replace(/^\s*[•\-–]\s+/, '').replace(/\s+/g, ' ').trim();
			if (!text || /^[-–]+$/.test(text)) continue;
			out.push({ text, key: skeleton(text) });
		}
	}
	return out;
}

/** The largest number of lines found in order in the output (see the rule above), and the lines left out. */
export function inOrder(lines: ContentLine[], output: string): Share {
	const haystack = skeleton(output);
	// tails[k]: the chain of length k + 1 that ends earliest; nodes link each chain element to the one before.
	const tails: number[] = [];
	const nodes: { line: number; end: number; previous: number }[] = [];
	for (const [index, line] of lines.entries()) {
		if (!line.key) continue;
		const updates: { length: number; end: number; previous: number }[] = [];
		for (let at = haystack.indexOf(line.key); at !== -1; at = haystack.indexOf(line.key, at + 1)) {
			// The longest chain ending at or before this occurrence's start.
			let low = 0;
			let high = tails.length;
			while (low < high) {
				const middle = (low + high) >> 1;
				if (nodes[tails[middle]].end <= at) low = middle + 1;
				else high = middle;
			}
			updates.push({ length: low, end: at + line.key.length, previous: low ? tails[low - 1] : -1 });
		}
		// Applied together, so one line is never chained after itself.
		for (const update of updates) {
			if (update.length < tails.length && nodes[tails[update.length]].end <= update.end) continue;
			nodes.push({ line: index, end: update.end, previous: update.previous });
			tails[update.length] = nodes.length - 1;
		}
	}
	const found = new Set<number>();
	for (let node = tails.length ? tails[tails.length - 1] : -1; node !== -1; node = nodes[node].previous) found.add(nodes[node].line);
	const total = lines.length;
	return { found: found.size, total, share: total ? found.size / total : 1, missing: lines.filter((_, index) => !found.has(index)) };
}

/** Whether each text is found somewhere in the output (order aside). */
export function present(texts: string[], output: string): string[] {
	const haystack = skeleton(output);
	return texts.filter((text) => !haystack.includes(skeleton(text)));
}

/** An exported file as the text a reader sees, in reading order: one block (paragraph, cell, list item) a line. */
export async function documentText(format: string, body: Buffer): Promise<string> {
	switch (format) {
		case 'html':
			return htmlText(body.toString('utf8'));
		case 'docx':
			return docxText(body);
		case 'xlsx':
			return xlsxText(body);
		case 'csv':
			return csvText(body.toString('utf8'));
		case 'json':
			return jsonText(JSON.parse(body.toString('utf8')));
		case 'pdf':
		case 'pdfa':
			return pdfText(body);
		default:
			throw new Error(`no text for ${format}`);
	}
}

/** HTML as a browser shows it: blocks on lines of their own, numbered list items with their numbers, bullets as "•". */
export function htmlText(html: string): string {
	const body = html.replace(/<head>[\s\S]*?<\/head>/i, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
	const lists: { ordered: boolean; next: number }[] = [];
	let out = '';
	for (const [token] of body.matchAll(/<[^>]*>|[^<]+/g)) {
		if (!token.startsWith('<')) {
			out += decodeEntities(token.replace(/\s+/g, ' '));
			continue;
		}
		const tag = /^<(\/?)([a-z0-9]+)/i.exec(token);
		if (!tag) continue;
		const [closing, name] = [tag[1] === '/', tag[2].toLowerCase()];
		if (name === 'ol' || name === 'ul') {
			if (closing) lists.pop();
			else lists.push({ ordered: name === 'ol', next: Number(/start="(\d+)"/.exec(token)?.[1] ?? 1) });
			out += '\n';
		} else if (name === 'li' && !closing) {
			const list = lists.at(-1);
			// A browser numbers an item by its own value="…", and the ones after it from there.
			const value = /value="(\d+)"/.exec(token);
			if (list && value) list.next = Number(value[1]);
			out += `\n${list?.ordered ? `${list.next++}. ` : '• '}`;
		} else if (name === 'br') out += '\n';
		else if (/^(p|div|h[1-6]|tr|td|th|dt|dd|li|caption|figcaption|header|footer|nav|main|table|section|figure|dl)$/.test(name)) out += '\n';
	}
	return tidyLines(out);
}

/** Word's text: paragraphs in order (table cells too), each list paragraph with the number or bullet Word shows. */
export async function docxText(body: Buffer): Promise<string> {
	const zip = await JSZip.loadAsync(body);
	const document = await zip.file('word/document.xml')!.async('string');
	const numbering = await zip.file('word/numbering.xml')?.async('string');
	const label = numberingLabels(numbering ?? '');
	const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => {
		const numId = /<w:numId w:val="(\d+)"/.exec(paragraph)?.[1];
		const level = Number(/<w:ilvl w:val="(\d+)"/.exec(paragraph)?.[1] ?? 0);
		const text = [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
			.map((part) => (part[1] !== undefined ? decodeEntities(part[1]) : part[0] === '<w:tab/>' ? '\t' : '\n'))
			.join('');
		return numId ? `${label(numId, level)} ${text}` : text;
	});
	return tidyLines(paragraphs.join('\n'));
}

/** "1." / "•" for each list paragraph, counted per list (w:num) and level as Word counts them. */
function numberingLabels(xml: string): (numId: string, level: number) => string {
	const abstract = new Map<string, Map<number, { start: number; format: string; text: string }>>();
	for (const [whole, id] of xml.matchAll(/<w:abstractNum [^>]*w:abstractNumId="(\d+)"[\s\S]*?<\/w:abstractNum>/g)) {
		const levels = new Map<number, { start: number; format: string; text: string }>();
		for (const [lvl, ilvl] of whole.matchAll(/<w:lvl [^>]*w:ilvl="(\d+)"[\s\S]*?<\/w:lvl>/g)) {
			levels.set(Number(ilvl), {
				start: Number(/<w:start w:val="(\d+)"/.exec(lvl)?.[1] ?? 1),
				format: /<w:numFmt w:val="([^"]+)"/.exec(lvl)?.[1] ?? 'decimal',
				text: decodeEntities(/<w:lvlText w:val="([^"]*)"/.exec(lvl)?.[1] ?? '')
			});
		}
		abstract.set(id, levels);
	}
	const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
	for (const [whole, id] of xml.matchAll(/<w:num [^>]*w:numId="(\d+)"[^>]*>[\s\S]*?<\/w:num>/g)) {
		const overrides = new Map<number, number>();
		for (const [, ilvl, start] of whole.matchAll(/<w:lvlOverride w:ilvl="(\d+)">\s*<w:startOverride w:val="(\d+)"/g)) overrides.set(Number(ilvl), Number(start));
		nums.set(id, { abstractId: /<w:abstractNumId w:val="(\d+)"/.exec(whole)?.[1] ?? '', overrides });
	}
	const counters = new Map<string, number>();
	return (numId, level) => {
		const num = nums.get(numId);
		const definition = num && abstract.get(num.abstractId)?.get(level);
		if (!definition) return '';
		if (definition.format === 'bullet') return '•';
		const key = `${numId}/${level}`;
		const value = counters.has(key) ? counters.get(key)! + 1 : (num.overrides.get(level) ?? definition.start);
		counters.set(key, value);
		// A deeper level starts again under each item of the level above.
		for (const other of counters.keys()) if (other.startsWith(`${numId}/`) && Number(other.split('/')[1]) > level) counters.delete(other);
		return definition.text.replace(`%${level + 1}`, String(value));
	};
}

/** Every cell's text, sheet by sheet, row by row. */
export async function xlsxText(body: Buffer): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	const lines: string[] = [];
	workbook.eachSheet((sheet) => {
		sheet.eachRow((row) => {
			row.eachCell((cell) => {
				if (cell.text) lines.push(cell.text);
			});
		});
	});
	return tidyLines(lines.join('\n'));
}

/** RFC 4180 fields, one a line; a field neutralised against formulas ("'=…") is read as written. */
export function csvText(csv: string): string {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	const text = csv.replace(/^\ufeff/, '');
	for (let index = 0; index < text.length; index++) {
		const character = text[index];
		if (quoted) {
			if (character === '"' && text[index + 1] === '"') {
				field += '"';
				index++;
			} else if (character === '"') quoted = false;
			else field += character;
		} else if (character === '"') quoted = true;
		else if (character === ';' || character === '\n') {
			fields.push(field.replace(/\r$/, ''));
			field = '';
		} else field += character;
	}
	fields.push(field);
	return tidyLines(fields.map((value) => value.replace(/^'(?=[=+\-@\t\r])/, '')).join('\n'));
}

/** The interchange file's strings in document order (ids and keys aside), Markdown emphasis, heading and list markers taken away. */
export function jsonText(value: unknown): string {
	const strings: string[] = [];
	const walk = (node: unknown, key = '') => {
		if (typeof node === 'string') {
			if (!/^(id|levelId|nodeId|periodId|indicatorId|key|kind|format|colour|meaning|updatedAt|state|periodKind|documentStyle|followUp|type)$/.test(key)) strings.push(node);
		} else if (Array.isArray(node)) node.forEach((entry) => walk(entry, key));
		else if (node && typeof node === 'object') for (const [name, entry] of Object.entries(node)) walk(entry, name);
	};
	walk(value);
	return tidyLines(strings.map((text) => text.replace(/\*\*|__/g, '').replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2').replace(/^\s*([-*]|#{1,6})\s+/gm, '')).join('\n'));
}

/** What poppler reads from the PDF, in the order it was written (cell by cell for tables), without the running footer. */
export function pdfText(body: Buffer): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-fidelity-'));
	try {
		const file = path.join(dir, 'document.pdf');
		fs.writeFileSync(file, body);
		const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		// The running footer ("Verksamhetsplan 2024 Sida 3 / 10") is page furniture; it comes between a page's last line and the next page's first.
		return text.replace(/^.*\b(Sida|Page) \d+ \/ \d+\s*$/gm, '').replace(/\f/g, '\n');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

export const hasPdfText = fs.existsSync('/usr/bin/pdftotext');

function tidyLines(text: string): string {
	return text
		.split('\n')
		.map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
		.filter(Boolean)
		.join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}
