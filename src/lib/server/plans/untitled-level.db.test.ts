import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { saveField } from '../frameworks/save-field';
import { updateLevel } from '../frameworks/update-level';
import { addPeriod } from '../follow-up/manage-periods';
import { listFollowUps } from '../follow-up/follow-up-repository';
import { listScale } from '../follow-up/scales';
import { exportPlan } from '../documents/export-plan';
import { buildDocument } from '../documents/document-model';
import { importPlanDocument, readPlanDocument } from '../documents/import-plan-json';
import { importPastedTable } from '../documents/import-pasted-table';
import { presentOutline, type OutlineEntry } from '../presenters/plan-presenter';
import { presentDueReports } from '../presenters/due-reports';
import { presentFollowUpTable } from '../presenters/follow-up-table';
import { addNode } from './add-node';
import { updateNode } from './update-node';
import { nodeInputFromForm } from './node-form';
import { loadPlanData } from './plan-repository';

const WHAT = 'Kartläggning av läsförmågan i årskurs 1 under hösten, med screening i alla klasser';
const FOLLOW_UP = 'Ledningsgruppen i december';

/** The preset for "board goal → intervention → numbered parts": the parts are rows without titles. */
async function setup() {
	const db = await testDb();
	const { ctx, top } = await createTestOrganisation(db);
	const { framework, plan, level } = await createTestPlan(db, ctx, top.id, 'namndmal-insats-delar');
	const goal = await addNode(db, ctx, plan.id, { levelId: level('namndmal').id, ref: '1.', title: 'Fler elever läser med flyt' });
	const intervention = await addNode(db, ctx, plan.id, {
		levelId: level('insats').id,
		parentId: goal.id,
		title: 'Läslyftet',
		description: 'Insatsen i korthet.',
		values: { bakgrund: 'Resultaten har sjunkit.', responsible: 'Utvecklingsledare' }
	});
	return { db, ctx, framework, plan, level, goal, intervention };
}

const find = (entries: OutlineEntry[], id: string): OutlineEntry | undefined =>
	entries.map((entry) => (entry.id === id ? entry : find(entry.children, id))).find(Boolean);

describe('a level whose items have no title of their own', () => {
	it('creates a row from the item form without a title, names it by its first column, and still asks titled levels for one', async () => {
		const { db, ctx, plan, level, goal, intervention } = await setup();
		const part = level('del');
		expect(part.untitled).toBe(true);
		const form = new FormData();
		form.set('ref', '1');
		form.set('title', '');
		form.set('field.vad_nar', WHAT);
		form.set('field.uppfoljning', FOLLOW_UP);
		const row = await addNode(db, ctx, plan.id, { ...nodeInputFromForm(part, form), levelId: part.id, parentId: intervention.id });
		expect(row.title).toBe('');
		await updateNode(db, ctx, plan.id, row.id, { ...nodeInputFromForm(part, form), values: { vad_nar: WHAT, effekt: 'Fler läser' } });

		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		const shown = find(presentOutline(data).roots, row.id)!;
		expect(shown.ref).toBe('1');
		expect(shown.title).toBe('Kartläggning av läsförmågan i årskurs 1 under hösten, med …');

		// A level with titles still needs one, from the form and from any other caller.
		await expect(addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: goal.id, title: '  ' })).rejects.toMatchObject({ code: 'error_field_required', field: 'title' });
		await expect(updateNode(db, ctx, plan.id, intervention.id, { title: '' })).rejects.toMatchObject({ code: 'error_field_required', field: 'title' });
	});

	it('prints rows by their number and cells, with no title column and no invented title, in HTML and Word, and as headings by their number', async () => {
		const { db, ctx, framework, plan, level, intervention } = await setup();
		await addNode(db, ctx, plan.id, { levelId: level('del').id, parentId: intervention.id, ref: '1', values: { vad_nar: WHAT, uppfoljning: FOLLOW_UP } });
		await addNode(db, ctx, plan.id, { levelId: level('del').id, parentId: intervention.id, ref: '2', values: { vad_nar: 'Fortbildning för lärare', resurser: 'Två studiedagar' } });
		const html = (await exportPlan(db, ctx.tenantId, plan.id, { format: 'html', locale: 'sv' })).body.toString('utf8');
		const table = html.slice(html.indexOf('<table', html.indexOf('Läslyftet')));
		const headers = [...table.slice(0, table.indexOf('</thead>')).matchAll(/<th(?: [^>]*)?>([^<]*)</g)].map((match) => match[1]);
		expect(headers).toEqual(['Nummer', 'Vad och när', 'Uppföljning', 'Förväntad effekt', 'Resurser']);
		expect(table).toContain(WHAT);
		expect(table).toContain('Två studiedagar');
		// The first column's start is for lists and links, never printed as if it were the row's title.
		expect(html).not.toContain('Kartläggning av läsförmågan i årskurs 1 under hösten, med …');
		const docx = (await exportPlan(db, ctx.tenantId, plan.id, { format: 'docx', locale: 'sv' })).body;
		const JSZip = (await import('jszip')).default;
		const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
		expect(xml).toContain('Vad och när');
		expect(xml).not.toContain('Kartläggning av läsförmågan i årskurs 1 under hösten, med …');

		// Shown as headings instead, the rows are headed (and listed in the contents) by their number.
		const part = level('del');
		await updateLevel(db, ctx, framework.id, part.id, {
			nameSv: part.nameSv, namePluralSv: part.namePluralSv, nameEn: part.nameEn, namePluralEn: part.namePluralEn,
			isRoot: false, followUp: 'none', documentStyle: 'heading', tableColumns: [], childLevelIds: [], untitled: true
		});
		const model = buildDocument((await loadPlanData(db, ctx.tenantId, plan.id))!, { locale: 'sv', organisation: 'Kommunen' });
		const headings = model.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
		expect(headings).toEqual(['1. Fler elever läser med flyt', 'Läslyftet', '1', '2']);
	});

	it('reads rows without titles from a JSON file and from a pasted table with no title column', async () => {
		const { db, ctx, plan, level, intervention } = await setup();
		await addNode(db, ctx, plan.id, { levelId: level('del').id, parentId: intervention.id, ref: '1', values: { vad_nar: WHAT } });
		const file = JSON.parse((await exportPlan(db, ctx.tenantId, plan.id, { format: 'json', locale: 'sv' })).body.toString('utf8'));
		expect(file.framework.levels.find((candidate: { key: string }) => candidate.key === 'del')).toMatchObject({ untitled: true });
		// A file written by hand leaves the title out.
		const row = file.tree[0].children[0].children[0];
		delete row.title;
		const copied = await importPlanDocument(db, ctx, readPlanDocument(Buffer.from(JSON.stringify(file))));
		const data = (await loadPlanData(db, ctx.tenantId, copied.planId))!;
		const imported = data.nodes.find((node) => node.ref === '1' && node.fieldValues.vad_nar === WHAT)!;
		expect(imported.title).toBe('');
		// A titled level's item without a title is refused, naming where.
		const broken = JSON.parse(JSON.stringify(file));
		broken.tree[0].children[0].title = '';
		await expect(async () => importPlanDocument(db, ctx, readPlanDocument(Buffer.from(JSON.stringify(broken))))).rejects.toMatchObject({ code: 'error_json_invalid' });

		const pasted = await importPastedTable(db, ctx, plan.id, {
			table: 'Nr\tVad och när\tResurser\n2\tFortbildning för lärare\tTvå studiedagar\n3\tLäsombud på varje skola\t',
			headerRow: true,
			levelId: level('del').id,
			parentId: intervention.id,
			targets: ['ref', 'field:vad_nar', 'field:resurser'],
			splitLists: false
		});
		expect(pasted).toMatchObject({ problems: [], created: 2 });
		const after = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		expect(after.nodes.filter((node) => node.levelId === level('del').id).map((node) => [node.ref, node.title])).toEqual([
			['1', ''],
			['2', ''],
			['3', '']
		]);
	});

	it('names a followed-up row by its first column in "Att rapportera" and the follow-up table; asks for titles again only when none is missing', async () => {
		const { db, ctx, framework, plan, level, intervention } = await setup();
		const part = level('del');
		const settings = { nameSv: part.nameSv, namePluralSv: part.namePluralSv, nameEn: part.nameEn, namePluralEn: part.namePluralEn, isRoot: false, documentStyle: part.documentStyle, tableColumns: part.tableColumns, childLevelIds: [] };
		await updateLevel(db, ctx, framework.id, part.id, { ...settings, followUp: 'status', untitled: true });
		await saveField(db, ctx, framework.id, part.id, { type: 'responsible', labelSv: 'Ansvarig', labelEn: 'Responsible' });
		const row = await addNode(db, ctx, plan.id, { levelId: part.id, parentId: intervention.id, ref: '1', values: { vad_nar: WHAT, responsible: 'Rektor' } });
		const period = await addPeriod(db, ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
		const account = await addAccount(db, ctx, { email: 'rektor@exempel.se', name: 'Rut Rektor', role: 'reporter' });
		await holdRoleTitle(db, ctx, account.personId, 'Rektor', true);
		const due = await presentDueReports(db, ctx.tenantId, account.personId);
		expect(due.map((report) => [report.ref, report.title])).toEqual([['1', 'Kartläggning av läsförmågan i årskurs 1 under hösten, med …']]);
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		const table = presentFollowUpTable(data, await listFollowUps(db, ctx.tenantId, plan.id, period), await listScale(db, ctx.tenantId, 'status'), {});
		expect(table.rows.find((candidate) => candidate.id === row.id)?.title).toBe('Kartläggning av läsförmågan i årskurs 1 under hösten, med …');

		await expect(updateLevel(db, ctx, framework.id, part.id, { ...settings, followUp: 'status', untitled: false })).rejects.toMatchObject({ code: 'error_level_titles_missing', params: { count: 1 } });
		await updateNode(db, ctx, plan.id, row.id, { ref: '1', title: 'Kartläggning', values: { vad_nar: WHAT, responsible: 'Rektor' } });
		await updateLevel(db, ctx, framework.id, part.id, { ...settings, followUp: 'status', untitled: false });
	});
});
