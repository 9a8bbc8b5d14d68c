import {
	AlignmentType,
	Bookmark,
	Document,
	ExternalHyperlink,
	Footer,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType,
	type FileChild,
	type ParagraphChild
} from 'docx';
import { Resvg } from '@resvg/resvg-js';
import { m } from '../../paraglide/messages.js';
import type { Block, DocumentModel } from './document-model';
import { listNumbers, type Inline, type RichText } from './rich-text-model';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/**
 * The document as Word: the built-in Title and Heading styles (so Word's navigation pane, contents
 * and accessibility checker see the structure), a contents field, table header rows that repeat on
 * every page, document language sv-SE (or en-GB), alternative text on every chart image.
 */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
	const t = { locale: model.locale };
	const language = model.locale === 'en' ? 'en-GB' : 'sv-SE';
	const body: FileChild[] = [
		new Paragraph({ children: [new TextRun({ text: model.organisation, bold: true })] }),
		...(model.unit ? [new Paragraph({ children: [new TextRun(model.unit)] })] : []),
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
		...[model.subtitle, model.report].filter((line): line is string => !!line).map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 28 })] })),
		...model.boards.map((board) => new Paragraph({ children: [new TextRun(board)] })),
		new Paragraph({ children: [new TextRun(model.adoption ?? m.doc_draft({}, t))] }),
		new Paragraph({ children: [new PageBreak()] }),
		new Paragraph({ children: [new TextRun({ text: m.doc_contents({}, t), bold: true, size: 28 })] }),
		new TableOfContents(m.doc_contents({}, t), { hyperlink: true, headingStyleRange: '1-3' }),
		new Paragraph({ children: [new PageBreak()] })
	];
	const lists = { next: 0 };
	for (const block of model.blocks) body.push(...renderBlock(block, lists));

	const document = new Document({
		title: model.report ? `${model.title} – ${model.report}` : model.title,
		subject: model.subtitle || model.title,
		creator: 'Styrkedjan',
		description: model.adoption ?? '',
		features: { updateFields: true },
		styles: {
			default: {
				document: { run: { language: { value: language }, font: 'Calibri', size: 22 } },
				title: { run: { size: 52, bold: true, color: '1B1F24' } },
				heading1: { run: { size: 32, bold: true, color: '1B1F24' }, paragraph: { spacing: { before: 360, after: 120 } } },
				heading2: { run: { size: 28, bold: true, color: '1B1F24' }, paragraph: { spacing: { before: 240, after: 120 } } },
				heading3: { run: { size: 24, bold: true, color: '1B1F24' }, paragraph: { spacing: { before: 200, after: 80 } } }
			}
		},
		sections: [
			{
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.RIGHT,
								children: [new TextRun(`${m.doc_page({}, t)} `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(` ${m.doc_of({}, t)} `), new TextRun({ children: [PageNumber.TOTAL_PAGES] })]
							})
						]
					})
				},
				children: body
			}
		]
	});
	return Packer.toBuffer(document);
}

/** Each list in the document is a numbering instance of its own, so every numbered list counts from its own start. */
interface Lists {
	next: number;
}

function renderBlock(block: Block, lists: Lists): FileChild[] {
	switch (block.kind) {
		case 'heading':
			return [
				new Paragraph({
					heading: HEADINGS[Math.min(block.depth - 2, HEADINGS.length - 1)],
					keepNext: true,
					children: [new Bookmark({ id: block.anchor, children: [new TextRun(block.text)] })]
				})
			];
		case 'rich':
			return richParagraphs(block.text, lists);
		case 'label':
			return [new Paragraph({ keepNext: true, children: [new TextRun({ text: block.text, bold: true })] })];
		case 'closing':
			// Set apart with space above, its lines kept together.
			return block.lines.map((line, index) => new Paragraph({ keepNext: index < block.lines.length - 1, spacing: index ? undefined : { before: 720 }, children: [new TextRun(line)] }));
		case 'facts':
			return block.facts.flatMap((fact) => {
				const label = new TextRun({ text: `${fact.label}: `, bold: true });
				// "Status: Pågående" on one line; a longer value (paragraphs, a list) under its label.
				const [first] = fact.value;
				if (fact.value.length <= 1 && first?.kind !== 'list') return [new Paragraph({ children: [label, ...(first ? runs(first.content) : [])] })];
				return [new Paragraph({ keepNext: true, children: [label] }), ...richParagraphs(fact.value, lists)];
			});
		case 'table':
			return [
				new Paragraph({ keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
				new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [
						new TableRow({
							tableHeader: true,
							cantSplit: true,
							children: block.columns.map(
								(column, index) =>
									new TableCell({
										shading: { fill: 'E5E7EB' },
										children: [
											new Paragraph({ children: [new TextRun({ text: column, bold: true })] }),
											...(block.help?.[index] ? [new Paragraph({ children: [new TextRun({ text: block.help[index], italics: true })] })] : [])
										]
									})
							)
						}),
						...block.rows.map(
							(row) =>
								new TableRow({
									cantSplit: true,
									children: row.map((cell) => {
										const paragraphs = richParagraphs(cell, lists);
										return new TableCell({ children: paragraphs.length ? paragraphs : [new Paragraph({ children: [] })] });
									})
								})
						)
					]
				}),
				new Paragraph({ children: [] })
			];
		case 'chart':
			return [
				new Paragraph({
					children: [
						new ImageRun({
							type: 'png',
							data: new Resvg(block.svg, { fitTo: { mode: 'width', value: block.width * 2 }, font: { loadSystemFonts: true } }).render().asPng(),
							transformation: { width: Math.min(block.width, 600), height: Math.round((block.height * Math.min(block.width, 600)) / block.width) },
							altText: { name: block.title, title: block.title, description: block.alt }
						})
					]
				}),
				new Paragraph({ children: [new TextRun({ text: block.title, italics: true })] })
			];
	}
}

/** Indent of a list's text per level (twips): Word's own for its list styles. */
const LIST_INDENT = 360;

const listLevels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string, start: number) =>
	Array.from({ length: 9 }, (_, level) => ({
		level,
		format,
		text: text(level),
		start,
		alignment: AlignmentType.LEFT,
		style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } }
	}));

const BULLETS = { reference: 'rich-bullets', levels: listLevels(LevelFormat.BULLET, (level) => ['•', '◦', '▪'][level % 3], 1) };
/** Numbered lists by their first number ("3." when the text's list starts at 3). */
const numbers = (start: number) => ({ reference: `rich-numbers-${start}`, levels: listLevels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`, start) });

/** Rich text as Word paragraphs: runs in bold and italics, links, real Word lists (numbering definitions, not typed markers). */
function richParagraphs(text: RichText, lists: Lists, level = 0): Paragraph[] {
	return text.flatMap((block) => {
		if (block.kind === 'paragraph') return [new Paragraph({ indent: level ? { left: LIST_INDENT * level } : undefined, children: runs(block.content) })];
		const written = listNumbers(block);
		let reference = block.ordered ? numbers(block.start) : BULLETS;
		let instance = ++lists.next;
		return block.items.flatMap((item, number) => {
			// A number the author wrote out of sequence ("13. a", "13. b", "14.") starts a Word list of its own from it.
			if (block.ordered && number > 0 && written[number] !== written[number - 1] + 1) {
				reference = numbers(written[number]);
				instance = ++lists.next;
			}
			return item.flatMap((inner, index) => {
				if (index === 0 && inner.kind === 'paragraph') return [new Paragraph({ numbering: { reference, level, instance }, children: runs(inner.content) })];
				return richParagraphs([inner], lists, level + 1);
			});
		});
	});
}

function runs(content: Inline[]): ParagraphChild[] {
	return content.map((part) => {
		if (part.kind === 'break') return new TextRun({ break: 1 });
		const run = new TextRun({ text: part.text, bold: part.strong, italics: part.emphasis, style: part.href ? 'Hyperlink' : undefined });
		return part.href ? new ExternalHyperlink({ link: part.href, children: [run] }) : run;
	});
}
