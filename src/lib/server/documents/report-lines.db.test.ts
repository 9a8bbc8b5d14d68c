import { restyleLevel as restyle } from '../testing/factories';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addIndicator } from '../indicators/add-indicator';
import { addPeriod } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { recordMeasurement } from '../follow-up/record-measurement';
import { listFollowUps } from '../follow-up/follow-up-repository';
import { listPeriods } from '../follow-up/period-repository';
import { listScale } from '../follow-up/scales';
import { loadDemo } from '../demo/load-demo';
import { listPlans, loadPlanData } from '../plans/plan-repository';
import { systemContext } from '../shared/context';
import { exportPlan } from './export-plan';
import { markdownPlainText } from './field-text';


const INITIATIVES = [
	['Kartlägga läsförmågan i åk 1', 'Pågående', 'Kartläggningen är gjord på fyra av sex skolor.'],
	['Fortbilda lärare i läsundervisning', 'Genomförd', 'Alla lärare i F–3 har gått Läslyftet.'],
	['Läsombud på varje skola', 'Ej påbörjad', 'Startar efter sommaren.'],
	['Bokcirklar för vårdnadshavare', 'Kvarstår', 'Lokalfrågan är inte löst.'],
	['Skolbibliotekarie på heltid', 'Pågående', 'Rekrytering pågår, två av tre tjänster tillsatta.']
] as const;

/** A plan whose initiative level is shown as headings and followed up with status and comment; five reports saved in a period. */
async function headingInitiatives() {
	const db = await testDb();
	const { ctx, top } = await createTestOrganisation(db);
	const { framework, plan, level } = await createTestPlan(db, ctx, top.id, 'omrade-insatser');
	await restyle(db, ctx, framework.id, level('insats'), 'heading');
	const area = await addNode(db, ctx, plan.id, { levelId: level('omrade').id, title: 'Läsning' });
	const period = await addPeriod(db, ctx, plan.id, { name: 'Delår 1 per 30 april', asOf: '2024-04-30', dueOn: '2024-05-15' });
	const statuses = await listScale(db, ctx.tenantId, 'status');
	const items: { id: string; title: string; status: string; comment: string }[] = [];
	for (const [title, status, comment] of INITIATIVES) {
		const node = await addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: area.id, title, values: { responsible: 'Rektor' } });
		await recordFollowUp(db, ctx, plan.id, node.id, period, { statusId: statuses.find((value) => value.labelSv === status)!.id, comment });
		items.push({ id: node.id, title, status, comment });
	}
	// One initiative has an indicator with an outcome in the period.
	const indicator = await addIndicator(db, ctx, plan.id, items[0].id, { name: 'Andel elever som läser med flyt', kind: 'percent', targetKind: 'value', targetComparison: '>=', targetValue: '90' });
	await recordMeasurement(db, ctx, { planId: plan.id, nodeId: items[0].id, indicatorId: indicator, periodId: period }, { value: '84' });
	const file = (format: string) => exportPlan(db, ctx.tenantId, plan.id, { format, periodId: period, locale: 'sv' });
	return { db, ctx, framework, level, plan, file, items };
}

/** Text of a .docx as paragraphs, in order. */
async function docxParagraphs(body: Buffer) {
	const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => ({
		heading: /<w:pStyle w:val="Heading\d"/.test(match[0]),
		text: [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((part) => part[1] ?? '\n').join('')
	}));
}

/** The part of an HTML document under the heading with this text, up to the next heading. */
function htmlSection(html: string, title: string): string {
	const start = html.search(new RegExp(`<h\\d id="s\\d+">${title}</h\\d>`));
	expect(start, `heading "${title}"`).toBeGreaterThan(-1);
	const rest = html.slice(start + 1);
	const end = rest.search(/<h\d /);
	return end === -1 ? rest : rest.slice(0, end);
}

async function sheetRows(body: Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	const sheet = workbook.getWorksheet('Punkter')!;
	const header = (sheet.getRow(1).values as string[]).slice(1);
	return (sheet.getSheetValues().slice(2) as unknown[][]).map((row) => Object.fromEntries(header.map((name, index) => [name, String(row[index + 1] ?? '')])));
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('every reported item has its line in the report', () => {
	it('prints the status and comment of each of five initiatives shown as headings, under its heading, in every format', async () => {
		const { file, items } = await headingInitiatives();

		const html = (await file('html')).body.toString();
		for (const item of items) {
			const section = htmlSection(html, item.title);
			expect(section).toContain(`<dt>Status</dt><dd>${item.status}</dd>`);
			expect(section).toContain(`<dt>Kommentar</dt><dd>${item.comment}</dd>`);
		}
		// The indicator's outcome of the period stands under its initiative.
		expect(htmlSection(html, items[0].title)).toMatch(/<td>Andel elever som läser med flyt<\/td>.*<td>84 %<\/td>/);

		const paragraphs = await docxParagraphs((await file('docx')).body);
		for (const item of items) {
			const at = paragraphs.findIndex((paragraph) => paragraph.heading && paragraph.text === item.title);
			expect(at, `heading "${item.title}" in Word`).toBeGreaterThan(-1);
			const next = paragraphs.findIndex((paragraph, index) => index > at && paragraph.heading);
			const section = paragraphs.slice(at + 1, next === -1 ? undefined : next).map((paragraph) => paragraph.text);
			expect(section).toContain(`Status: ${item.status}`);
			expect(section).toContain(`Kommentar: ${item.comment}`);
		}

		const rows = await sheetRows((await file('xlsx')).body);
		for (const item of items) {
			const row = rows.find((candidate) => candidate.Rubrik === item.title)!;
			expect([row['Status – Delår 1 per 30 april'], row['Kommentar – Delår 1 per 30 april']]).toEqual([item.status, item.comment]);
		}
		const csv = (await file('csv')).body.toString();
		for (const item of items) expect(csv).toContain(`${item.status};${item.comment}`);
	});

	it('prints them as status and comment columns when the level is shown as table rows, with the rows\' indicator outcomes after the table', async () => {
		const { db, ctx, framework, level, file, items } = await headingInitiatives();
		await restyle(db, ctx, framework.id, level('insats'), 'table_row', ['title', 'responsible']);
		const html = (await file('html')).body.toString();
		expect(html).toContain('<th scope="col">Insats</th><th scope="col">Ansvarig</th><th scope="col">Status</th><th scope="col">Kommentar</th>');
		for (const item of items) expect(html).toContain(`<tr><td>${item.title}</td><td>Rektor</td><td>${item.status}</td><td>${item.comment}</td></tr>`);
		expect(html).toContain(`<tr><td>${items[0].title}</td><td>Andel elever som läser med flyt</td>`);
		expect(html).toMatch(/<td>84 %<\/td>/);
	});

	it('leaves out no report of any period of any demo plan, in the web page, Word, Excel or CSV', async () => {
		const db = await testDb();
		const { tenant } = await loadDemo(db);
		let checked = 0;
		for (const plan of await listPlans(db, tenant.id)) {
			const data = (await loadPlanData(db, tenant.id, plan.id))!;
			const titles = new Map(data.nodes.map((node) => [node.id, node.title]));
			for (const period of await listPeriods(db, tenant.id, plan.id)) {
				const reports = await listFollowUps(db, tenant.id, plan.id, period.id);
				if (!reports.length) continue;
				const file = async (format: string) => (await exportPlan(db, tenant.id, plan.id, { format, periodId: period.id, locale: 'sv' })).body;
				const html = squash(
					(await file('html'))
						.toString()
						.replace(/<[^>]+>/g, ' ')
						.replace(/&amp;/g, '&')
				);
				const word = squash((await docxParagraphs(await file('docx'))).map((paragraph) => paragraph.text).join('\n'));
				const rows = await sheetRows(await file('xlsx'));
				const csv = squash((await file('csv')).toString());
				for (const report of reports) {
					for (const text of [report.comment, report.analysis].filter((candidate) => candidate.trim())) {
						const plain = squash(markdownPlainText(text));
						const where = `"${titles.get(report.nodeId)}" in ${plan.title}, ${period.name}`;
						expect(html, `web page: ${where}`).toContain(plain);
						expect(word, `Word: ${where}`).toContain(plain);
						expect(csv, `CSV: ${where}`).toContain(plain);
						expect(rows.some((row) => squash(row[`Kommentar – ${period.name}`] ?? '').includes(plain)), `Excel: ${where}`).toBe(true);
						checked += 1;
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(5);
	});
});
