import { describe, expect, it } from 'vitest';
import { followUps } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addPeriod } from '../follow-up/manage-periods';
import { listMeasurements, listReportStates } from '../follow-up/follow-up-repository';
import { listPeriods } from '../follow-up/period-repository';
import { listScale } from '../follow-up/scales';
import { loadOverviewTallies } from '../follow-up/overview-repository';
import { reportItem } from '../follow-up/report-item';
import { presentOverview, presentOverviewTallies } from '../presenters/overview';
import { presentOutline, presentOutlineSlice } from '../presenters/plan-presenter';
import { presentItemFollowUp } from '../presenters/item-follow-up';
import { addNode } from './add-node';
import { linkNode } from './link-node';
import { listPlanResponsibles, loadOutlineSlice } from './outline-repository';
import { loadPlanData } from './plan-repository';

/**
 * A plan with links (an activity under a second board goal, an assignment with its activities under a
 * third), deadlines, responsible, boards, an indicator and reports: what the pages read in the
 * database must be what the whole plan read in code gives.
 */
async function setup() {
	const db = await testDb();
	const { ctx, top, boards } = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, ctx, top.id);
	const add = (key: string, parentId: string | undefined, title: string, values: Record<string, unknown> = {}) =>
		addNode(db, ctx, plan.id, { levelId: level(key).id, parentId, title, values });
	const p1 = await add('perspektiv', undefined, 'Medborgare');
	const p2 = await add('perspektiv', undefined, 'Ekonomi');
	const k1 = await add('kommunmal', p1.id, 'Kunskap');
	const k2 = await add('kommunmal', p2.id, 'Hushållning');
	const n1 = await add('namndmal', k1.id, 'Maximalt lärande');
	const n2 = await add('namndmal', k1.id, 'Likvärdighet');
	const n3 = await add('namndmal', k2.id, 'Budget i balans');
	const u1 = await add('uppdrag', n1.id, 'Läslyft');
	const activities = [];
	for (const [index, deadline] of ['Mars', 'December', 'Juni', ''].entries()) {
		activities.push(
			await add('aktivitet', u1.id, `Aktivitet ${index + 1}`, {
				deadline,
				responsible: index % 2 ? 'Rektor (del 2)\nPlaneringschef' : 'Rektor',
				boards: index === 0 ? [boards.bou.id] : []
			})
		);
	}
	const loose = await add('aktivitet', n2.id, 'Mentorer', { deadline: 'Februari' });
	await linkNode(db, ctx, plan.id, activities[0].id, n2.id);
	await linkNode(db, ctx, plan.id, u1.id, n3.id);
	const spring = await addPeriod(db, ctx, plan.id, { name: 'Delår', asOf: '2024-06-30', dueOn: '2024-07-15' });
	const year = await addPeriod(db, ctx, plan.id, { name: 'Helår', asOf: '2024-12-31', dueOn: '2025-01-31' });
	const statuses = await listScale(db, ctx.tenantId, 'status');
	const assessments = await listScale(db, ctx.tenantId, 'assessment');
	const done = statuses.find((value) => value.meaning === 'done')!;
	const going = statuses.find((value) => value.meaning === 'in_progress')!;
	await reportItem(db, ctx, plan.id, activities[0].id, spring, { statusId: done.id, comment: 'Klart.' });
	await reportItem(db, ctx, plan.id, activities[1].id, spring, { statusId: going.id, comment: 'Pågår.' });
	await reportItem(db, ctx, plan.id, activities[2].id, year, { statusId: going.id, comment: 'Pågår.' });
	await reportItem(db, ctx, plan.id, n1.id, spring, { assessmentId: assessments[0].id, analysis: 'Bra.' });
	// A report without a status (as an import may leave one): counted as not reported, but not missing.
	await db.insert(followUps).values({ tenantId: ctx.tenantId, planId: plan.id, nodeId: loose.id, periodId: spring, comment: 'Ingen status än.', updatedBy: 'test' });
	return { db, ctx, plan, ids: [p1, p2, k1, k2, n1, n2, n3, u1, ...activities, loose].map((node) => node.id) };
}

describe('reading only what a page shows', () => {
	it('gives the same outline from the database as from the whole plan, for every budget and under every item', async () => {
		const { db, ctx, plan, ids } = await setup();
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		for (const budget of [1, 2, 3, 5, 8, 12, 17, 400, Number.POSITIVE_INFINITY]) {
			for (const rootId of [undefined, ...ids]) {
				const whole = presentOutline(data, { budget, rootId });
				const slice = presentOutlineSlice(await loadOutlineSlice(db, ctx.tenantId, plan.id, { budget, rootId }), data, { rootId });
				expect(slice, `budget ${budget}, under ${rootId ?? 'the plan'}`).toEqual(whole);
			}
		}
		const all = presentOutline(data, { budget: Number.POSITIVE_INFINITY });
		expect(all.total).toBe(19); // 13 items, an activity linked once more, an assignment with its four activities again
		expect(all.total).toBeGreaterThan(data.nodes.length);
	});

	it("reads an item's follow-up from the reports of what is under it, also through links", async () => {
		const { db, ctx, plan, ids } = await setup();
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		const goal = data.nodes.find((node) => node.id === ids[6])!;
		const [spring, year] = await presentItemFollowUp(db, ctx.tenantId, data, goal);
		const statuses = await listScale(db, ctx.tenantId, 'status');
		const label = (meaning: string) => statuses.find((value) => value.meaning === meaning)!.labelSv;
		expect(spring.activities.map((activity) => [activity.title, activity.value?.labelSv ?? null])).toEqual([
			['Aktivitet 1', label('done')],
			['Aktivitet 2', label('in_progress')],
			['Aktivitet 3', null],
			['Aktivitet 4', null]
		]);
		expect(year.activities.map((activity) => activity.value?.labelSv ?? null)).toEqual([null, null, label('in_progress'), null]);
	});

	it('names every responsible of the plan once for the search', async () => {
		const { db, ctx, plan } = await setup();
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		const key = (entry: { name: string; note: string }) => `${entry.name}|${entry.note}`;
		const expected = [...new Set(data.nodes.flatMap((node) => node.responsibles).map(key))].sort();
		expect((await listPlanResponsibles(db, ctx.tenantId, plan.id)).map(key).sort()).toEqual(expected);
	});

	it('tallies the overview in the database as the whole plan does, in every period', async () => {
		const { db, ctx, plan } = await setup();
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		const [periods, scale, measurements] = await Promise.all([
			listPeriods(db, ctx.tenantId, plan.id),
			listScale(db, ctx.tenantId),
			listMeasurements(db, ctx.tenantId, plan.id)
		]);
		for (const period of periods) {
			for (const locale of ['sv', 'en'] as const) {
				const reports = await listReportStates(db, ctx.tenantId, plan.id, period.id);
				const whole = presentOverview(data, periods, period, reports, measurements, scale, locale);
				const tallies = await loadOverviewTallies(db, ctx.tenantId, plan.id, period);
				expect(presentOverviewTallies(tallies, data.framework.levels, periods, period, measurements, scale, locale)).toEqual(whole);
				expect(whole.overdue.length + whole.missing.length + whole.assessments.length).toBeGreaterThan(0);
			}
		}
	});
});
