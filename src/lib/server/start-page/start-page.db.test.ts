import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { addPeriod } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { listScale } from '../follow-up/scales';
import { ALL_UNITS, type Actor, type Ctx } from '../shared/context';
import type { Role } from '../db/schema';
import { loadStartPage } from './start-page';

const TODAY = '2025-10-01';

/**
 * An organisation with one plan: three activities for the Utvecklingschef (held by a reporter),
 * one for the Rektor, one for nobody (and the goal, assessed, for nobody); an open period already past due with two reports in, and a
 * closed one. Everything is made twice, in two organisations, so one can be checked against the other.
 */
async function organisation(db: Db, name: string) {
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: `${name}s mål` });
	const activity = (title: string, responsible?: string) =>
		addNode(db, org.ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title, values: responsible ? { responsible } : {} });
	const mine = [await activity(`${name} A`, 'Utvecklingschef'), await activity(`${name} B`, 'Utvecklingschef'), await activity(`${name} C`, 'Utvecklingschef')];
	const rektor = await activity(`${name} D`, 'Rektor');
	await activity(`${name} E`);
	const reporter = await addAccount(db, org.ctx, { email: `omar@${name}.se`, name: `Omar ${name}`, role: 'reporter' });
	await holdRoleTitle(db, org.ctx, reporter.personId, 'Utvecklingschef', true);
	const admin = await addAccount(db, org.ctx, { email: `maria@${name}.se`, name: `Maria ${name}`, role: 'admin' });
	const period = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 2', asOf: '2025-08-31', dueOn: '2025-09-15' });
	const statuses = await listScale(db, org.tenant.id, 'status');
	const status = (label: string) => statuses.find((value) => value.labelSv === label)!.id;
	const as = (id: string, role: Role, personId?: string): Ctx => ({
		tenantId: org.tenant.id,
		actor: { id, name: id, personId, grants: [{ role, units: ALL_UNITS, organisationWide: true }] } satisfies Actor
	});
	const reporterCtx = as(reporter.id, 'reporter', reporter.personId);
	const adminCtx = as(admin.id, 'admin', admin.personId);
	await recordFollowUp(db, adminCtx, plan.id, mine[0].id, period, { statusId: status('Pågående'), comment: 'Igång.' });
	await recordFollowUp(db, adminCtx, plan.id, rektor.id, period, { statusId: status('Genomförd'), comment: 'Klart.' });
	return { org, plan, mine, period, reporterCtx, adminCtx, status };
}

describe('the start page', () => {
	it('shows a reporter what to report, their items\' latest status, their plans and others\' changes to their items', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		await organisation(db, 'Syd');
		const page = await loadStartPage(db, north.reporterCtx, TODAY);

		expect(page.toReport).toEqual({ count: 2, overdue: 2, nearest: { dueOn: '2025-09-15', periodName: 'Delår 2', planTitle: north.plan.title } });
		expect(page.myPlans).toEqual([{ id: north.plan.id, title: north.plan.title, items: 3, due: 2 }]);
		expect(page.myItemCount).toBe(3);
		expect(page.myUnreported).toBe(2);
		expect(page.myStatuses.map((row) => [row.value.labelSv, row.count])).toEqual([['Pågående', 1]]);
		expect(page.myItems.map((item) => item.name)).toEqual(['Norr A']);
		// The admin's report on the reporter's item is a change by someone else; the rektor's item is not theirs.
		// (The items were added by the test's system actor: changes by someone else too.)
		expect(page.changes.map((change) => [change.action, change.actor, change.item])).toEqual([
			['follow_up.save', 'Maria Norr', 'Norr A'],
			['node.create', 'test', 'Norr C'],
			['node.create', 'test', 'Norr B'],
			['node.create', 'test', 'Norr A']
		]);
		// A reporter does not oversee the organisation, and gets no first steps.
		expect(page.organisation).toBeNull();
		expect(page.firstSteps).toBeNull();
		expect(page.canReadAudit).toBe(false);
	});

	it('shows an administrator the organisation at a glance, counting only its own organisation', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const south = await organisation(db, 'Syd');
		await recordFollowUp(db, south.adminCtx, south.plan.id, south.mine[1].id, south.period, { statusId: south.status('Kvarstår'), comment: 'Syd' });
		const page = await loadStartPage(db, north.adminCtx, TODAY);

		expect(page.organisation).toHaveLength(1);
		const [period] = page.organisation!;
		expect(period).toMatchObject({ planId: north.plan.id, periodName: 'Delår 2', items: 6, reported: 2, missing: 4, overdue: 4 });
		expect(period.statuses.map((row) => [row.value.labelSv, row.count])).toEqual([['Pågående', 1], ['Genomförd', 1]]);
		// The goal is assessed too, and nobody is responsible for it or for E.
		expect(period.responsibles).toEqual([{ responsible: 'Utvecklingschef', missing: 2 }, { responsible: null, missing: 2 }]);
		// The admin reported both: no change by others to show, and nothing of the other organisation's.
		expect(page.changes.filter((change) => change.planId === south.plan.id)).toEqual([]);
		expect(page.canReadAudit).toBe(true);
		expect(page.toReport.count).toBe(0);
	});

	it('guides an empty organisation\'s administrator through the first steps, and stops when all are done', async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const admin = await addAccount(db, org.ctx, { email: 'ny@tom.se', name: 'Ny Admin', role: 'admin' });
		const ctx: Ctx = { tenantId: org.tenant.id, actor: { id: admin.id, name: 'Ny Admin', personId: admin.personId, grants: [{ role: 'admin', units: ALL_UNITS, organisationWide: true }] } };
		expect((await loadStartPage(db, ctx, TODAY)).firstSteps).toEqual({ framework: false, plan: false, people: false, period: false, firstPlanId: null });
		const { plan } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
		await addAccount(db, org.ctx, { email: 'rapportor@tom.se', name: 'Rapportör', role: 'reporter' });
		expect((await loadStartPage(db, ctx, TODAY)).firstSteps).toEqual({ framework: true, plan: true, people: true, period: false, firstPlanId: plan.id });
		await addPeriod(db, org.ctx, plan.id, { name: 'Delår 1', asOf: '2025-04-30', dueOn: '2025-05-15' });
		const done = await loadStartPage(db, ctx, TODAY);
		expect(done.firstSteps).toBeNull();
		expect(done.organisation?.map((period) => period.periodName)).toEqual([]);
	});
});
