import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { importPastedTable } from './import-pasted-table';
import { updateLevel } from '../frameworks/update-level';
import { importPlanDocument, readPlanDocument } from './import-plan-json';
import { loadDemo } from '../demo/load-demo';
import { listPlans, loadPlanData } from '../plans/plan-repository';
import { listPeriods } from '../follow-up/period-repository';
import { exportPlan, fileName } from './export-plan';
import { publicFile } from './public-file';
import { importWorkbook } from './import-workbook';
import { listPublishedPlans } from './public-plans';
import { setPeriodPublished, setPlanPublished } from '../plans/publish-plan';
import { setPeriodClosed } from '../follow-up/manage-periods';
import { systemContext } from '../shared/context';
import { auditEvents } from '../db/schema';
import { and, eq } from 'drizzle-orm';

const CENTRAL = 'Utbildningsförvaltningens verksamhetsplan 2025';
const SCHOOL_YEAR = 'Verksamhetsplan 2025';

async function setup() {
	const db = await testDb();
	const { tenant } = await loadDemo(db);
	const plans = await listPlans(db, tenant.id);
	const plan = (title: string) => plans.find((candidate) => candidate.title === title)!;
	return { db, tenantId: tenant.id, plan };
}

/** The main text and the styles of a .docx, as Word stores them. */
async function openDocx(body: Buffer) {
	const zip = await JSZip.loadAsync(body);
	const read = (name: string) => zip.file(name)!.async('string');
	return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), zip };
}

/** Paragraph texts with the style Word will show them in. */
function paragraphs(xml: string): { style: string; text: string }[] {
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => ({
		style: /<w:pStyle w:val="([^"]+)"/.exec(match[0])?.[1] ?? '',
		text: [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((part) => part[1]).join('')
	}));
}

describe('documents', () => {
	it('makes the plan in Word with heading styles from the framework, tables with repeating header rows, language sv-SE and a contents field', async () => {
		const { db, tenantId, plan } = await setup();
		const central = plan(CENTRAL);
		const file = await exportPlan(db, tenantId, central.id, { format: 'docx', locale: 'sv' });
		expect(file.filename).toBe('utbildningsforvaltningens-verksamhetsplan-2025.docx');
		const { document, styles, settings } = await openDocx(file.body);
		const shown = paragraphs(document);
		const data = (await loadPlanData(db, tenantId, central.id))!;
		const perspective = data.nodes.find((node) => node.parentId === null)!;
		// Top level (perspective, a heading level) → Heading1 with its text; the next level → Heading2.
		expect(shown).toContainEqual({ style: 'Heading1', text: `${perspective.ref ? `${perspective.ref} ` : ''}${perspective.title}` });
		expect(shown.some((paragraph) => paragraph.style === 'Heading2')).toBe(true);
		expect(shown).toContainEqual({ style: 'Title', text: CENTRAL });
		// Chapters come first, in order, as headings.
		expect(shown.filter((paragraph) => paragraph.style === 'Heading1')[0].text).toBe(data.chapters[0].title);
		// Activities (table rows) become tables with the framework's columns and a header row that repeats.
		expect(document).toContain('<w:tblHeader/>');
		const headerCells = [...document.matchAll(/<w:tr>[\s\S]*?<w:tblHeader\/>[\s\S]*?<\/w:tr>/g)][0][0];
		expect(paragraphs(headerCells).map((cell) => cell.text)).toEqual(['Aktivitet', 'Nämnd', 'Slutfört']);
		expect(styles).toContain('w:lang w:val="sv-SE"');
		expect(document).toMatch(/TOC \\h \\o &quot;1-3&quot;/);
		expect(settings).toContain('updateFields');
	});

	it('makes the follow-up report in Word with status and comment columns, assessments, and alt text on its chart', async () => {
		const { db, tenantId, plan } = await setup();
		const central = plan(CENTRAL);
		const [first] = await listPeriods(db, tenantId, central.id);
		const file = await exportPlan(db, tenantId, central.id, { format: 'docx', periodId: first.id, locale: 'sv' });
		expect(file.filename).toBe('utbildningsforvaltningens-verksamhetsplan-2025-delar-1-per-30-april.docx');
		const { document, zip } = await openDocx(file.body);
		const text = paragraphs(document).map((paragraph) => paragraph.text);
		// The cover: the report's own title, the period, the boards the plan names.
		expect(text).toContain(`Uppföljning av ${CENTRAL}`);
		expect(text).toContain('Delår 1 per 30 april');
		expect(text).toContain('Status');
		expect(text).toContain('Kommentar');
		expect(text).toContain('Samtliga skolor har tillsatt heltidsmentorer.');
		expect(text).toContain('Bedömning: Delvis uppfyllt');
		// Header rows repeat on every page, and none of their cells is blank.
		const headerRows = [...document.matchAll(/<w:tr>(?:(?!<w:tr>)[\s\S])*?<w:tblHeader\/>(?:(?!<w:tr>)[\s\S])*?<\/w:tr>/g)].map((match) => match[0]);
		expect(headerRows.length).toBeGreaterThan(3);
		for (const row of headerRows) expect(paragraphs(row).every((cell) => cell.text.trim() !== '')).toBe(true);
		const summary = paragraphs(headerRows[0]).map((cell) => cell.text);
		expect([summary[0], summary.at(-1)]).toEqual(['Perspektiv', 'Totalt']);
		expect(summary).toContain('Genomförd');
		// Every picture has a description (Word's alternative text), and the figures are also in a table.
		const pictures = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((match) => match[0]);
		expect(pictures.length).toBeGreaterThan(0);
		for (const picture of pictures) expect(picture).toMatch(/descr="[^"]{20,}"/);
		expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(true);
	});

	it('makes the workbook: one row per item with every field, status and comment per period, and a sheet of indicator values', async () => {
		const { db, tenantId, plan } = await setup();
		const central = plan(CENTRAL);
		const periods = await listPeriods(db, tenantId, central.id);
		const file = await exportPlan(db, tenantId, central.id, { format: 'xlsx', periodId: periods[1].id, locale: 'sv' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
		const items = workbook.getWorksheet('Punkter')!;
		const header = (items.getRow(1).values as (string | undefined)[]).slice(1);
		expect(header.slice(0, 6)).toEqual(['Id', 'Överordnad (id)', 'Nivå', 'Nummer', 'Rubrik', 'Beskrivning']);
		expect(header).toContain('Nämnd');
		expect(header).toContain('Status – Delår 1 per 30 april');
		expect(header).toContain('Kommentar – Delår 2 per 31 augusti');
		const data = (await loadPlanData(db, tenantId, central.id))!;
		expect(items.rowCount - 1).toBe(data.nodes.length);
		const rows = items.getSheetValues().slice(2) as unknown[][];
		const mentors = rows.find((row) => String(row[header.indexOf('Rubrik') + 1]).startsWith('Följa upp att alla kommunala högstadie'))!;
		expect(mentors[header.indexOf('Status – Delår 1 per 30 april') + 1]).toBe('Genomförd');
		expect(mentors[header.indexOf('Kommentar – Delår 2 per 31 augusti') + 1]).toBe('Klart sedan mars.');
		const indicators = workbook.getWorksheet('Indikatorer')!;
		const indicatorHeader = (indicators.getRow(1).values as string[]).slice(1);
		const absence = (indicators.getSheetValues().slice(2) as unknown[][]).find((row) => row[indicatorHeader.indexOf('Indikator') + 1] === 'Sjukfrånvaro bland medarbetare')!;
		expect(absence[indicatorHeader.indexOf('Utfall – Delår 1 per 30 april') + 1]).toBe(6.6);
		expect(absence[indicatorHeader.indexOf('Utfall – Delår 2 per 31 augusti') + 1]).toBe(6.1);
	});

	it('lays out each framework its own way: a plan of goal areas with measure rows keeps its four columns', async () => {
		const { db, tenantId, plan } = await setup();
		const plans = await listPlans(db, tenantId);
		for (const candidate of plans) {
			const html = (await exportPlan(db, tenantId, candidate.id, { format: 'html', locale: 'sv' })).body.toString();
			expect(html).toContain(`<h1>${candidate.title}</h1>`);
			expect(html).toMatch(/<table><caption>/);
		}
		const measures = (await exportPlan(db, tenantId, plan(SCHOOL_YEAR).id, { format: 'html', locale: 'sv' })).body.toString();
		// Each column's help under its label, as the reference prints it ("Mått Vad mäta?").
		expect(measures).toContain(
			'<thead><tr><th scope="col">Mått<br><i>Vad mäta?</i></th><th scope="col">Aktivitet</th><th scope="col">Målvärde/indikator<br><i>Till vilken nivå?</i></th><th scope="col">Uppfölja<br><i>Vem?</i></th></tr></thead>'
		);
		expect(measures).toContain('Fastställd av Förvaltningschef Maria Sundin 2025-01-22, Dnr 2025/104');
		const english = (await exportPlan(db, tenantId, plan(SCHOOL_YEAR).id, { format: 'html', locale: 'en' })).body.toString();
		expect(english).toContain('<html lang="en">');
		expect(english).toMatch(/<th scope="col">Measures(<br><i>[^<]+<\/i>)?<\/th>/);
	});

	it('lays out a report like the reference follow-up, with the parent item as a column (Nämndmål · Aktivitet · Nämnd · Slutfört · Status · Kommentar)', async () => {
		const { db, tenantId, plan } = await setup();
		const ctx = systemContext(tenantId, 'test');
		const central = plan(CENTRAL);
		const data = (await loadPlanData(db, tenantId, central.id))!;
		const activity = data.framework.levels.find((level) => level.key === 'aktivitet')!;
		await updateLevel(db, ctx, data.framework.id, activity.id, {
			nameSv: activity.nameSv,
			namePluralSv: activity.namePluralSv,
			nameEn: activity.nameEn,
			namePluralEn: activity.namePluralEn,
			isRoot: activity.isRoot,
			followUp: activity.followUp,
			documentStyle: 'table_row',
			tableColumns: ['parent', 'title', 'boards', 'deadline'],
			childLevelIds: activity.childLevelIds
		});
		const [period] = await listPeriods(db, tenantId, central.id);
		const html = (await exportPlan(db, tenantId, central.id, { format: 'html', periodId: period.id, locale: 'sv' })).body.toString();
		const headers = [...html.matchAll(/<thead><tr>(.*?)<\/tr><\/thead>/g)].map((match) => [...match[1].matchAll(/<th scope="col">(.*?)<\/th>/g)].map((cell) => cell[1]).join(' · '));
		// The demo's activities stand under assignments: the parent column is named after that level.
		expect(headers).toContain('Strategiskt utvecklingsuppdrag · Aktivitet · Nämnd · Slutfört · Status · Kommentar');
		expect(html).toContain('<td>17 Stärka likvärdigheten och öka andelen grundskoleelever som blir behöriga till gymnasieskolan.</td>');
	});

	it('refuses an unknown format, and another organisation\'s plan or period, with nothing made', async () => {
		const { db, tenantId, plan } = await setup();
		const central = plan(CENTRAL);
		await expect(exportPlan(db, tenantId, central.id, { format: 'odt', locale: 'sv' })).rejects.toMatchObject({ code: 'error_export_format' });
		await expect(exportPlan(db, '00000000-0000-4000-8000-000000000000', central.id, { format: 'docx', locale: 'sv' })).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(exportPlan(db, tenantId, central.id, { format: 'docx', periodId: central.id, locale: 'sv' })).rejects.toMatchObject({ code: 'error_not_found' });
		expect(fileName('Ärende: Skolans plan 24/25', 'Helår')).toBe('arende-skolans-plan-24-25-helar');
	});
});

describe('publishing', () => {
	it('publishes an adopted plan and, beside it, only the reports of periods chosen for it; reopening takes a report down', async () => {
		const { db, tenantId, plan } = await setup();
		const ctx = systemContext(tenantId, 'test');
		const adopted = plan(SCHOOL_YEAR);
		const draft = plan(CENTRAL);
		const slug = 'exempelkommun';
		await expect(setPlanPublished(db, ctx, draft.id, true)).rejects.toMatchObject({ code: 'error_publish_needs_adoption' });
		expect(await publicFile(db, slug, draft.id, { format: 'html', locale: 'sv' })).toBeUndefined();

		// The demo publishes its adopted plan: readable by anyone, with its downloads.
		const page = (await publicFile(db, slug, adopted.id, { format: 'html', locale: 'sv' }))!.body.toString();
		expect(page).toContain(`<h1>${SCHOOL_YEAR}</h1>`);
		expect(page).toContain(`/public/${slug}/${adopted.id}/download?format=docx`);
		expect((await listPublishedPlans(db, slug))!.plans.map((candidate) => candidate.title)).toEqual([SCHOOL_YEAR]);

		// Its open period (the closed one before it holds only the school units' reports, in their own plans).
		const period = (await listPeriods(db, tenantId, adopted.id)).find((candidate) => !candidate.closedAt)!;
		await expect(setPeriodPublished(db, ctx, adopted.id, period.id, true)).rejects.toMatchObject({ code: 'error_publish_needs_closed_period' });
		const openData = async () => JSON.parse((await publicFile(db, slug, adopted.id, { format: 'json', locale: 'sv' }))!.body.toString());
		expect((await openData()).followUps).toEqual([]);
		expect(await publicFile(db, slug, adopted.id, { format: 'html', periodId: period.id, locale: 'sv' })).toBeUndefined();

		await setPeriodClosed(db, ctx, adopted.id, period.id, true);
		await setPeriodPublished(db, ctx, adopted.id, period.id, true);
		expect((await openData()).followUps).toHaveLength(1);
		const csv = (await publicFile(db, slug, adopted.id, { format: 'csv', periodId: period.id, locale: 'sv' }))!.body.toString();
		expect(csv.startsWith('\uFEFFId;Överordnad (id);Nivå;Nummer;Rubrik')).toBe(true);
		expect(csv).toContain(`Status – ${period.name}`);
		expect(csv).toContain('Pågående;Sex av nio skolor klara.');

		await setPeriodClosed(db, ctx, adopted.id, period.id, false);
		expect((await openData()).followUps).toEqual([]);
		await setPlanPublished(db, ctx, adopted.id, false);
		expect(await publicFile(db, slug, adopted.id, { format: 'json', locale: 'sv' })).toBeUndefined();
		expect(await publicFile(db, 'nowhere', adopted.id, { format: 'html', locale: 'sv' })).toBeUndefined();
		const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.planId, adopted.id)));
		expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['plan.publish', 'period.publish', 'period.reopen', 'plan.unpublish']));
	});
});

describe('Excel round trip', () => {
	async function exported(db: Awaited<ReturnType<typeof setup>>['db'], tenantId: string, planId: string) {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await exportPlan(db, tenantId, planId, { format: 'xlsx', locale: 'sv' })).body as unknown as ArrayBuffer);
		const sheet = workbook.getWorksheet('Punkter')!;
		const header = (sheet.getRow(1).values as string[]).slice(1);
		const column = (name: string) => header.indexOf(name) + 1;
		const save = async () => Buffer.from(await workbook.xlsx.writeBuffer());
		return { workbook, sheet, column, save };
	}

	it('updates the rows it knows by id and creates the new ones, in one go; unchanged rows are left alone', async () => {
		const { db, tenantId, plan } = await setup();
		const ctx = systemContext(tenantId, 'test');
		const central = plan(CENTRAL);
		const { sheet, column, save } = await exported(db, tenantId, central.id);
		const activityRow = [...Array(sheet.rowCount).keys()].map((index) => sheet.getRow(index + 1)).find((row) => row.getCell(column('Nivå')).value === 'Aktivitet')!;
		const activityId = String(activityRow.getCell(column('Id')).value);
		activityRow.getCell(column('Rubrik')).value = 'Omformulerad aktivitet';
		activityRow.getCell(column('Slutfört')).value = 'VT26';
		const added = sheet.addRow([]);
		added.getCell(column('Överordnad (id)')).value = activityRow.getCell(column('Överordnad (id)')).value;
		added.getCell(column('Nivå')).value = 'Aktivitet';
		added.getCell(column('Rubrik')).value = 'Ny aktivitet från Excel';
		added.getCell(column('Nämnd')).value = 'BoU';
		added.getCell(column('Ansvarig')).value = 'Utvecklingschef';

		const before = (await loadPlanData(db, tenantId, central.id))!;
		const result = await importWorkbook(db, ctx, central.id, await save());
		expect(result).toEqual({ problems: [], created: 1, updated: 1, unchanged: before.nodes.length - 1 });
		const after = (await loadPlanData(db, tenantId, central.id))!;
		expect(after.nodes.find((node) => node.id === activityId)).toMatchObject({ title: 'Omformulerad aktivitet', deadlineText: 'VT26' });
		const created = after.nodes.find((node) => node.title === 'Ny aktivitet från Excel')!;
		expect(created.responsibles.map((responsible) => responsible.name)).toEqual(['Utvecklingschef']);
		expect(created.boardIds).toHaveLength(1);
	});

	it('reports every problem by row and column before writing anything', async () => {
		const { db, tenantId, plan } = await setup();
		const ctx = systemContext(tenantId, 'test');
		const central = plan(CENTRAL);
		const { sheet, column, save } = await exported(db, tenantId, central.id);
		sheet.getRow(2).getCell(column('Rubrik')).value = 'Skulle ha ändrats';
		sheet.getRow(3).getCell(column('Id')).value = crypto.randomUUID();
		const bad = sheet.addRow([]);
		bad.getCell(column('Nivå')).value = 'Delmål';
		bad.getCell(column('Rubrik')).value = 'Okänd nivå';
		const worse = sheet.addRow([]);
		worse.getCell(column('Nivå')).value = 'Aktivitet';
		worse.getCell(column('Nämnd')).value = 'Kulturnämnden';
		const before = (await loadPlanData(db, tenantId, central.id))!;
		const result = await importWorkbook(db, ctx, central.id, await save());
		expect(result.problems.map(({ row, column, error }) => [row, column, error.code])).toEqual([
			[3, 'Id', 'error_import_unknown_id'],
			[bad.number, 'Nivå', 'error_import_unknown_level'],
			[worse.number, 'Överordnad (id)', 'error_import_placement'],
			[worse.number, 'Rubrik', 'error_field_required'],
			[worse.number, 'Nämnd', 'error_import_unknown_board']
		]);
		expect((await loadPlanData(db, tenantId, central.id))!.nodes.map((node) => node.title)).toEqual(before.nodes.map((node) => node.title));
	});

	it('refuses a broken, foreign, oversized or other plan\'s file with a clear message', async () => {
		const { db, tenantId, plan } = await setup();
		const ctx = systemContext(tenantId, 'test');
		const central = plan(CENTRAL);
		await expect(importWorkbook(db, ctx, central.id, Buffer.from('PK\u0003\u0004 inte en riktig fil'))).rejects.toMatchObject({ code: 'error_file_unreadable' });
		const plain = new ExcelJS.Workbook();
		plain.addWorksheet('Blad1').addRow(['Mål', 'Aktivitet']);
		await expect(importWorkbook(db, ctx, central.id, Buffer.from(await plain.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'error_workbook_not_ours' });
		await expect(importWorkbook(db, ctx, central.id, Buffer.alloc(11 * 1024 * 1024))).rejects.toMatchObject({ code: 'error_file_too_large', status: 413 });
		const other = await exportPlan(db, tenantId, plan(SCHOOL_YEAR).id, { format: 'xlsx', locale: 'sv' });
		await expect(importWorkbook(db, ctx, central.id, other.body)).rejects.toMatchObject({ code: 'error_workbook_other_plan' });
		// An adopted plan is read-only: an import into it is refused like any edit.
		await expect(importWorkbook(db, ctx, plan(SCHOOL_YEAR).id, other.body)).rejects.toMatchObject({ code: 'error_plan_not_editable' });
	});
});

describe('pasted table', () => {
	async function draftPlan() {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'malomrade-matt');
		const area = await addNode(db, org.ctx, plan.id, { levelId: level('malomrade').id, title: 'Trygghet' });
		const goal = await addNode(db, org.ctx, plan.id, { levelId: level('resultatmal').id, parentId: area.id, title: 'Alla elever känner sig trygga' });
		return { db, ctx: org.ctx, plan, level, goal };
	}
	const table = 'Mått\tAktivitet\tMålvärde/indikator\tUppfölja\n"Elevenkät\nSkolinspektionens enkät"\tRastvärdar på alla skolor\t"90 %\n85 %"\tRektor\n';

	it('creates a row of items under the chosen one, each column mapped, several values split into a list or kept together', async () => {
		const { db, ctx, plan, level, goal } = await draftPlan();
		const input = { table, levelId: level('aktivitet').id, parentId: goal.id, targets: ['field:matt', 'title', 'field:malvarde', 'field:responsible'], headerRow: true, splitLists: true };
		expect(await importPastedTable(db, ctx, plan.id, input)).toEqual({ problems: [], created: 1 });
		await importPastedTable(db, ctx, plan.id, { ...input, splitLists: false });
		const items = (await loadPlanData(db, ctx.tenantId, plan.id))!.nodes.filter((node) => node.parentId === goal.id);
		expect(items.map((item) => item.fieldValues.matt)).toEqual([['Elevenkät', 'Skolinspektionens enkät'], ['Elevenkät Skolinspektionens enkät']]);
		expect(items[0]).toMatchObject({ title: 'Rastvärdar på alla skolor', fieldValues: { malvarde: ['90 %', '85 %'] } });
		expect(items[0].responsibles.map((responsible) => responsible.name)).toEqual(['Rektor']);
	});

	it('refuses a level the framework does not allow there, a mapping without a title, and rows without one, writing nothing', async () => {
		const { db, ctx, plan, level, goal } = await draftPlan();
		const base = { table, levelId: level('aktivitet').id, parentId: goal.id, targets: ['field:matt', 'title', 'ignore', 'ignore'], headerRow: true, splitLists: true };
		await expect(importPastedTable(db, ctx, plan.id, { ...base, levelId: level('malomrade').id })).rejects.toMatchObject({ code: 'error_level_not_allowed_under' });
		await expect(importPastedTable(db, ctx, plan.id, { ...base, targets: ['field:matt', 'ignore'] })).rejects.toMatchObject({ code: 'error_paste_needs_title' });
		const result = await importPastedTable(db, ctx, plan.id, { ...base, table: `${table}Ny mätning\t\t\t\n` });
		expect(result.problems.map(({ row, column, error }) => [row, column, error.code])).toEqual([[3, 'Aktivitet', 'error_field_required']]);
		expect((await loadPlanData(db, ctx.tenantId, plan.id))!.nodes).toHaveLength(2);
	});
});

describe('JSON interchange', () => {
	it('recreates a whole plan in another organisation with new ids and the same content', async () => {
		const { db, tenantId, plan } = await setup();
		const central = plan(CENTRAL);
		const file = (await exportPlan(db, tenantId, central.id, { format: 'json', locale: 'sv' })).body;
		const source = JSON.parse(file.toString());
		const other = await createTestOrganisation(db);
		const result = await importPlanDocument(db, other.ctx, readPlanDocument(file));
		expect(result.planId).not.toBe(central.id);
		const copy = JSON.parse((await exportPlan(db, other.tenant.id, result.planId, { format: 'json', locale: 'sv' })).body.toString());
		// Same content, new ids: compare everything but the ids (and timestamps).
		const strip = (value: unknown): unknown =>
			Array.isArray(value)
				? value.map(strip)
				: value && typeof value === 'object'
					? Object.fromEntries(Object.entries(value).filter(([key]) => !/(^id$|Id$|Ids$|At$|^version$)/.test(key)).map(([key, inner]) => [key, strip(inner)]))
					: value;
		expect(strip(copy.tree)).toEqual(strip(source.tree));
		expect(strip(copy.chapters)).toEqual(strip(source.chapters));
		// An import makes a draft with every period open: closing and adopting are for whoever may do them.
		expect(strip(copy.periods)).toEqual(strip(source.periods.map((period: object) => ({ ...period, closed: false }))));
		const sorted = (list: unknown[]) => (strip(list) as unknown[]).map((entry) => JSON.stringify(entry)).sort();
		expect(sorted(copy.followUps)).toEqual(sorted(source.followUps));
		expect(sorted(copy.measurements)).toEqual(sorted(source.measurements));
		expect(strip(copy.framework.levels)).toEqual(strip(source.framework.levels));
		expect(copy.plan).toMatchObject({ title: CENTRAL, state: 'draft', adoption: null });
		expect(result).toMatchObject({ items: (await loadPlanData(db, tenantId, central.id))!.nodes.length, followUps: source.followUps.length });
		// Links point at the copies, not the originals.
		const copied = (await loadPlanData(db, other.tenant.id, result.planId))!;
		const linked = copied.nodes.filter((node) => node.linkedParentIds.length);
		expect(linked.length).toBeGreaterThan(0);
		for (const node of linked) for (const parentId of node.linkedParentIds) expect(copied.nodes.some((candidate) => candidate.id === parentId)).toBe(true);
	});

	it('refuses a broken, oversized or foreign file, with nothing written', async () => {
		await expect(async () => readPlanDocument(Buffer.from('{ "format": '))).rejects.toMatchObject({ code: 'error_json_unreadable' });
		await expect(async () => readPlanDocument(Buffer.from(JSON.stringify({ format: 'styrkedjan.plan', version: 1, plan: { title: '' } })))).rejects.toMatchObject({
			code: 'error_json_invalid',
			params: { path: 'plan.title' }
		});
		await expect(async () => readPlanDocument(Buffer.alloc(11 * 1024 * 1024, ' '))).rejects.toMatchObject({ code: 'error_file_too_large' });
	});
});
