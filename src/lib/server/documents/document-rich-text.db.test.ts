import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { saveChapter } from '../plans/save-chapter';
import { saveField } from '../frameworks/save-field';
import { updateLevel } from '../frameworks/update-level';
import { addPeriod } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { listScale } from '../follow-up/scales';
import { exportPlan } from './export-plan';

/** A rich-text column as people write it when they paste from Word: bold and italic lead-ins, a list, paragraphs. */
const FOLLOW_UP = '**Uppföljning:** *Forum:* Ledningsgruppen\n*När:* varje månad\n\nInsatser:\n\n- Kartläggning av läsförmåga\n- Fortbildning\n  1. Läslyftet\n  2. Matematiklyftet';
const CHAPTER = 'Planen bygger på **nulägesanalysen**.\n\n## Bakgrund\n\nResultaten har *sjunkit*.\n\n1. Första steget\n2. Andra steget\n\n### Mer om bakgrunden\n\nSe [Skolverket](https://www.skolverket.se).';
const COMMENT = '**Läget:** två av tre skolor klara.\n- Norrskolan\n- Söderskolan';

/** A plan whose items carry Markdown in a table column, in a chapter, a description, a rich field and a report's comment. */
async function richPlan() {
	const db = await testDb();
	const { ctx, top } = await createTestOrganisation(db);
	const { framework, plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
	const insats = level('insats');
	const key = await saveField(db, ctx, framework.id, insats.id, { type: 'rich_text', labelSv: 'Uppföljning', labelEn: 'Follow-up' });
	await updateLevel(db, ctx, framework.id, insats.id, {
		nameSv: insats.nameSv,
		namePluralSv: insats.namePluralSv,
		nameEn: insats.nameEn,
		namePluralEn: insats.namePluralEn,
		isRoot: insats.isRoot,
		followUp: insats.followUp,
		documentStyle: 'table_row',
		tableColumns: ['ref', 'title', key, 'responsible'],
		childLevelIds: insats.childLevelIds
	});
	await saveChapter(db, ctx, plan.id, null, { title: 'Inledning', body: CHAPTER });
	const area = await addNode(db, ctx, plan.id, {
		levelId: level('omrade').id,
		title: 'Läsning',
		description: 'Fler elever **läser** med flyt.\n\n- i förskoleklass\n- i årskurs 1',
		values: { effekter: '*Ökad* läsförståelse\n\n1. Högre resultat\n2. Större läslust' }
	});
	const row = await addNode(db, ctx, plan.id, { levelId: insats.id, parentId: area.id, ref: '1', title: 'Läsfixare', values: { [key]: FOLLOW_UP, responsible: 'Rektor' } });
	const period = await addPeriod(db, ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
	const status = (await listScale(db, ctx.tenantId, 'status')).find((value) => value.labelSv === 'Pågående')!;
	await recordFollowUp(db, ctx, plan.id, row.id, period, { statusId: status.id, comment: COMMENT });
	const file = (format: string) => exportPlan(db, ctx.tenantId, plan.id, { format, periodId: period, locale: 'sv' });
	return { file, key };
}

/** Markdown a reader would see as syntax: bold/italic markers, list dashes or heading hashes at line starts, link brackets. */
function expectNoMarkdown(text: string) {
	expect(text).not.toMatch(/\*\*|__|\]\(/);
	expect(text).not.toMatch(/^\s*(- |\* |\+ |#{1,6} )/m);
	expect(text).not.toMatch(/(^|\s)\*[^\s*][^*]*\*/);
}

const paragraphsOf = (xml: string) =>
	[...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => ({
		xml: match[0],
		style: /<w:pStyle w:val="([^"]+)"/.exec(match[0])?.[1] ?? '',
		text: [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((part) => part[1] ?? '\n').join('')
	}));

describe('rich text in documents', () => {
	it('Word: bold and italic runs, real lists with numbering definitions, chapter headings as heading styles, no Markdown anywhere', async () => {
		const { file } = await richPlan();
		const zip = await JSZip.loadAsync((await file('docx')).body);
		const document = await zip.file('word/document.xml')!.async('string');
		const numbering = await zip.file('word/numbering.xml')!.async('string');
		const paragraphs = paragraphsOf(document);
		expectNoMarkdown(paragraphs.map((paragraph) => paragraph.text).join('\n'));

		// Runs: "Uppföljning:" bold, "Forum:" italic, each in a run of its own.
		const runs = [...document.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g)].map((match) => match[0]);
		const run = (text: string) => runs.find((candidate) => candidate.includes(`>${text}</w:t>`))!;
		expect(run('Uppföljning:')).toContain('<w:b/>');
		expect(run('Forum:')).toContain('<w:i/>');
		expect(run('Forum:')).not.toContain('<w:b/>');
		expect(run('nulägesanalysen')).toContain('<w:b/>');
		expect(run('Läget:')).toContain('<w:b/>');
		// The line break inside the cell's first paragraph is a real break, not a new paragraph.
		expect(paragraphs.some((paragraph) => paragraph.text === 'Uppföljning: Forum: Ledningsgruppen\nNär: varje månad')).toBe(true);

		// Lists are Word lists: numbered paragraphs pointing at numbering definitions, bullets and decimals.
		const listed = paragraphs.filter((paragraph) => paragraph.xml.includes('<w:numPr>'));
		const listText = (text: string) => listed.find((paragraph) => paragraph.text === text)!;
		for (const text of ['Kartläggning av läsförmåga', 'Läslyftet', 'Första steget', 'Högre resultat', 'i förskoleklass', 'Norrskolan']) expect(listText(text)).toBeDefined();
		const numIds = new Set(listed.map((paragraph) => /<w:numId w:val="(\d+)"/.exec(paragraph.xml)![1]));
		for (const id of numIds) expect(numbering).toContain(`<w:num w:numId="${id}"`);
		expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
		expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>/);
		// A nested list sits one level in.
		expect(listText('Läslyftet').xml).toMatch(/<w:ilvl w:val="1"\/>/);

		// Headings inside the chapter are the document's own headings, below the chapter's.
		const styles = (text: string) => paragraphs.filter((paragraph) => paragraph.text === text).map((paragraph) => paragraph.style);
		expect(styles('Inledning')).toContain('Heading1');
		expect(styles('Bakgrund')).toContain('Heading2');
		expect(styles('Mer om bakgrunden')).toContain('Heading3');
		expect(styles('Bakgrund')).not.toContain('');
		// A link is a link.
		expect(document).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*?Skolverket[\s\S]*?<\/w:hyperlink>/);
	});

	it('HTML (and so the PDF): elements for emphasis, lists and headings, no Markdown in the text', async () => {
		const { file } = await richPlan();
		const html = (await file('html')).body.toString();
		const main = /<main id="content">([\s\S]*)<\/main>/.exec(html)![1];
		const text = main
			.replace(/<(br|\/p|\/li|\/h\d|\/dd|\/td)>/g, '\n')
			.replace(/<[^>]+>/g, '')
			.replace(/&amp;/g, '&');
		expectNoMarkdown(text);
		expect(main).toContain('<td><p><strong>Uppföljning:</strong> <em>Forum:</em> Ledningsgruppen<br><em>När:</em> varje månad</p><p>Insatser:</p><ul><li>Kartläggning av läsförmåga</li><li><p>Fortbildning</p><ol><li>Läslyftet</li><li>Matematiklyftet</li></ol></li></ul></td>');
		expect(main).toMatch(/<h3 id="s\d+">Bakgrund<\/h3>/);
		expect(main).toMatch(/<h4 id="s\d+">Mer om bakgrunden<\/h4>/);
		expect(main).toContain('<a href="https://www.skolverket.se">Skolverket</a>');
		expect(main).toContain('<p class="label">Effekter</p>\n<div class="rich"><p><em>Ökad</em> läsförståelse</p><ol><li>Högre resultat</li><li>Större läslust</li></ol></div>');
		// The report's comment, in its column, as elements too.
		expect(main).toContain('<td><p><strong>Läget:</strong> två av tre skolor klara.</p><ul><li>Norrskolan</li><li>Söderskolan</li></ul></td>');
	});

	it('Excel and CSV: plain text with line breaks, lists as lines of their own, no Markdown', async () => {
		const { file } = await richPlan();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await file('xlsx')).body as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet('Punkter')!;
		const header = (sheet.getRow(1).values as string[]).slice(1);
		const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((row) => Object.fromEntries(header.map((name, index) => [name, row[index + 1] ?? ''])));
		for (const row of rows) for (const value of Object.values(row)) expectNoMarkdown(String(value));
		const insats = rows.find((row) => row.Rubrik === 'Läsfixare')!;
		expect(insats['Uppföljning']).toBe('Uppföljning: Forum: Ledningsgruppen\nNär: varje månad\n\nInsatser:\n• Kartläggning av läsförmåga\n• Fortbildning\n  1. Läslyftet\n  2. Matematiklyftet');
		expect(insats['Kommentar – Delår 1']).toBe('Läget: två av tre skolor klara.\n• Norrskolan\n• Söderskolan');
		const area = rows.find((row) => row.Rubrik === 'Läsning')!;
		expect(area.Beskrivning).toBe('Fler elever läser med flyt.\n• i förskoleklass\n• i årskurs 1');
		expect(area.Effekter).toBe('Ökad läsförståelse\n1. Högre resultat\n2. Större läslust');

		const csv = (await file('csv')).body.toString();
		expectNoMarkdown(csv);
		expect(csv).toContain('"Uppföljning: Forum: Ledningsgruppen\nNär: varje månad\n\nInsatser:\n• Kartläggning av läsförmåga');
		expect(csv).toContain('Pågående;"Läget: två av tre skolor klara.\n• Norrskolan\n• Söderskolan"');
	});

	const pdfTools = fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/pdftohtml');
	it.skipIf(!pdfTools)('PDF: no Markdown in its text, and the chapter\'s own headings are bookmarks', async () => {
		const { file } = await richPlan();
		const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-rich-')), 'plan.pdf');
		fs.writeFileSync(pdf, (await file('pdf')).body);
		const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
		expectNoMarkdown(text);
		expect(text).toContain('1. Läslyftet');
		const outline = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdf], { encoding: 'utf8' });
		expect(outline).toMatch(/<outline>[\s\S]*Bakgrund[\s\S]*<\/outline>/);
	});
});
