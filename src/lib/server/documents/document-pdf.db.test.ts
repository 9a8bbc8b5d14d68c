import { restyleLevel as restyle } from '../testing/factories';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '../../paraglide/messages.js';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { saveChapter } from '../plans/save-chapter';
import { loadDemo } from '../demo/load-demo';
import { listPlans } from '../plans/plan-repository';
import { listPeriods } from '../follow-up/period-repository';
import { exportPlan } from './export-plan';
import { loadDocumentSource } from './load-document';
import { buildDocument } from './document-model';

/**
 * The PDF as its readers get it, read back with poppler: the structure a screen reader uses, the
 * standard it claims, its text in order, its contents with page numbers, its pages.
 */
const hasPoppler = ['pdfinfo', 'pdftotext', 'pdftohtml'].every((tool) => fs.existsSync(`/usr/bin/${tool}`));

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

function read(body: Buffer) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-pdf-')), 'document.pdf');
	fs.writeFileSync(file, body);
	const pages = run('pdftotext', '-layout', file, '-').split('\f');
	return {
		info: run('pdfinfo', file),
		meta: run('pdfinfo', '-meta', file),
		struct: run('pdfinfo', '-struct', file),
		outline: run('pdftohtml', '-xml', '-i', '-stdout', '-q', file),
		text: run('pdftotext', '-raw', file, '-'),
		pages,
		/** The alternative texts of the document's figures, from its structure tree. */
		alts: altTexts(body)
	};
}

function altTexts(pdf: Buffer): string[] {
	const alts: string[] = [];
	const streams = pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g);
	for (const match of streams) {
		let data: string;
		try {
			data = inflateSync(Buffer.from(match[1], 'latin1')).toString('latin1');
		} catch {
			continue;
		}
		for (const alt of data.matchAll(/\/Alt\s*<FEFF([0-9A-F]*)>/gi)) alts.push(Buffer.from(alt[1], 'hex').swap16().toString('utf16le'));
		for (const alt of data.matchAll(/\/Alt\s*\(([^)]*)\)/g)) alts.push(alt[1]);
	}
	return alts;
}

/** Markdown a reader would see as syntax. */
function expectNoMarkdown(text: string) {
	expect(text).not.toMatch(/\*\*|__|\]\(/);
	expect(text).not.toMatch(/^\s*(- |\* |\+ |#{1,6} )/m);
}

/** Each text found after the one before it. */
function expectInOrder(text: string, parts: string[]) {
	const flat = text.replace(/\s+/g, ' ');
	let at = 0;
	for (const part of parts) {
		const found = flat.indexOf(part.replace(/\s+/g, ' '), at);
		expect(found, `"${part}" after position ${at}`).toBeGreaterThanOrEqual(0);
		at = found + 1;
	}
}

/** The contents' entries as poppler lays them out: "12. Trygghet . . . . . 7". */
function contentsEntries(pages: string[], title: string): { text: string; page: number }[] {
	const start = pages.findIndex((page) => page.includes(title));
	const entries: { text: string; page: number }[] = [];
	for (const page of pages.slice(start)) {
		const lines = page.split('\n').filter((line) => /\.\s?\.\s?\.\s.*\d+\s*$/.test(line));
		if (!lines.length && entries.length) break;
		for (const line of lines) {
			const match = /^\s*(.*?)\s*(?:\.\s?)+\s*\u2060?(\d+)\s*$/.exec(line);
			if (match) entries.push({ text: match[1], page: Number(match[2]) });
		}
	}
	return entries;
}


describe.skipIf(!hasPoppler)('PDF (Typst), read back with poppler', () => {
	it('every demo plan and report: PDF/UA-1, tagged, titled, in Swedish; every heading in order with its own number; contents with page numbers; charts with alt text; no Markdown', async () => {
		const db = await testDb();
		const { tenant } = await loadDemo(db);
		let reports = 0;
		for (const plan of await listPlans(db, tenant.id)) {
			for (const period of [undefined, ...(await listPeriods(db, tenant.id, plan.id)).map((candidate) => candidate.id)]) {
				const source = (await loadDocumentSource(db, tenant.id, plan.id, period))!;
				const model = buildDocument(source.data, { locale: 'sv', organisation: source.organisation, followUp: source.followUp });
				const pdf = read((await exportPlan(db, tenant.id, plan.id, { format: 'pdf', periodId: period, locale: 'sv' })).body);
				const title = model.report ? `${model.title} – ${model.report}` : model.title;

				expect(pdf.info).toMatch(/Tagged:\s+yes/);
				expect(pdf.info).toContain(`Title:           ${title}`);
				expect(pdf.meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
				expect(pdf.meta).toMatch(/<dc:language><rdf:Bag><rdf:li>sv<\/rdf:li>/);
				expect(pdf.struct).toMatch(/\bTable\b[\s\S]*\bTH\b/);
				expectNoMarkdown(pdf.text);

				// Headings in order, with the plan's numbers as written and no generated ones.
				const headings = model.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
				expectInOrder(pdf.text, headings);
				// The contents: the same entries with page numbers, in order, and the bookmarks.
				const entries = contentsEntries(pdf.pages, 'Innehåll');
				expect(entries.map((entry) => entry.text)).toEqual(model.toc.map((entry) => entry.text.replace(/\s+/g, ' ')));
				for (const [index, entry] of entries.entries()) {
					expect(entry.page).toBeGreaterThan(2);
					if (index) expect(entry.page).toBeGreaterThanOrEqual(entries[index - 1].page);
					// The page the contents names is the page the heading is on.
					expect(pdf.pages[entry.page - 1].replace(/\s+/g, ' ')).toContain(entry.text);
				}
				for (const heading of headings) expect(pdf.outline).toContain(`>${heading.replace(/&/g, '&amp;')}<`);

				// Every chart has its alternative text; the footer numbers the pages.
				for (const block of model.blocks) if (block.kind === 'chart') expect(pdf.alts).toContain(block.alt);
				if (model.report) reports += 1;
				const pageCount = Number(/Pages:\s+(\d+)/.exec(pdf.info)![1]);
				expect(pdf.pages[pageCount - 1]).toContain(`Sida ${pageCount} / ${pageCount}`);
			}
		}
		expect(reports).toBeGreaterThan(0);
	});

	it('a plan of 120 items with numbered areas and lettered strategies: refs as written in headings, contents and bookmarks; no heading ends a page', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const { framework, plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
		await restyle(db, ctx, framework.id, level('insats'), 'heading');
		await saveChapter(db, ctx, plan.id, null, { title: 'Inledning', body: 'Planen gäller **läsåret 22/23**.' });
		const headings: string[] = ['Inledning'];
		for (let area = 1; area <= 12; area++) {
			const parent = await addNode(db, ctx, plan.id, { levelId: level('omrade').id, ref: `${area}.`, title: `Område ${area}`, description: `Nulägesanalysen för område ${area} visar *två* saker.` });
			headings.push(`${area}. Område ${area}`);
			for (const letter of 'abcdefghi') {
				await addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: parent.id, ref: `${letter})`, title: `Strategi ${letter} i område ${area}`, values: { responsible: 'Rektor', deadline: 'dec 22' } });
				headings.push(`${letter}) Strategi ${letter} i område ${area}`);
			}
		}
		const pdf = read((await exportPlan(db, ctx.tenantId, plan.id, { format: 'pdf', locale: 'sv' })).body);
		expectInOrder(pdf.text, headings);
		expectNoMarkdown(pdf.text);
		// Two-digit numbers whole, letters not numbered again ("8. a) …" was printed before).
		const entries = contentsEntries(pdf.pages, 'Innehåll');
		expect(entries.map((entry) => entry.text)).toEqual(headings);
		expect(pdf.text).not.toMatch(/\d+\. [a-i]\) Strategi/);
		for (const entry of entries) expect(pdf.pages[entry.page - 1].replace(/\s+/g, ' ')).toContain(entry.text);
		expect(pdf.outline).toContain('>12. Område 12<');
		expect(pdf.outline).toContain('>i) Strategi i i område 12<');
		// The web page's contents too: an unnumbered list of the entries with their own numbers.
		const html = (await exportPlan(db, ctx.tenantId, plan.id, { format: 'html', locale: 'sv' })).body.toString();
		const toc = /<nav class="toc"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1];
		expect(toc).not.toContain('<ol');
		expect([...toc.matchAll(/<li class="toc-\d"><a href="#s\d+">([^<]*)<\/a><\/li>/g)].map((entry) => entry[1])).toEqual(headings);
		expect(html).toMatch(/\.toc ul \{ list-style: none;/);

		// A heading is kept with what follows it: no page's last line (above the footer) is a heading.
		const body = pdf.pages.slice(entries[0].page - 1).filter((page) => page.trim());
		for (const page of body) {
			const lines = page.split('\n').map((line) => line.trim()).filter(Boolean);
			const last = lines.at(-2)!; // the footer is the last line
			expect(headings, `page ending "${last}"`).not.toContain(last);
		}
	});

	it('a long table: its header row on every page it runs over, short values on one line', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
		const area = await addNode(db, ctx, plan.id, { levelId: level('omrade').id, ref: '1.', title: 'Läsning' });
		for (let row = 1; row <= 90; row++) {
			await addNode(db, ctx, plan.id, {
				levelId: level('insats').id,
				parentId: area.id,
				ref: String(row),
				title: `Insats ${row}: lärare i alla ämnen arbetar med läsförståelse och skrivande under hela läsåret`,
				values: { responsible: 'Utvecklingsledare', deadline: 'dec 22' }
			});
		}
		const pdf = read((await exportPlan(db, ctx.tenantId, plan.id, { format: 'pdf', locale: 'sv' })).body);
		const withRows = pdf.pages.filter((page) => /Insats \d+:/.test(page));
		expect(withRows.length).toBeGreaterThan(1);
		for (const page of withRows) {
			// The header row leads each page of the table.
			const firstRow = page.search(/Insats \d+:/);
			expect(page.slice(0, firstRow)).toMatch(/Insats\s+Ansvarig\s+Klart/);
			// "dec 22" and "Utvecklingsledare" are never broken.
			const lines = page.split('\n').filter((line) => /Insats \d+:/.test(line));
			for (const line of lines) expect(line).toMatch(/Utvecklingsledare\s+dec 22\s*$/);
		}
		for (let row = 1; row <= 90; row++) expect(pdf.text).toContain(`${row} Insats ${row}:`);
	});

	it('a title with an emoji or a Chinese name still makes a PDF (the typeface lacks them: □), as the other formats keep them', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
		await addNode(db, ctx, plan.id, { levelId: level('omrade').id, ref: '1.', title: 'Läsning 📚 med 王小明', description: 'Vi läser 👩‍💻 varje dag.' });
		for (const format of ['pdf', 'pdfa']) {
			const pdf = read((await exportPlan(db, ctx.tenantId, plan.id, { format, locale: 'sv' })).body);
			expect(pdf.text.replace(/\s+/g, ' ')).toContain('1. Läsning □ med □□□');
			expect(pdf.text.replace(/\s+/g, ' ')).toContain('Vi läser □□ varje dag.');
		}
		expect((await exportPlan(db, ctx.tenantId, plan.id, { format: 'html', locale: 'sv' })).body.toString()).toContain('1. Läsning 📚 med 王小明');
	});

	it('PDF/A-2a for the archive: the same document, tagged, claiming PDF/A-2a', async () => {
		const db = await testDb();
		const { tenant } = await loadDemo(db);
		const [plan] = await listPlans(db, tenant.id);
		const file = await exportPlan(db, tenant.id, plan.id, { format: 'pdfa', locale: 'en' });
		expect(file.filename).toMatch(/-pdfa\.pdf$/);
		expect(file.contentType).toBe('application/pdf');
		const pdf = read(file.body);
		expect(pdf.info).toMatch(/Tagged:\s+yes/);
		expect(pdf.meta).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(pdf.meta).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
		expect(pdf.meta).toMatch(/<rdf:li>en<\/rdf:li>/);
		expect(pdf.text).toContain(m.doc_contents({}, { locale: 'en' }));
	});
});
