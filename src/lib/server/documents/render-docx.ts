import {
	AlignmentType,
	Bookmark,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
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
	type FileChild
} from 'docx';
import { Resvg } from '@resvg/resvg-js';
import { m } from '../../paraglide/messages.js';
import type { Block, Cell, DocumentModel } from './document-model';

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
		new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
		new Paragraph({ children: [new TextRun({ text: model.subtitle, size: 28 })] }),
		...(model.report ? [new Paragraph({ children: [new TextRun({ text: model.report, size: 28 })] })] : []),
		new Paragraph({ children: [new TextRun(model.adoption ?? m.doc_draft({}, t))] }),
		new Paragraph({ children: [new PageBreak()] }),
		new Paragraph({ children: [new TextRun({ text: m.doc_contents({}, t), bold: true, size: 28 })] }),
		new TableOfContents(m.doc_contents({}, t), { hyperlink: true, headingStyleRange: '1-3' }),
		new Paragraph({ children: [new PageBreak()] })
	];
	for (const block of model.blocks) body.push(...renderBlock(block));

	const document = new Document({
		title: model.report ? `${model.title} – ${model.report}` : model.title,
		subject: model.subtitle,
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

function renderBlock(block: Block): FileChild[] {
	switch (block.kind) {
		case 'heading':
			return [
				new Paragraph({
					heading: HEADINGS[Math.min(block.depth - 2, HEADINGS.length - 1)],
					children: [new Bookmark({ id: block.anchor, children: [new TextRun(block.text)] })]
				})
			];
		case 'markdown':
			return markdownParagraphs(block.markdown);
		case 'text':
			return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true })] })];
		case 'facts':
			return block.facts.map(
				(fact) => new Paragraph({ children: [new TextRun({ text: `${fact.label}: `, bold: true }), ...fact.lines.flatMap((line, index) => [new TextRun({ text: line, break: index ? 1 : 0 })])] })
			);
		case 'table':
			return [
				new Paragraph({ keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }),
				new Table({
					width: { size: 100, type: WidthType.PERCENTAGE },
					rows: [
						new TableRow({
							tableHeader: true,
							cantSplit: true,
							children: block.columns.map((column) => new TableCell({ shading: { fill: 'E5E7EB' }, children: [new Paragraph({ children: [new TextRun({ text: column, bold: true })] })] }))
						}),
						...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((cell) => new TableCell({ children: cellParagraphs(cell) })) }))
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

function cellParagraphs(cell: Cell): Paragraph[] {
	return cell.length ? cell.map((line) => new Paragraph({ children: [new TextRun(line)] })) : [new Paragraph({ children: [] })];
}

/** Markdown as Word paragraphs: paragraphs, bullet and numbered lines, bold and italic; headings inside text as bold lines. */
function markdownParagraphs(markdown: string): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	for (const chunk of markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
		const lines = chunk.split('\n').filter((line) => line.trim());
		if (!lines.length) continue;
		if (lines.every((line) => /^\s*([-*+]|\d+[.)])\s+/.test(line))) {
			for (const line of lines) paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: inline(line.replace(/^\s*([-*+]|\d+[.)])\s+/, '')) }));
			continue;
		}
		const heading = /^#{1,6}\s+(.*)$/.exec(lines[0]);
		if (heading && lines.length === 1) {
			paragraphs.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: heading[1], bold: true })] }));
			continue;
		}
		paragraphs.push(new Paragraph({ children: inline(lines.join(' ').replace(/^>\s*/, '')) }));
	}
	return paragraphs;
}

function inline(text: string): TextRun[] {
	return text
		.split(/(\*\*[^*]+\*\*|\*[^*]+\*|_[^_]+_)/)
		.filter(Boolean)
		.map((part) =>
			part.startsWith('**')
				? new TextRun({ text: part.slice(2, -2), bold: true })
				: /^[*_].+[*_]$/.test(part)
					? new TextRun({ text: part.slice(1, -1), italics: true })
					: new TextRun(part.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1'))
		);
}
