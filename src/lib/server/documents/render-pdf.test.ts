import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdfEngine, renderPdf } from './render-pdf';
import { messageFor } from '../presenters/message';

const hasPoppler = fs.existsSync('/usr/bin/pdfinfo') && fs.existsSync('/usr/bin/pdffonts');

describe('PDF engine (Typst)', () => {
	it('makes a PDF/UA-1 by default and a PDF/A-2a on request, with nothing installed on the machine', async () => {
		const source = '#set document(title: "Plan", date: datetime(year: 2026, month: 1, day: 2))\n#set text(lang: "sv", font: "Source Sans 3", fallback: false)\n#heading("Mål") Text';
		const [ua, archive] = await Promise.all([renderPdf(source), renderPdf(source, 'a-2a')]);
		expect(ua.subarray(0, 5).toString()).toBe('%PDF-');
		expect(archive.subarray(0, 5).toString()).toBe('%PDF-');
		if (!hasPoppler) return;
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-pdf-'));
		fs.writeFileSync(path.join(dir, 'ua.pdf'), ua);
		fs.writeFileSync(path.join(dir, 'a.pdf'), archive);
		expect(execFileSync('pdfinfo', ['-meta', path.join(dir, 'ua.pdf')], { encoding: 'utf8' })).toContain('<pdfuaid:part>1</pdfuaid:part>');
		const archiveMeta = execFileSync('pdfinfo', ['-meta', path.join(dir, 'a.pdf')], { encoding: 'utf8' });
		expect(archiveMeta).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(archiveMeta).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
		// Set in the typeface we ship, embedded: the same file on every machine.
		for (const file of ['ua.pdf', 'a.pdf']) {
			const fonts = execFileSync('pdffonts', [path.join(dir, file)], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
			expect(fonts.length).toBeGreaterThan(0);
			for (const font of fonts) expect(font).toMatch(/SourceSans3.* yes /);
		}
	});

	it('says plainly when the engine cannot start, in the user\'s language', async () => {
		const engine = createPdfEngine({ compiler: '/nonexistent/typst-ts-node-compiler' });
		const refusal = await engine.render('Text', 'ua-1').catch((thrown) => thrown);
		await engine.stop();
		expect(refusal).toMatchObject({ code: 'error_pdf_unavailable', status: 503 });
		expect(messageFor(refusal, 'sv')).toContain('Word, Excel och webbsidan fungerar ändå');
		expect(messageFor(refusal, 'en')).toContain('Word, Excel and the web page still work');
	});

	it('reports Typst\'s own message for a source that does not compile, and keeps working', async () => {
		await expect(renderPdf('#heading(level: "x")')).rejects.toThrow(/Typst: .*expected integer/);
		expect((await renderPdf('#set document(title: "Ok")\n#set text(lang: "sv")\nOk')).subarray(0, 5).toString()).toBe('%PDF-');
	});
});
