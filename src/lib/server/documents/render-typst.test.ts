import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from './document-model';
import { pdfFontCoverage, renderPdf } from './render-pdf';
import { columnWidths, renderTypst, typstString } from './render-typst';
import { parseRichTextInline, plainRichText } from './rich-text-model';

/** Text that means something in Typst markup or code, as someone might type it in a title or comment. */
const HOSTILE = [
	'#import "@preview/cetz:0.3.0": *',
	'#set page(width: 1pt) #read("/etc/passwd")',
	'$x^2$ och *fet* och _kursiv_ och @etikett <etikett>',
	'[hakar] {klamrar} (parenteser) \\ omvänt snedstreck \\" citat "',
	'// ingen kommentar /* inte heller */',
	'```kod``` och `kod`',
	'= Ingen rubrik',
	'- ingen lista',
	'+ ingen numrering',
	'/ Term: ingen term',
	'~ ~~ -- --- ... \' "',
	'tab\there'
];

const hasPoppler = fs.existsSync('/usr/bin/pdftotext');

describe('Typst source', () => {
	it('writes any text as a string literal: only backslash, quote and control characters are escaped', () => {
		expect(typstString('a"b\\c\nd\te\u0001')).toBe('"a\\"b\\\\c\\nd e\\u{1}"');
		expect(typstString('#set *x* $y$ [z] // w')).toBe('"#set *x* $y$ [z] // w"');
	});

	it.skipIf(!hasPoppler)('prints hostile text as text, wherever it stands', async () => {
		const lines = HOSTILE.join('\n');
		const model: DocumentModel = {
			locale: 'sv',
			title: HOSTILE[0],
			subtitle: HOSTILE[2],
			report: null,
			adoption: HOSTILE[3],
			organisation: HOSTILE[6],
			unit: HOSTILE[5],
			boards: [HOSTILE[4]],
			toc: [{ depth: 2, text: HOSTILE[1], anchor: 's1' }],
			blocks: [
				{ kind: 'heading', depth: 2, text: HOSTILE[1], anchor: 's1' },
				{ kind: 'rich', text: plainRichText(lines) },
				{ kind: 'label', text: HOSTILE[4] },
				{ kind: 'facts', facts: [{ label: HOSTILE[5], value: plainRichText(HOSTILE[7]) }] },
				{ kind: 'table', caption: HOSTILE[8], columns: [HOSTILE[9], HOSTILE[10]], rows: [[plainRichText(HOSTILE[11]), parseRichTextInline('[länk](https://example.org/a"b\\c) **fet**')]] },
				{ kind: 'chart', title: HOSTILE[2], alt: HOSTILE[3], svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text style="font-family:sans-serif">"\\</text></svg>', width: 10, height: 10 }
			]
		};
		const pdf = await renderPdf(renderTypst(model, { today: '2026-11-22' }));
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-typst-')), 'hostile.pdf');
		fs.writeFileSync(file, pdf);
		const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
		// (A tab is set as a space.)
		for (const line of HOSTILE) expect(text).toContain(line.replace(/\s+/g, ' '));
		expect(text).toContain('länk fet');
	});
});

describe('characters the typeface lacks', () => {
	it.skipIf(!hasPoppler)('are shown as □ instead of failing the whole PDF (PDF/UA and PDF/A refuse a character without a glyph)', async () => {
		const model: DocumentModel = {
			locale: 'sv',
			title: 'Plan för Åsa Öberg – 王小明 😀',
			subtitle: 'Ελληνικά, Кириллица, ≥ 90 %, €',
			report: null,
			adoption: null,
			organisation: 'Kommun',
			unit: 'Förvaltningen',
			boards: [],
			toc: [],
			blocks: [{ kind: 'rich', text: plainRichText('Teamet 👩‍💻 läser ǅ.') }]
		};
		const source = renderTypst(model, { today: '2026-11-22', covers: pdfFontCoverage() });
		for (const standard of ['ua-1', 'a-2a'] as const) {
			const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-typst-')), 'glyphs.pdf');
			fs.writeFileSync(file, await renderPdf(source, standard));
			const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
			expect(text).toContain('Plan för Åsa Öberg – □□□ □');
			expect(text).toContain('Ελληνικά, Кириллица, ≥ 90 %, €');
			expect(text).toContain('Teamet □□ läser □.');
		}
		// Without the check Typst refuses the document.
		await expect(renderPdf(renderTypst(model, { today: '2026-11-22' }))).rejects.toThrow(/could not be displayed/);
	});
});

describe('column widths', () => {
	const cells = (...texts: string[]) => texts.map((text) => plainRichText(text));
	const fractions = (widths: string) => [...widths.matchAll(/(\d+)fr/g)].map((match) => Number(match[1]));

	it('gives short values their whole line and running text the rest, as fractions of the page (in points)', () => {
		const widths = fractions(
			columnWidths(
				['Nr', 'Aktivitet', 'Ansvarig', 'Klart'],
				[
					cells('16', 'Ta fram en gemensam plan för hur lärare i alla ämnen arbetar med läsförståelse och skrivande under hela läsåret', 'Rektor', 'dec 22'),
					cells('17', 'Följa upp', 'Utvecklingsledare', 'VT23')
				]
			)
		);
		expect(widths).toHaveLength(4);
		// "Utvecklingsledare" (17 characters) keeps its line; "dec 22" is not cut; the activity gets most of the page.
		expect(widths[2]).toBeGreaterThanOrEqual(17 * 4.3 + 8);
		expect(widths[3]).toBeGreaterThanOrEqual(6 * 4.3 + 8);
		expect(widths[1]).toBeGreaterThan(widths[0] + widths[2] + widths[3]);
	});

	it('keeps every column at least as wide as its longest word when the page allows', () => {
		const widths = fractions(columnWidths(['A', 'B', 'C', 'D'], [cells('Skolchef gymnasieskola', 'x', 'y', 'z')]));
		expect(widths[0]).toBeGreaterThanOrEqual(13 * 4.3 + 8);
	});
});
