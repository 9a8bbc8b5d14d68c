import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { linkNode } from '../plans/link-node';
import { addIndicator } from '../indicators/add-indicator';
import { saveChapter } from '../plans/save-chapter';
import { loadPlanData } from '../plans/plan-repository';
import { addPeriod } from './manage-periods';
import { recordFollowUp } from './record-follow-up';
import { listScale } from './scales';
import { carryOverPlan, previewCarryOver } from './carry-over';

describe('carry-over', () => {
	it('takes the structure, chapters, indicators and unfinished activities (marked) into next year\'s plan', async () => {
		const db = await testDb();
		const { ctx, top, tenant, boards } = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, ctx, top.id, 'perspektiv-uppdrag');
		await saveChapter(db, ctx, plan.id, null, { title: 'Förord', body: 'Text' });
		const p = await addNode(db, ctx, plan.id, { levelId: level('perspektiv').id, title: 'Medborgare' });
		const k = await addNode(db, ctx, plan.id, { levelId: level('kommunmal').id, parentId: p.id, title: 'Kunskap' });
		const g1 = await addNode(db, ctx, plan.id, { levelId: level('namndmal').id, parentId: k.id, title: 'Maximalt lärande' });
		const g2 = await addNode(db, ctx, plan.id, { levelId: level('namndmal').id, parentId: k.id, title: 'Likvärdighet' });
		await addIndicator(db, ctx, plan.id, g1.id, { name: 'Andel behöriga', kind: 'percent' });
		const done = await addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: g1.id, title: 'Klar aktivitet' });
		const going = await addNode(db, ctx, plan.id, {
			levelId: level('aktivitet').id,
			parentId: g1.id,
			title: 'Pågående aktivitet',
			values: { deadline: 'September', boards: [boards.bou.id], responsible: 'Planeringschef' }
		});
		await linkNode(db, ctx, plan.id, going.id, g2.id);
		const never = await addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: g2.id, title: 'Aldrig rapporterad' });
		const period = await addPeriod(db, ctx, plan.id, { name: 'Helår', asOf: '2024-12-31', dueOn: '2025-01-31' });
		const status = (label: string) => async () => (await listScale(db, tenant.id, 'status')).find((value) => value.labelSv === label)!.id;
		await recordFollowUp(db, ctx, plan.id, done.id, period, { statusId: await status('Genomförd')() });
		await recordFollowUp(db, ctx, plan.id, going.id, period, { statusId: await status('Pågående')() });

		const { preview } = await previewCarryOver(db, tenant.id, (await loadPlanData(db, tenant.id, plan.id))!);
		expect(preview.staysBehind.map((item) => item.title)).toEqual(['Klar aktivitet']);
		expect(preview.comes.filter((item) => item.carried).map((item) => item.title)).toEqual(['Pågående aktivitet', 'Aldrig rapporterad']);

		const nextId = await carryOverPlan(db, ctx, plan.id, { title: 'Verksamhetsplan 2025', startYear: 2025 });
		const next = (await loadPlanData(db, tenant.id, nextId))!;
		expect(next.plan).toMatchObject({ title: 'Verksamhetsplan 2025', startYear: 2025, state: 'draft', previousPlanId: plan.id });
		expect(next.chapters.map((chapter) => chapter.title)).toEqual(['Förord']);
		expect(next.nodes.map((node) => node.title).sort()).toEqual(['Aldrig rapporterad', 'Kunskap', 'Likvärdighet', 'Maximalt lärande', 'Medborgare', 'Pågående aktivitet']);
		const carried = next.nodes.find((node) => node.title === 'Pågående aktivitet')!;
		expect(carried).toMatchObject({ carriedOver: true, deadlineText: 'September', deadlineDate: '2025-09-30', boardIds: [boards.bou.id] });
		expect(carried.responsibles.map((r) => r.name)).toEqual(['Planeringschef']);
		expect(carried.linkedParentIds).toEqual([next.nodes.find((node) => node.title === 'Likvärdighet')!.id]);
		expect(next.nodes.find((node) => node.title === 'Maximalt lärande')!.indicators.map((i) => i.name)).toEqual(['Andel behöriga']);
		expect(never.id).not.toBe(carried.id);
	});
});
