import { m } from '../../paraglide/messages.js';
import type { Block, DocumentModel } from './document-model';
import type { Inline, RichText } from './rich-text-model';

export interface HtmlOptions {
	/** Links offered at the top (the public page: downloads, follow-up reports), in labelled groups. */
	sections?: { label: string; links: { label: string; href: string }[] }[];
	/** Today's date for the colophon; fixed in tests. */
	today?: string;
}

/**
 * The document as one self-contained, print-ready HTML page: the download, the public page and the
 * source of the PDF. Semantic headings, tables with captions and header cells, a contents list,
 * charts as SVG images with a text alternative and the same figures in a table.
 */
export function renderHtml(model: DocumentModel, options: HtmlOptions = {}): string {
	const t = { locale: model.locale };
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const links = (options.sections ?? [])
		.filter((section) => section.links.length)
		.map(
			(section) =>
				`<nav class="downloads" aria-label="${escape(section.label)}"><span>${escape(section.label)}:</span><ul>${section.links
					.map((link) => `<li><a href="${escape(link.href)}">${escape(link.label)}</a></li>`)
					.join('')}</ul></nav>`
		)
		.join('\n');
	// The entries carry the plan's own numbers ("1.", "a)", "17") in their text: the list adds none.
	const toc = model.toc.length
		? `<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">${escape(m.doc_contents({}, t))}</h2><ul>${model.toc
				.map((entry) => `<li class="toc-${entry.depth}"><a href="#${entry.anchor}">${escape(entry.text)}</a></li>`)
				.join('')}</ul></nav>`
		: '';
	return `<!doctype html>
<html lang="${model.locale === 'en' ? 'en' : 'sv'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(model.report ? `${model.title} – ${model.report}` : model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">${escape(m.skip_to_content({}, t))}</a>
<header class="title-page">
<p class="organisation">${escape(model.organisation)}</p>
${model.unit ? `<p class="unit">${escape(model.unit)}</p>` : ''}
<h1>${escape(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${escape(model.subtitle)}</p>` : ''}
${model.report ? `<p class="report">${escape(model.report)}</p>` : ''}
${model.boards.length ? `<p class="boards">${model.boards.map(escape).join('<br>')}</p>` : ''}
<p class="adoption">${escape(model.adoption ?? m.doc_draft({}, t))}</p>
${links}
</header>
${toc}
<main id="content">
${model.blocks.map(renderBlock).join('\n')}
</main>
<footer><p>${escape(m.doc_made_with({ date: today }, t))}</p></footer>
</body>
</html>`;
}

function renderBlock(block: Block): string {
	switch (block.kind) {
		case 'heading':
			return `<h${block.depth} id="${block.anchor}">${escape(block.text)}</h${block.depth}>`;
		case 'rich':
			return `<div class="rich">${richHtml(block.text)}</div>`;
		case 'label':
			return `<p class="label">${escape(block.text)}</p>`;
		case 'facts':
			return `<dl>${block.facts.map((fact) => `<dt>${escape(fact.label)}</dt><dd>${richHtml(fact.value, true)}</dd>`).join('')}</dl>`;
		case 'table':
			return `<table><caption>${escape(block.caption)}</caption><thead><tr>${block.columns
				.map((column, index) => `<th scope="col">${escape(column)}${block.help?.[index] ? `<br><i>${escape(block.help[index])}</i>` : ''}</th>`)
				.join('')}</tr></thead><tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${richHtml(cell, true)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
		case 'closing':
			return `<footer class="closing"><p>${block.lines.map(escape).join('<br>')}</p></footer>`;
		case 'chart':
			return `<figure class="chart"><div role="img" aria-label="${escape(block.alt)}">${block.svg.replace(/<svg /, '<svg aria-hidden="true" focusable="false" ')}</div><figcaption>${escape(block.title)}</figcaption></figure>`;
	}
}

/**
 * Rich text as HTML elements, every text escaped (nothing written by a user is markup). A lone
 * paragraph in a cell or beside a label is written without its <p>, as plain values are.
 */
export function richHtml(text: RichText, compact = false): string {
	if (compact && text.length === 1 && text[0].kind === 'paragraph') return inlineHtml(text[0].content);
	return text
		.map((block) => {
			if (block.kind === 'paragraph') return `<p>${inlineHtml(block.content)}</p>`;
			const numbers = block.numbers;
			const items = block.items.map((item, index) => `<li${numbers ? ` value="${numbers[index]}"` : ''}>${richHtml(item, true)}</li>`).join('');
			return block.ordered ? `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>${items}</ol>` : `<ul>${items}</ul>`;
		})
		.join('');
}

function inlineHtml(content: Inline[]): string {
	return content
		.map((part) => {
			if (part.kind === 'break') return '<br>';
			let html = escape(part.text);
			if (part.emphasis) html = `<em>${html}</em>`;
			if (part.strong) html = `<strong>${html}</strong>`;
			return part.href ? `<a href="${escape(part.href)}">${html}</a>` : html;
		})
		.join('');
}

export function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
:root { color: #1b1f24; background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
a { color: #0b5cad; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
.title-page { border-bottom: 2px solid #1b1f24; margin-bottom: 1.5rem; padding-bottom: 1rem; }
.organisation { font-weight: 600; margin: 0; }
.unit, .boards { margin: 0.25rem 0; }
.closing { margin-top: 3rem; border-top: 1px solid #9ca3af; padding-top: 0.75rem; }
h1 { font-size: 2rem; margin: 0.5rem 0; }
.subtitle, .report { font-size: 1.15rem; margin: 0.25rem 0; }
.adoption { color: #4b5563; }
.downloads { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.downloads span { font-weight: 600; }
.downloads ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
.toc ul { list-style: none; padding-left: 0; }
.toc li { margin: 0.15rem 0; }
.toc .toc-3 { margin-left: 1.2rem; }
h2 { font-size: 1.5rem; margin-top: 2rem; border-bottom: 1px solid #d1d5db; }
h3 { font-size: 1.25rem; margin-top: 1.5rem; }
h4, h5, h6 { font-size: 1.05rem; margin-top: 1.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #9ca3af; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #e5e7eb; }
td ul, td ol, dd ul, dd ol { margin: 0; padding-left: 1.1rem; }
td p, dd p, li p { margin: 0 0 0.4em; }
td p:last-child, dd p:last-child, li p:last-child { margin-bottom: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.label { font-weight: 600; margin-bottom: 0.25rem; }
figure.chart { margin: 1rem 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-weight: 600; }
footer { margin-top: 3rem; color: #4b5563; font-size: 0.9rem; }
@media print {
  :root { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .skip, .downloads { display: none; }
  .title-page { min-height: 60vh; page-break-after: always; border: 0; }
  .toc { page-break-after: always; }
  thead { display: table-header-group; }
  tr, figure { page-break-inside: avoid; }
  h2, h3, h4 { page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
