import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { loadPlanData } from '../plans/plan-repository';
import { saveField } from '../frameworks/save-field';
import { messageFor } from '../presenters/message';
import { importPastedTable } from './import-pasted-table';

async function draftPlan(preset: string) {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const { plan, level, framework } = await createTestPlan(db, org.ctx, org.top.id, preset);
	return { db, ctx: org.ctx, plan, level, framework };
}

describe('pasting a table', () => {
	it('keeps the paragraphs of a multi-paragraph cell in rich text, and leaves them out of titles and lists', async () => {
		const { db, ctx, plan, level } = await draftPlan('malomrade-matt');
		const table = 'Målområde\tSammanfattning av målet\n"Trygghet\n\noch studiero"\t"Alla elever ska känna sig trygga.\n\nVi mäter det\ni elevenkäten."\n';
		const input = { table, levelId: level('malomrade').id, parentId: null, targets: ['title', 'field:sammanfattning'], headerRow: true, splitLists: true };
		expect(await importPastedTable(db, ctx, plan.id, input)).toEqual({ problems: [], created: 1 });
		const [area] = (await loadPlanData(db, ctx.tenantId, plan.id))!.nodes;
		expect(area.title).toBe('Trygghet och studiero');
		expect(area.fieldValues.sammanfattning).toBe('Alla elever ska känna sig trygga.\n\nVi mäter det\ni elevenkäten.');
	});

	it('says which values a yes/no column takes when a cell holds another, writing nothing', async () => {
		const { db, ctx, plan, level, framework } = await draftPlan('malomrade-matt');
		await saveField(db, ctx, framework.id, level('malomrade').id, { type: 'yes_no', labelSv: 'Uppdragsbeskrivning', labelEn: 'Assignment description' });
		const table = 'Målområde\tUppdragsbeskrivning\nTrygghet\tJa\nStudiero\tJa, delvis\n';
		const input = { table, levelId: level('malomrade').id, parentId: null, targets: ['title', 'field:uppdragsbeskrivning'], headerRow: true, splitLists: true };
		const result = await importPastedTable(db, ctx, plan.id, input);
		expect(result.problems.map(({ row, column, error }) => [row, column, messageFor(error, 'sv')])).toEqual([
			[3, 'Uppdragsbeskrivning', 'Fältet "Uppdragsbeskrivning" kan bara vara ja eller nej, inte "Ja, delvis". Skriv ja eller nej (även yes/no eller 1/0), eller lämna cellen tom.']
		]);
		expect((await loadPlanData(db, ctx.tenantId, plan.id))!.nodes).toEqual([]);
	});
});
