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

	it('splits a combined "Ansvar/Klart" column into responsible (note kept) and deadline, and places the rows under the chosen item', async () => {
		const { db, ctx, plan, level } = await draftPlan('enkel');
		const goal = await addNode(db, ctx, plan.id, { levelId: level('mal').id, title: 'Fler elever läser med flyt' });
		const table = 'Aktivitet\tAnsvar/Klart\nLäsfixare\tUtvecklingsledare okt 24\nMattelyftet\tSkolchef (del 2) VT25\nBokcirklar\tRektor\n';
		const input = { table, levelId: level('aktivitet').id, parentId: goal.id, targets: ['title', 'responsible+deadline'], headerRow: true, splitLists: true };
		expect(await importPastedTable(db, ctx, plan.id, input)).toEqual({ problems: [], created: 3 });
		const items = (await loadPlanData(db, ctx.tenantId, plan.id))!.nodes.filter((node) => node.parentId === goal.id);
		expect(items.map((item) => [item.title, item.responsibles.map(({ name, note }) => [name, note]), item.deadlineText, item.deadlineDate])).toEqual([
			['Läsfixare', [['Utvecklingsledare', '']], 'okt 24', '2024-10-31'],
			['Mattelyftet', [['Skolchef', 'del 2']], 'VT25', '2025-06-30'],
			['Bokcirklar', [['Rektor', '']], null, null]
		]);
		// The split fills both fields: a second column for either is refused.
		await expect(importPastedTable(db, ctx, plan.id, { ...input, table: 'A\tB\tC\nX\tRektor VT25\tVT25\n', targets: ['title', 'responsible+deadline', 'field:deadline'] })).rejects.toMatchObject({
			code: 'error_paste_target_twice'
		});
	});

	it('names the organisation\'s boards when a cell names one it does not have', async () => {
		const { db, ctx, plan, level } = await draftPlan('perspektiv-uppdrag');
		const perspective = await addNode(db, ctx, plan.id, { levelId: level('perspektiv').id, title: 'Verksamhet' });
		const municipal = await addNode(db, ctx, plan.id, { levelId: level('kommunmal').id, parentId: perspective.id, title: 'Goda resultat' });
		const board = await addNode(db, ctx, plan.id, { levelId: level('namndmal').id, parentId: municipal.id, title: 'Fler behöriga' });
		const table = 'Aktivitet\tNämnd\nLäxhjälp\tBoU\nSommarskola\tSkolnämnden\n';
		const input = { table, levelId: level('aktivitet').id, parentId: board.id, targets: ['title', 'field:boards'], headerRow: true, splitLists: true };
		const result = await importPastedTable(db, ctx, plan.id, input);
		expect(result.problems.map(({ row, column, error }) => [row, column, messageFor(error, 'sv')])).toEqual([
			[3, 'Nämnd', 'Nämnden "Skolnämnden" finns inte i organisationen. Skriv en av: Barn- och ungdomsnämnden (BoU), Bildningsnämnden (BiN) (namnet eller förkortningen, en per rad).']
		]);
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
