import { describe, expect, it } from 'vitest';
import { docxText, hasPdfText, htmlText, pdfText } from '../testing/document-fidelity';
import type { DocumentModel } from './document-model';
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderPdf } from './render-pdf';
import { renderTypst } from './render-typst';
import { plainRichText } from './rich-text-model';

/** A table of the reference's shape: each column's label with its field's help under it. */
const model: DocumentModel = {
	locale: 'sv',
	title: 'Verksamhetsplan',
	subtitle: 'Barn- och utbildningsnämnden',
	report: null,
	adoption: null,
	organisation: 'Exempelkommun',
	unit: 'Utbildningsförvaltningen',
	boards: [],
	toc: [],
	blocks: [
		{
			kind: 'table',
			caption: 'Mått',
			columns: ['Mått', 'Aktivitet', 'Status'],
			help: ['Vad mäta?', 'Hur? Vad göra?', ''],
			rows: [[plainRichText('Andel behöriga'), plainRichText('Läslyftet'), plainRichText('Pågående')]]
		}
	]
} as DocumentModel;

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('a table header', () => {
	it('prints a column\'s help under its label, as the reference documents do ("Mått Vad mäta?"), in HTML, Word and PDF', async () => {
		const html = renderHtml(model);
		expect(html).toContain('<th scope="col">Mått<br><i>Vad mäta?</i></th>');
		expect(html).toContain('<th scope="col">Status</th>');
		expect(flat(htmlText(html))).toContain('Mått Vad mäta? Aktivitet Hur? Vad göra? Status');
		expect(flat(await docxText(await renderDocx(model)))).toContain('Mått Vad mäta? Aktivitet Hur? Vad göra? Status');
		if (hasPdfText) expect(flat(pdfText(await renderPdf(renderTypst(model, { today: '2026-11-22' }))))).toContain('Mått Vad mäta? Aktivitet Hur? Vad göra? Status');
	});
});
