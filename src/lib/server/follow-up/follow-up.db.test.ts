import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, followUpRevisions, followUps } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addIndicator } from '../indicators/add-indicator';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { addPeriod, setPeriodClosed } from './manage-periods';
import { recordFollowUp } from './record-follow-up';
import { recordMeasurement } from './record-measurement';
import { listScale } from './scales';
import { isResponsible, listDueReports, listMeasurements } from './follow-up-repository';
import { presentDueReports } from '../presenters/due-reports';

async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: 'Höga kunskapsresultat' });
	const activity = await addNode(db, org.ctx, plan.id, {
		levelId: level('aktivitet').id,
		parentId: goal.id,
		title: 'Läsfixare i åk 1',
		values: { responsible: 'Utvecklingschef', deadline: 'September' }
	});
	const period = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 2 per 31 augusti', asOf: '2024-08-31', dueOn: '2024-09-15' });
	const statuses = await listScale(db, org.tenant.id, 'status');
	const assessments = await listScale(db, org.tenant.id, 'assessment');
	const status = (label: string) => statuses.find((value) => value.labelSv === label)!.id;
	return { db, ...org, plan, goal, activity, period, status, assessments };
}

describe('follow-up', () => {
	it('records status and comment with a revision for each save', async () => {
		const { db, ctx, plan, activity, period, status } = await setup();
		expect(await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående'), comment: 'Startat i två klasser.' })).toBe(1);
		expect(await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Genomförd'), comment: 'Klart.', version: 1 })).toBe(2);
		const [row] = await db.select().from(followUps).where(eq(followUps.nodeId, activity.id));
		expect(row).toMatchObject({ statusId: status('Genomförd'), comment: 'Klart.', version: 2 });
		const revisions = await db.select().from(followUpRevisions).where(and(eq(followUpRevisions.tenantId, ctx.tenantId), eq(followUpRevisions.followUpId, row.id)));
		expect(revisions.map((revision) => revision.comment).sort()).toEqual(['Klart.', 'Startat i två klasser.']);
		// Each save's audit record, written in the save's one statement: what it was before and after.
		const events = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.action, 'follow_up.save'), eq(auditEvents.entityId, activity.id)));
		const after = (statusId: string, comment: string) => ({ periodId: period, statusId, assessmentId: null, comment, analysis: '' });
		expect(events.map(({ actor, entityType, planId, before, after }) => ({ actor, entityType, planId, before, after }))).toEqual(
			expect.arrayContaining([
				{ actor: ctx.actor.id, entityType: 'node', planId: plan.id, before: null, after: after(status('Pågående'), 'Startat i två klasser.') },
				{
					actor: ctx.actor.id,
					entityType: 'node',
					planId: plan.id,
					before: { statusId: status('Pågående'), assessmentId: null, comment: 'Startat i två klasser.', analysis: '' },
					after: after(status('Genomförd'), 'Klart.')
				}
			])
		);
		expect(events).toHaveLength(2);
		// A refused save (stale version) writes neither report, revision nor audit record.
		await expect(recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Kvarstår'), comment: 'Sent.', version: 1 })).rejects.toMatchObject({
			code: 'error_follow_up_conflict'
		});
		const later = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.entityId, activity.id)));
		expect(later.filter((event) => event.action === 'follow_up.save')).toHaveLength(2);
	});

	it('refuses the second of two concurrent saves, showing the first one\'s text, and writes nothing', async () => {
		const { db, ctx, plan, activity, period, status } = await setup();
		await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående'), comment: 'Första' });
		await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående'), comment: 'Annas text', version: 1 });
		await expect(
			recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Kvarstår'), comment: 'Bertils text', version: 1 })
		).rejects.toMatchObject({ code: 'error_follow_up_conflict', params: { comment: 'Annas text' } });
		await expect(recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Kvarstår'), comment: 'Ny första' })).rejects.toMatchObject({
			code: 'error_follow_up_conflict'
		});
		const [row] = await db.select().from(followUps).where(eq(followUps.nodeId, activity.id));
		expect(row.comment).toBe('Annas text');
	});

	it('lets exactly one of many simultaneous saves from the same version land', async () => {
		const { db, ctx, plan, activity, period, status } = await setup();
		await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående'), comment: 'Start' });
		const attempts = await Promise.allSettled(
			['A', 'B', 'C', 'D'].map((who) => recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Genomförd'), comment: who, version: 1 }))
		);
		const landed = attempts.filter((attempt) => attempt.status === 'fulfilled');
		expect(landed).toHaveLength(1);
		for (const attempt of attempts.filter((attempt) => attempt.status === 'rejected')) {
			expect((attempt as PromiseRejectedResult).reason).toMatchObject({ code: 'error_follow_up_conflict' });
		}
		const [row] = await db.select().from(followUps).where(eq(followUps.nodeId, activity.id));
		const revisions = await db.select().from(followUpRevisions).where(and(eq(followUpRevisions.tenantId, ctx.tenantId), eq(followUpRevisions.followUpId, row.id)));
		expect(row.version).toBe(2);
		expect(revisions).toHaveLength(2);
	});

	it('takes an assessment and analysis for goals, and refuses a status that is not in the set', async () => {
		const { db, ctx, plan, goal, activity, period, assessments, status } = await setup();
		await recordFollowUp(db, ctx, plan.id, goal.id, period, { assessmentId: assessments[1].id, analysis: 'Resultaten i åk 3 har ökat men inte nått målet.' });
		await recordFollowUp(db, ctx, plan.id, goal.id, period, { assessmentId: assessments[2].id, analysis: 'Efter augusti: målet nås inte.', version: 1 });
		const [goalRow] = await db.select().from(followUps).where(eq(followUps.nodeId, goal.id));
		expect(goalRow).toMatchObject({ assessmentId: assessments[2].id, statusId: null, analysis: 'Efter augusti: målet nås inte.', version: 2 });
		await expect(recordFollowUp(db, ctx, plan.id, goal.id, period, { statusId: status('Pågående') })).rejects.toMatchObject({
			code: 'error_field_required',
			field: 'assessmentId'
		});
		await expect(recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: assessments[0].id })).rejects.toMatchObject({
			code: 'error_field_invalid',
			field: 'statusId'
		});
	});

	it('locks a closed period until it is reopened', async () => {
		const { db, ctx, plan, activity, period, status } = await setup();
		await setPeriodClosed(db, ctx, plan.id, period, true);
		await expect(recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående') })).rejects.toMatchObject({ code: 'error_period_closed' });
		await setPeriodClosed(db, ctx, plan.id, period, false);
		await expect(recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående') })).resolves.toBe(1);
	});

	it('records indicator values of the right kind; an empty value removes it', async () => {
		const { db, ctx, plan, goal, period } = await setup();
		const share = await addIndicator(db, ctx, plan.id, goal.id, { name: 'Andel', kind: 'percent', targetKind: 'value', targetComparison: '>=', targetValue: '85' });
		const done = await addIndicator(db, ctx, plan.id, goal.id, { name: 'Genomförd', kind: 'yes_no' });
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId: share, periodId: period }, { value: '86,5' });
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId: done, periodId: period }, { value: 'ja' });
		await expect(recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId: share, periodId: period }, { value: '120' })).rejects.toMatchObject({ code: 'error_measurement_invalid' });
		await expect(recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId: done, periodId: period }, { value: 'kanske' })).rejects.toMatchObject({ code: 'error_measurement_invalid' });
		expect((await listMeasurements(db, ctx.tenantId, plan.id)).map((m) => Number(m.value)).sort()).toEqual([1, 86.5]);
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: goal.id, indicatorId: share, periodId: period }, { value: '' });
		expect(await listMeasurements(db, ctx.tenantId, plan.id)).toHaveLength(1);
	});

	it('lists what a person has to report, through the role titles they hold, until it is reported', async () => {
		const { db, ctx, plan, activity, period, status } = await setup();
		const account = await addAccount(db, ctx, { email: 'omar@exempel.se', name: 'Omar', role: 'reporter' });
		expect(await listDueReports(db, ctx.tenantId, account.personId)).toEqual([]);
		await holdRoleTitle(db, ctx, account.personId, 'Utvecklingschef', true);
		expect(await isResponsible(db, ctx.tenantId, account.personId, activity.id)).toBe(true);
		const due = await listDueReports(db, ctx.tenantId, account.personId);
		expect(due).toEqual([expect.objectContaining({ nodeId: activity.id, periodId: period, dueOn: '2024-09-15', title: 'Läsfixare i åk 1' })]);
		await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående') });
		expect(await listDueReports(db, ctx.tenantId, account.personId)).toEqual([]);
	});

	it('shows on "Att rapportera" each indicator\'s target, earlier outcomes and a value already entered', async () => {
		const { db, ctx, plan, activity, period, status } = await setup();
		const account = await addAccount(db, ctx, { email: 'omar@exempel.se', name: 'Omar', role: 'reporter' });
		await holdRoleTitle(db, ctx, account.personId, 'Utvecklingschef', true);
		const share = await addIndicator(db, ctx, plan.id, activity.id, { name: 'Andel lästa', kind: 'percent', targetKind: 'value', targetComparison: '>=', targetValue: '85' });
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: activity.id, indicatorId: share, periodId: period }, { value: '78' });
		await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: status('Pågående') });
		await setPeriodClosed(db, ctx, plan.id, period, true);
		const next = await addPeriod(db, ctx, plan.id, { name: 'Helår', asOf: '2024-12-31', dueOn: '2025-01-31' });
		const [row] = await presentDueReports(db, ctx.tenantId, account.personId);
		expect(row).toMatchObject({ periodId: next, nodeId: activity.id });
		expect(row.indicators).toEqual([
			expect.objectContaining({ name: 'Andel lästa', targetComparison: '>=', current: null, earlier: [{ periodName: 'Delår 2 per 31 augusti', value: '78' }] })
		]);
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: activity.id, indicatorId: share, periodId: next }, { value: '86,5' });
		const [again] = await presentDueReports(db, ctx.tenantId, account.personId);
		expect(again.indicators[0]).toMatchObject({ current: '86.5', earlier: [{ value: '78' }] });
		expect(await presentDueReports(db, ctx.tenantId, undefined)).toEqual([]);
	});

	it('answers another organisation\'s ids as not found', async () => {
		const { db, plan, activity, period, status } = await setup();
		const other = await createTestOrganisation(db);
		await expect(recordFollowUp(db, other.ctx, plan.id, activity.id, period, { statusId: status('Pågående') })).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(setPeriodClosed(db, other.ctx, plan.id, period, true)).rejects.toMatchObject({ code: 'error_not_found' });
	});
});
