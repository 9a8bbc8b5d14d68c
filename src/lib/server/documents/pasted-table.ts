import type { FieldDefinition } from '../frameworks/field-definition';
import type { Level } from '../frameworks/framework-repository';
import { DomainError } from '../shared/domain-error';
import { assertTableSize, figure, IMPORT_LIMITS } from './import-limits';
import { looksLikeResponsibleAndDeadline, splitResponsibleCell } from './responsible-deadline';
import { readsAsDeadline } from '../plans/deadline';

/**
 * A table as pasted: rows of cells, each cell its lines (a cell with several values keeps them
 * apart). An empty line between two lines is a paragraph break the person wrote; there is never
 * more than one in a row, nor one at a cell's start or end.
 */
export type PastedTable = string[][][];

/**
 * Reads a table copied from Word, Excel or a web page: HTML (the first table in it) or tab-separated
 * text as Excel puts on the clipboard (a quoted cell may hold line breaks). Empty rows are dropped.
 * A table over the import limits is refused with its size before its cells are split into lines.
 */
export function parsePastedTable(text: string): PastedTable {
	if (text.length > IMPORT_LIMITS.chars) throw new DomainError('error_paste_too_large', { chars: figure(IMPORT_LIMITS.chars) }, { status: 413 });
	const { rows, count } = /<table[\s>]/i.test(text) ? fromHtml(text) : fromTabs(text);
	if (!count) throw new DomainError('error_paste_empty', {}, { field: 'table' });
	assertTableSize({ rows: count });
	const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
	assertTableSize({ cells: count * width });
	return rows.map((row) => [...row.map(linesOf), ...Array.from({ length: width - row.length }, () => [])]);
}

/** The rows that hold any text, as raw cells: all of them counted, only as many kept as may be imported. */
class RowCollector {
	readonly rows: string[][] = [];
	count = 0;

	add(row: string[]): void {
		if (!row.some((cell) => /\S/.test(cell))) return;
		this.count += 1;
		if (this.rows.length < IMPORT_LIMITS.rows) this.rows.push(row);
	}
}

function fromTabs(text: string): RowCollector {
	const rows = new RowCollector();
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const source = text.replace(/\r\n?/g, '\n');
	for (let index = 0; index < source.length; index++) {
		const char = source[index];
		if (quoted) {
			if (char === '"' && source[index + 1] === '"') {
				cell += '"';
				index += 1;
			} else if (char === '"') quoted = false;
			else cell += char;
		} else if (char === '"' && cell === '') quoted = true;
		else if (char === '\t') {
			row.push(cell);
			cell = '';
		} else if (char === '\n') {
			row.push(cell);
			cell = '';
			rows.add(row);
			row = [];
		} else cell += char;
	}
	row.push(cell);
	rows.add(row);
	return rows;
}

function fromHtml(html: string): RowCollector {
	const rows = new RowCollector();
	const table = /<table[\s\S]*?<\/table>/i.exec(html)?.[0] ?? html;
	for (const row of table.matchAll(/<tr[\s>][\s\S]*?<\/tr>/gi)) {
		rows.add(
			[...row[0].matchAll(/<t([dh])[\s>]([\s\S]*?)<\/t\1>/gi)].map((cell) =>
				decode(
					// Line breaks in the HTML source are only spaces; paragraphs and headings end a paragraph, <br> a line.
					cell[2]
						.replace(/\s+/g, ' ')
						.replace(/<br\s*\/?>/gi, '\n')
						.replace(/<\/(p|h\d)>/gi, '\n\n')
						.replace(/<\/(li|div)>/gi, '\n')
						.replace(/<[^>]+>/g, '')
				)
			)
		);
	}
	return rows;
}

function linesOf(text: string): string[] {
	const lines: string[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.replace(/\s+/g, ' ').trim();
		if (line || (lines.length && lines[lines.length - 1])) lines.push(line);
	}
	if (lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/** A cell's lines without its paragraph breaks: for values that are one line or a list of lines. */
export function filledLines(lines: string[]): string[] {
	return lines.filter(Boolean);
}

function decode(text: string): string {
	return text
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
		.replace(/&amp;/g, '&');
}

/**
 * What a column can become: the item's title, number or description, one of the level's fields,
 * the responsible and deadline fields both (a cell like "Skolchef VT25", split), or nothing.
 */
export type ColumnTarget = 'title' | 'ref' | 'description' | `field:${string}` | typeof RESPONSIBLE_AND_DEADLINE | 'ignore';
export const RESPONSIBLE_AND_DEADLINE = 'responsible+deadline';

/** The level's responsible and deadline fields, when it has both (a combined column can then be split into them). */
export function responsibleAndDeadline(level: Pick<Level, 'fields'>): { responsible: FieldDefinition; deadline: FieldDefinition } | null {
	const responsible = level.fields.find((field) => field.type === 'responsible');
	const deadline = level.fields.find((field) => field.type === 'deadline');
	return responsible && deadline ? { responsible, deadline } : null;
}

/** The fields a column fills: a split column fills two. */
export function filledTargets(target: ColumnTarget, level: Pick<Level, 'fields'>): ColumnTarget[] {
	const both = target === RESPONSIBLE_AND_DEADLINE ? responsibleAndDeadline(level) : null;
	return both ? [`field:${both.responsible.key}`, `field:${both.deadline.key}`] : [target];
}

export function columnTargets(level: Level): { value: ColumnTarget; labelSv: string; labelEn: string }[] {
	return [
		{ value: 'title', labelSv: `Rubrik (${level.nameSv})`, labelEn: `Title (${level.nameEn})` },
		{ value: 'ref', labelSv: 'Nummer', labelEn: 'Number' },
		{ value: 'description', labelSv: 'Beskrivning', labelEn: 'Description' },
		...level.fields.map((field: FieldDefinition) => ({ value: `field:${field.key}` as const, labelSv: field.labelSv, labelEn: field.labelEn })),
		...split(level),
		{ value: 'ignore', labelSv: 'Hoppa över', labelEn: 'Skip' }
	];
}

function split(level: Level): { value: ColumnTarget; labelSv: string; labelEn: string }[] {
	const both = responsibleAndDeadline(level);
	if (!both) return [];
	const { responsible, deadline } = both;
	return [{ value: RESPONSIBLE_AND_DEADLINE, labelSv: `${responsible.labelSv} + ${deadline.labelSv} (delas)`, labelEn: `${responsible.labelEn} + ${deadline.labelEn} (split)` }];
}

/**
 * A sensible first guess for each column from its heading: the level's own name or "Rubrik" for the
 * title, a field's label for that field, "Nr" for the number. A column whose cells end in a
 * deadline after a name ("Utvecklingsledare okt 24") is split into responsible and deadline, when
 * no other column is either; the first unmatched column becomes the title if no heading named it.
 */
export function guessTargets(headings: string[], level: Level, rows: PastedTable = []): ColumnTarget[] {
	const norm = (text: string) => text.toLocaleLowerCase('sv').replace(/[^a-zåäö0-9]/g, '');
	const used = new Set<ColumnTarget>();
	const guesses = headings.map((heading): ColumnTarget => {
		const key = norm(heading);
		if (!key) return 'ignore';
		const candidates: [ColumnTarget, string[]][] = [
			['title', [level.nameSv, level.nameEn, 'rubrik', 'titel', 'title']],
			['ref', ['nr', 'nummer', 'number', 'ref']],
			['description', ['beskrivning', 'description']],
			...level.fields.map((field): [ColumnTarget, string[]] => [`field:${field.key}`, [field.labelSv, field.labelEn, field.key]])
		];
		for (const [target, names] of candidates) {
			if (used.has(target)) continue;
			if (names.some((name) => norm(name) === key || (norm(name).length > 3 && key.startsWith(norm(name))))) {
				used.add(target);
				return target;
			}
		}
		return 'ignore';
	});
	const both = responsibleAndDeadline(level);
	if (both && rows.length) {
		const fields: ColumnTarget[] = [`field:${both.responsible.key}`, `field:${both.deadline.key}`];
		const combined = guesses.findIndex((guess, at) => (guess === 'ignore' || fields.includes(guess)) && looksLikeResponsibleAndDeadline(rows.map((row) => row[at] ?? [])));
		if (combined >= 0 && !guesses.some((guess, at) => at !== combined && fields.includes(guess))) guesses[combined] = RESPONSIBLE_AND_DEADLINE;
	}
	if (!used.has('title') && !level.untitled) {
		const first = guesses.indexOf('ignore');
		if (first >= 0) guesses[first] = 'title';
	}
	return guesses;
}

/** The pasted rows split into column headings (the first row, or the columns' numbers) and data rows. */
export function splitHeadings(table: PastedTable, headerRow: boolean): { headings: string[]; rows: PastedTable } {
	return headerRow
		? { headings: table[0].map((cell) => filledLines(cell).join(' ')), rows: table.slice(1) }
		: { headings: table[0].map((_, index) => `${index + 1}`), rows: table };
}

/**
 * What the person checks before confirming: the first rows, how many there are, a guess for each
 * column (no heading row: the first column is the title), and for a column that can be split into
 * responsible and deadline, how its first such cell is read.
 */
export function previewPastedTable(text: string, level: Level, headerRow: boolean) {
	const { headings, rows } = splitHeadings(parsePastedTable(text), headerRow);
	const targets = guessTargets(headerRow ? headings : headings.map(() => ''), level, rows);
	if (!headerRow && !targets.includes('title') && !level.untitled) targets[0] = 'title';
	const splits = headings.flatMap((column, at) => {
		if (targets[at] !== RESPONSIBLE_AND_DEADLINE) return [];
		const cell = rows.map((row) => row[at] ?? []).find((lines) => splitResponsibleCell(lines).deadline && splitResponsibleCell(lines).responsible.length);
		return cell ? [{ column, cell: filledLines(cell).join(' '), ...splitResponsibleCell(cell) }] : [];
	});
	return { headings, rows: rows.slice(0, 5), total: rows.length, targets, choices: columnTargets(level), splits, undated: undatedDeadlines(rows, targets, level) };
}

/** Deadlines in the guessed deadline column that give no date ("vår/höst"): kept as written, never overdue, so the person is told. */
function undatedDeadlines(rows: PastedTable, targets: ColumnTarget[], level: Level): { labelSv: string; labelEn: string; texts: string[] } | null {
	const field = level.fields.find((candidate) => candidate.type === 'deadline');
	const at = field ? targets.indexOf(`field:${field.key}`) : -1;
	if (!field || at < 0) return null;
	const texts = [...new Set(rows.map((row) => filledLines(row[at] ?? []).join(' ')).filter((text) => text && !readsAsDeadline(text)))];
	return texts.length ? { labelSv: field.labelSv, labelEn: field.labelEn, texts: texts.slice(0, 5) } : null;
}
