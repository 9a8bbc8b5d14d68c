import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { followUps } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addIndicator } from '../indicators/add-indicator';
import { addPeriod } from './manage-periods';
import { reportItem } from './report-item';
import { recordMeasurement } from './record-measurement';
import { listMeasurements } from './follow-up-repository';
import { listScale } from './scales';

/** Two activities in one plan, each with its own indicator, and an open period with one outcome already in. */
async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: 'Höga kunskapsresultat' });
	const activity = (title: string) => addNode(db, org.ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title });
	const mine = await activity('Läsfixare i åk 1');
	const theirs = await activity('Sjukfrånvaron minskar');
	const ownIndicator = await addIndicator(db, org.ctx, plan.id, mine.id, { name: 'Andel lästa', kind: 'percent' });
	const foreignIndicator = await addIndicator(db, org.ctx, plan.id, theirs.id, { name: 'Sjukfrånvaro', kind: 'number' });
	const period = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 2', asOf: '2025-08-31', dueOn: '2025-09-15' });
	await recordMeasurement(db, org.ctx, { planId: plan.id, nodeId: theirs.id, indicatorId: foreignIndicator, periodId: period }, { value: '6,1' });
	const status = (await listScale(db, org.tenant.id, 'status'))[0].id;
	const outcomes = async () => new Map((await listMeasurements(db, org.tenant.id, plan.id)).map((row) => [row.indicatorId, Number(row.value)]));
	return { db, ctx: org.ctx, plan, mine, theirs, ownIndicator, foreignIndicator, period, status, outcomes };
}

describe('reporting an item with indicator outcomes', () => {
	it('saves the outcomes of the reported item\'s own indicators with its report', async () => {
		const { db, ctx, plan, mine, ownIndicator, period, status, outcomes } = await setup();
		await reportItem(db, ctx, plan.id, mine.id, period, { statusId: status, values: { [ownIndicator]: '86,5' } });
		expect((await outcomes()).get(ownIndicator)).toBe(86.5);
	});

	it('refuses an outcome for another item\'s indicator, and saves neither the report nor any outcome', async () => {
		const { db, ctx, plan, mine, ownIndicator, foreignIndicator, period, status, outcomes } = await setup();
		await expect(
			reportItem(db, ctx, plan.id, mine.id, period, { statusId: status, comment: 'Klart', values: { [ownIndicator]: '90', [foreignIndicator]: '99' } })
		).rejects.toMatchObject({ code: 'error_indicator_not_on_item', params: { indicator: 'Sjukfrånvaro' } });
		expect((await outcomes()).get(foreignIndicator)).toBe(6.1);
		expect((await outcomes()).has(ownIndicator)).toBe(false);
		expect(await db.select().from(followUps).where(and(eq(followUps.tenantId, ctx.tenantId), eq(followUps.nodeId, mine.id)))).toEqual([]);
	});

	it('refuses an outcome recorded under any item but the indicator\'s own, whoever calls it', async () => {
		const { db, ctx, plan, mine, foreignIndicator, period, outcomes } = await setup();
		await expect(recordMeasurement(db, ctx, { planId: plan.id, nodeId: mine.id, indicatorId: foreignIndicator, periodId: period }, { value: '99' })).rejects.toMatchObject({
			code: 'error_indicator_not_on_item'
		});
		expect((await outcomes()).get(foreignIndicator)).toBe(6.1);
	});
});
