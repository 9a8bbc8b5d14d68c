import { m } from '../../paraglide/messages.js';
import type { Block, Cell, DocumentModel } from './document-model';
import { richPlainText, type Inline, type RichText } from './rich-text-model';

/** The typeface every PDF is set in: shipped with the application (see render-pdf.ts), never the machine's. */
export const PDF_FONT = 'Source Sans 3';

export interface TypstOptions {
	/** Today's date for the colophon; fixed in tests. */
	today?: string;
	/** Whether the typeface has a glyph for a character (`pdfFontCoverage`); others are shown as □. */
	covers?: (codePoint: number) => boolean;
}

/** Set for the duration of one (synchronous) `renderTypst`: the typeface's characters. */
let covers: ((codePoint: number) => boolean) | undefined;

/**
 * The document as Typst source, for the PDF: the same blocks as the other formats, laid out for
 * print. Typst markup is code, so nothing written by a user is ever markup here: every text is a
 * string literal (`typstString`), placed by function calls. Headings carry the plan's own numbers
 * (they are in the text) and no generated ones; the contents lists them with page numbers.
 */
export function renderTypst(model: DocumentModel, options: TypstOptions = {}): string {
	covers = options.covers;
	try {
		return typstSource(model, options);
	} finally {
		covers = undefined;
	}
}

function typstSource(model: DocumentModel, options: TypstOptions): string {
	const t = { locale: model.locale };
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const title = model.report ? `${model.title} – ${model.report}` : model.title;
	const pageWord = model.locale === 'en' ? 'Page' : 'Sida';
	const [year, month, day] = today.split('-').map(Number);
	const lines = [
		// The date is the day it was made, as in the colophon (PDF/A needs one), so a day's PDF is always the same file.
		`#set document(title: ${typstString(title)}, author: ${typstString(model.organisation)}, date: datetime(year: ${year}, month: ${month}, day: ${day}))`,
		`#set text(lang: "${model.locale === 'en' ? 'en' : 'sv'}", font: "${PDF_FONT}", size: 10.5pt, fallback: false)`,
		`#set page(paper: "a4", margin: (x: 20mm, top: 20mm, bottom: 22mm), footer: context if here().page() > 1 { set text(size: 8.5pt, fill: luma(70)); ${typstString(title)}; h(1fr); ${typstString(`${pageWord} `)}; counter(page).display(); " / "; str(counter(page).final().first()) })`,
		'#set par(leading: 0.55em, spacing: 0.9em)',
		'#set heading(numbering: none)',
		// A heading is never the last thing on a page: it keeps with what follows, as do labels and captions.
		'#show heading: set block(sticky: true, above: 1.5em, below: 0.7em)',
		'#show heading: set text(size: 11pt)',
		'#show heading.where(level: 1): set text(size: 17pt)',
		'#show heading.where(level: 2): set text(size: 14pt)',
		'#show heading.where(level: 3): set text(size: 12pt)',
		'#show link: set text(fill: rgb("#0b5cad"))',
		'#set table(stroke: 0.5pt + luma(140), inset: (x: 4pt, y: 3.5pt), fill: (_, y) => if y == 0 { luma(228) })',
		// Words longer than their column is wide are hyphenated (Swedish or English rules), never run into the next cell.
		'#show table: set text(size: 9pt, hyphenate: true)',
		'#show table: set par(spacing: 0.5em, justify: false)',
		'#set list(indent: 0.4em, spacing: 0.45em)',
		'#set enum(indent: 0.4em, spacing: 0.45em)',
		'#show outline.entry.where(level: 1): set block(above: 0.9em)',
		'',
		// Title page.
		'#v(18%)',
		`#text(weight: "bold", size: 12pt, ${typstString(model.organisation)})`,
		...(model.unit ? [`#block(above: 0.6em, text(size: 12pt, ${typstString(model.unit)}))`] : []),
		`#block(above: 1.2em, below: 1em, text(size: 26pt, weight: "bold", ${typstString(model.title)}))`,
		...[model.subtitle, model.report].filter(Boolean).map((line) => `#block(above: 0.8em, text(size: 13pt, ${typstString(line!)}))`),
		...(model.boards.length ? [`#block(above: 1.2em, text(size: 12pt, ${typstString(model.boards.join('\n'))}))`] : []),
		`#block(above: 1.5em, text(fill: luma(70), ${typstString(model.adoption ?? m.doc_draft({}, t))}))`,
		'#pagebreak()',
		...(model.toc.length ? [`#outline(title: ${typstString(m.doc_contents({}, t))}, depth: 2)`, '#pagebreak()'] : []),
		''
	];
	for (const block of model.blocks) lines.push(blockTypst(block), '');
	lines.push(`#block(above: 3em, text(size: 8.5pt, fill: luma(70), ${typstString(m.doc_made_with({ date: today }, t))}))`, '');
	return lines.join('\n');
}

function blockTypst(block: Block): string {
	switch (block.kind) {
		case 'heading':
			// The document's title is the title page's; its headings start at level 1 (HTML's h2).
			return `#heading(level: ${Math.max(1, block.depth - 1)}, ${typstString(block.text)})`;
		case 'rich':
			return richTypst(block.text).map((part) => `#${part}`).join('\n\n');
		case 'label':
			return `#block(sticky: true, below: 0.5em, strong(${typstString(block.text)}))`;
		case 'closing':
			return `#block(above: 3em, breakable: false, width: 100%, stroke: (top: 0.5pt + luma(140)), inset: (top: 0.6em), ${typstString(block.lines.join('\n'))})`;
		case 'facts':
			return `#terms(tight: true, separator: [: ], ${block.facts.map((fact) => `terms.item(${typstString(fact.label)}, ${contentOf(fact.value)})`).join(', ')})`;
		case 'table':
			return tableTypst(block);
		case 'chart':
			return `#figure(image(bytes(${typstString(chartSvg(block.svg))}), alt: ${typstString(block.alt)}, width: 100%), caption: ${typstString(block.title)}, numbering: none, supplement: none)`;
	}
}

/**
 * A table whose caption keeps with it, whose header row repeats on every page, and whose columns
 * share the page by what they hold: short values ("dec 22", "Pågående", "17") keep their width,
 * longer text shares what is left in proportion to its length.
 */
function tableTypst(block: Extract<Block, { kind: 'table' }>): string {
	const header = block.columns
		.map((column, index) => {
			const label = `text(weight: "bold", hyphenate: false, ${typstString(column)})`;
			const help = block.help?.[index];
			return help ? `[#${label}#linebreak()#emph(${typstString(help)})]` : label;
		})
		.join(', ');
	// A row of a few lines is kept on one page; a longer one may continue on the next.
	const cells = block.rows
		.flatMap((row) => {
			const keep = row.every((cell) => richPlainText(cell).length <= KEPT_ROW);
			return block.columns.map((_, index) => (keep && index === 0 ? `table.cell(breakable: false, ${contentOf(row[0] ?? [])})` : contentOf(row[index] ?? [])));
		})
		.join(', ');
	return [
		`#block(sticky: true, below: 0.45em, strong(${typstString(block.caption)}))`,
		`#table(columns: ${columnWidths(block.columns, block.rows)}, table.header(repeat: true, ${header}), ${cells})`
	].join('\n');
}

/** A row whose every cell is at most this many characters is never split over two pages. */
const KEPT_ROW = 600;
/** The text column of an A4 page less margins, in points, and the room a cell's inset and rule take. */
const LINE_WIDTH = 481;
const CELL_PADDING = 8.5;
/** About the width of a character of Source Sans 3 at 9 pt (a bold header's a little more). */
const CHARACTER = 4.3;
const HEADER = 1.2;
/** A value of at most this many characters on a line is kept on one line when the page allows. */
const SHORT_LINE = 24;
/** Values this short keep their line even in a table too narrow for its words. */
const TINY_LINE = 15;
/** No column of running text is narrower than this many characters. */
const MIN_COLUMN = 8;

/**
 * Column widths from what the columns hold, much as a browser lays out a table: every column gets its
 * longest word, columns of short values their longest line, so "dec 22" or "Ej rapporterad" never
 * breaks, and running text shares what is left in proportion to how much longer its lines are. Given
 * as fractions of the page's width, so every table is as wide as the text and fits it.
 */
export function columnWidths(columns: string[], rows: Cell[][]): string {
	const measured = columns.map((column, index) => {
		const texts = rows.map((row) => richPlainText(row[index] ?? []));
		const lines = texts.flatMap((text) => text.split('\n'));
		const words = lines.flatMap((line) => line.split(/\s+/));
		const headerWords = column.split(/\s+/).map((word) => word.length * HEADER);
		const least = Math.max(...words.map((word) => word.length), ...headerWords, 2);
		// A character to spare: the estimate is an average, and a short value must not break on it.
		const most = Math.max(...lines.map((line) => line.length + 1), column.length * HEADER, least);
		return { least, most };
	});
	const room = (LINE_WIDTH - CELL_PADDING * columns.length) / CHARACTER;
	const widths = measured.map((column) => column.least);
	const total = () => widths.reduce((sum, width) => sum + width, 0);
	const byLength = measured.map((_, index) => index).sort((a, b) => measured[a].most - measured[b].most);
	if (total() > room) {
		// Too narrow even for the longest words: the shortest values keep their line, running text gives
		// way (its long words are hyphenated).
		const kept = byLength.filter((index) => measured[index].most <= TINY_LINE);
		for (const index of kept) widths[index] = measured[index].most;
		const rest = widths.map((_, index) => index).filter((index) => !kept.includes(index));
		const restWidth = rest.reduce((sum, index) => sum + widths[index], 0);
		const scale = Math.max(room - (total() - restWidth), 0) / Math.max(restWidth, 1);
		for (const index of rest) widths[index] = Math.max(widths[index] * scale, MIN_COLUMN);
	} else {
		// Short values keep their line ("dec 22", "Ej rapporterad", "Planeringschef"), shortest first, as long as they fit.
		for (const index of byLength) {
			const wanted = measured[index].most - widths[index];
			if (measured[index].most <= SHORT_LINE && wanted <= room - total()) widths[index] = measured[index].most;
		}
		// The rest goes to running text, in proportion to how much longer its lines are; then to every column.
		const left = room - total();
		const wanting = measured.reduce((sum, column, index) => sum + column.most - widths[index], 0);
		if (wanting > left) widths.forEach((width, index) => (widths[index] = width + (left * (measured[index].most - width)) / wanting));
		else {
			widths.forEach((_, index) => (widths[index] = measured[index].most));
			const sum = total();
			widths.forEach((width, index) => (widths[index] = width + ((room - sum) * width) / sum));
		}
	}
	// In points with the cell's inset (which lies inside a Typst column), so the fractions add up to the line.
	return `(${widths.map((width) => `${Math.round(width * CHARACTER + CELL_PADDING)}fr`).join(', ')},)`;
}

/** Rich text as one content expression (a cell, a fact's value). */
function contentOf(text: RichText | Cell): string {
	const parts = richTypst(text);
	if (!parts.length) return '[]';
	return parts.length === 1 ? parts[0] : `[${parts.map((part) => `#${part}`).join('#parbreak()')}]`;
}

/** Each block of rich text as a Typst expression (without its leading #). */
function richTypst(text: RichText): string[] {
	return text.map((block) => {
		if (block.kind === 'paragraph') return inlineTypst(block.content);
		const numbers = block.numbers;
		// Numbers as the author wrote them ("13. a", "13. b", "14.") are each item's own.
		const items = block.items.map((item, index) => (numbers ? `enum.item(${numbers[index]}, ${contentOf(item)})` : contentOf(item))).join(', ');
		return block.ordered ? `enum(tight: true, start: ${block.start}, ${items})` : `list(tight: true, ${items})`;
	});
}

function inlineTypst(content: Inline[]): string {
	const parts = content.map((part) => {
		if (part.kind === 'break') return 'linebreak()';
		let typst = typstString(part.text);
		if (part.emphasis) typst = `emph(${typst})`;
		if (part.strong) typst = `strong(${typst})`;
		return part.href ? `link(${typstString(part.href)}, ${typst})` : typst;
	});
	return parts.length === 1 ? parts[0] : `[${parts.map((part) => `#${part}`).join('')}]`;
}

/**
 * Any text as a Typst string literal: inside one, only a backslash, a quote and control characters
 * mean anything, so markup (`#`, `*`, `_`, `$`, `@`, `<`, `[`, `//`, `=` …) is printed as it stands.
 * Typst reads no file and no package unless its source says so, and no source here says so but ours.
 */
export function typstString(text: string): string {
	return `"${drawable(text).replace(/[\\"\u0000-\u001f\u007f]/g, (character) => {
		if (character === '\\' || character === '"') return `\\${character}`;
		if (character === '\n') return '\\n';
		// Typst sets a tab as nothing at all; in a title or a cell it was meant as a space.
		if (character === '\t') return ' ';
		return `\\u{${character.charCodeAt(0).toString(16)}}`;
	})}"`;
}

/**
 * Text the typeface can draw: a PDF/UA or PDF/A file may not hold a character its font has no glyph
 * for (an emoji, a Chinese name), and Typst refuses the whole document for one. Such a character is
 * shown as □ (the web page and Word show it as written); invisible joiners and variation selectors go.
 */
function drawable(text: string): string {
	const check = covers;
	if (!check) return text;
	const missing = check(0x25a1) ? '\u25a1' : '?';
	return text.replace(/[^\u0000-\u007e]/gu, (character) => {
		const codePoint = character.codePointAt(0)!;
		if (/[\u200b-\u200f\u2060\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u.test(character)) return '';
		return check(codePoint) || /\s/u.test(character) ? character : missing;
	});
}

/** The chart's SVG set in the document's typeface, so its labels look the same on every machine. */
function chartSvg(svg: string): string {
	return svg.replace(/font-family:[^;"]+/g, `font-family:'${PDF_FONT}'`).replace(/font-family="[^"]*"/g, `font-family="${PDF_FONT}"`).replace(/(font:[^;"]*?\d+px )[^;"]+/g, `$1'${PDF_FONT}'`);
}
