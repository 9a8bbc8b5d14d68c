import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { periods, plans } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addUnit } from '../organisation/add-unit';
import { addNode } from '../plans/add-node';
import { adoptPlan } from '../plans/adopt-plan';
import { archivePlan } from '../plans/archive-plan';
import { cascadeGoals } from '../plans/cascade-goals';
import { createFramework } from '../frameworks/create-framework';
import { addAccount } from '../identity/add-account';
import { listAuditEvents } from '../audit/audit-repository';
import { createCycle } from './create-cycle';
import { saveCycleEvent } from './save-cycle-event';
import { removeCycleEvent } from './remove-cycle-event';
import { openCyclePeriods, setCyclePeriodsClosed } from './open-cycle-periods';
import { listComing, listEvents } from './cycle-repository';

/** The year's rhythm: a cycle of events, follow-ups that open their periods in every plan at once (and the units' plans), closed together with exceptions. */
async function organisation() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const school = await addUnit(db, org.ctx, { parentId: org.top.id, kind: 'school_unit', name: 'Åsskolan' });
	const first = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, first.plan.id, { levelId: first.level('mal').id, title: 'Trygghet' });
	await adoptPlan(db, org.ctx, first.plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2025-01-20' });
	const unitModel = await createFramework(db, org.ctx, { name: 'Enhetens', preset: 'enkel' });
	await cascadeGoals(db, org.ctx, first.plan.id, { goalIds: [goal.id], unitIds: [school.id], frameworkId: unitModel.id, levelId: unitModel.levels[0].id });
	const second = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const old = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	await adoptPlan(db, org.ctx, old.plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2024-01-20' });
	await archivePlan(db, org.ctx, old.plan.id);
	const cycleId = await createCycle(db, org.ctx, { periodKind: 'calendar_year', startYear: 2025 });
	const periodsOf = (planId: string) => db.select().from(periods).where(and(eq(periods.tenantId, org.ctx.tenantId), eq(periods.planId, planId)));
	const [unitPlan] = await db.select().from(plans).where(and(eq(plans.tenantId, org.ctx.tenantId), eq(plans.parentPlanId, first.plan.id)));
	return { db, ...org, cycleId, plans: [first.plan.id, second.plan.id, old.plan.id], unitPlanId: unitPlan.id, periodsOf };
}

describe('the annual cycle', () => {
	it('keeps events in the year, in date order, and refuses what does not fit, saying why', async () => {
		const { db, ctx, cycleId } = await organisation();
		await expect(createCycle(db, ctx, { periodKind: 'calendar_year', startYear: 2025 })).rejects.toMatchObject({ code: 'error_cycle_exists' });
		const person = await addAccount(db, ctx, { email: `ansvarig-${cycleId.slice(0, 6)}@example.se`, name: 'Anna Ansvarig', role: 'planner' });
		await saveCycleEvent(db, ctx, cycleId, { name: 'Nämndens sammanträde', kind: 'board_meeting', startsOn: '2025-02-12' });
		await saveCycleEvent(db, ctx, cycleId, { name: 'Delår 1', kind: 'follow_up', startsOn: '2025-04-30', endsOn: '2025-05-15', responsiblePersonId: person.personId });
		await saveCycleEvent(db, ctx, cycleId, { name: 'Analysdagar', kind: 'analysis', startsOn: '2025-05-10', endsOn: '2025-05-20', note: 'Överlappar delåret: det går bra.' });
		const events = await listEvents(db, ctx.tenantId, cycleId);
		expect(events.map((event) => event.name)).toEqual(['Nämndens sammanträde', 'Delår 1', 'Analysdagar']);
		expect(events[1].responsibleName).toBe('Anna Ansvarig');
		await expect(saveCycleEvent(db, ctx, cycleId, { name: 'Fel år', kind: 'other', startsOn: '2026-01-05' })).rejects.toMatchObject({ code: 'error_cycle_outside', field: 'startsOn' });
		await expect(saveCycleEvent(db, ctx, cycleId, { name: 'Baklänges', kind: 'other', startsOn: '2025-05-05', endsOn: '2025-05-01' })).rejects.toMatchObject({ code: 'error_cycle_span' });
		await expect(saveCycleEvent(db, ctx, cycleId, { name: 'Utan sista dag', kind: 'follow_up', startsOn: '2025-08-31' })).rejects.toMatchObject({ code: 'error_cycle_follow_up_due' });
		expect((await listComing(db, ctx.tenantId, '2025-05-01', 5)).map((event) => event.name)).toEqual(['Delår 1', 'Analysdagar']);
	});

	it("opens a follow-up's periods in all its plans and their units' plans at once, again without doubles, and closes them together but for the exceptions", async () => {
		const { db, ctx, cycleId, plans: [first, second, archived], unitPlanId, periodsOf } = await organisation();
		const eventId = await saveCycleEvent(db, ctx, cycleId, { name: 'Delår 2 per 31 augusti', kind: 'follow_up', startsOn: '2025-08-31', endsOn: '2025-09-20', planIds: [first, second, archived] });
		expect(await openCyclePeriods(db, ctx, eventId)).toBe(3); // two plans and the school's; not the archived one
		const [organiser] = await periodsOf(first);
		expect(organiser).toMatchObject({ name: 'Delår 2 per 31 augusti', asOf: '2025-08-31', dueOn: '2025-09-20', cycleEventId: eventId });
		const [unit] = await periodsOf(unitPlanId);
		expect(unit).toMatchObject({ parentPeriodId: organiser.id, cycleEventId: eventId });
		expect(await periodsOf(archived)).toEqual([]);
		expect(await openCyclePeriods(db, ctx, eventId)).toBe(0);

		expect(await setCyclePeriodsClosed(db, ctx, eventId, true, [second])).toBe(2);
		expect((await periodsOf(second))[0].closedAt).toBeNull();
		expect((await periodsOf(first))[0].closedAt).not.toBeNull();
		expect((await listEvents(db, ctx.tenantId, cycleId))[0].periods).toEqual({ open: 1, closed: 2 });
		expect(await setCyclePeriodsClosed(db, ctx, eventId, false)).toBe(2);
		expect((await listAuditEvents(db, ctx.tenantId, { limit: 50 })).filter((event) => event.action === 'period.reopen')).toHaveLength(2);

		// Removing the event leaves its periods, untied.
		await removeCycleEvent(db, ctx, eventId);
		expect((await periodsOf(first))[0]).toMatchObject({ cycleEventId: null, name: 'Delår 2 per 31 augusti' });
	});

	it("refuses another organisation's plans and people, and a follow-up without plans", async () => {
		const { db, ctx, cycleId } = await organisation();
		const other = await organisation();
		await expect(saveCycleEvent(db, ctx, cycleId, { name: 'X', kind: 'other', startsOn: '2025-03-01', planIds: [other.plans[0]] })).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(saveCycleEvent(db, ctx, other.cycleId, { name: 'X', kind: 'other', startsOn: '2025-03-01' })).rejects.toMatchObject({ code: 'error_not_found' });
		const lonely = await saveCycleEvent(db, ctx, cycleId, { name: 'Delår', kind: 'follow_up', startsOn: '2025-04-30', endsOn: '2025-05-15' });
		await expect(openCyclePeriods(db, ctx, lonely)).rejects.toMatchObject({ code: 'error_cycle_no_plans' });
		await expect(openCyclePeriods(db, other.ctx, lonely)).rejects.toMatchObject({ code: 'error_not_found' });
	});
});
