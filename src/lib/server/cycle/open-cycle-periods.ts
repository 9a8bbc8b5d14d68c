import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cycleEventPlans, periods, plans } from '../db/schema';
import { recordAudits, type AuditEntry } from '../audit/record-audit';
import { DomainError, notFound } from '../shared/domain-error';
import { findEvent } from './cycle-repository';
import type { Ctx } from '../shared/context';

/**
 * Opens a follow-up event's period in every plan it concerns that is not archived, and in their
 * units' plans of the steering chain (those opened with the organiser's period, as the roll-up
 * expects): named as the event, "as of" its first day, due its last. A plan that already has the
 * event's period is left as it is, so this can be run again after plans or units are added. One
 * transaction. Returns how many periods were opened.
 */
export async function openCyclePeriods(db: Db, ctx: Ctx, eventId: string): Promise<number> {
	return db.transaction(async (tx) => {
		const event = await findEvent(tx, ctx.tenantId, eventId);
		if (!event) throw notFound();
		if (event.kind !== 'follow_up' || !event.endsOn) throw new DomainError('error_cycle_not_follow_up', {}, { status: 409 });
		const chosen = await tx
			.select({ id: plans.id })
			.from(cycleEventPlans)
			.innerJoin(plans, and(eq(plans.tenantId, cycleEventPlans.tenantId), eq(plans.id, cycleEventPlans.planId)))
			.where(and(eq(cycleEventPlans.tenantId, ctx.tenantId), eq(cycleEventPlans.eventId, eventId), sql`${plans.state} <> 'archived'`));
		if (!chosen.length) throw new DomainError('error_cycle_no_plans', {}, { status: 409 });
		const organisers = chosen.map((plan) => plan.id);
		const units = await tx
			.select({ id: plans.id, parentPlanId: plans.parentPlanId })
			.from(plans)
			.where(and(eq(plans.tenantId, ctx.tenantId), inArray(plans.parentPlanId, organisers), sql`${plans.state} <> 'archived'`));
		const period = { name: event.name, asOf: event.startsOn, dueOn: event.endsOn, cycleEventId: event.id };
		const opened = new Map<string, string>();
		const entries: AuditEntry[] = [];
		const open = async (planId: string, parentPeriodId: string | null) => {
			const [row] = await tx
				.insert(periods)
				.values({ tenantId: ctx.tenantId, planId, ...period, parentPeriodId })
				.onConflictDoNothing()
				.returning({ id: periods.id });
			if (row) entries.push({ action: 'period.create', entityType: 'period', entityId: row.id, planId, after: { ...period, parentPeriodId } });
			// Already there (from this event, or a unit's period opened with the organiser's before): left as it is.
			const id = row?.id ?? (await existing(tx, ctx.tenantId, planId, event.id));
			if (id) opened.set(planId, id);
			return Boolean(row);
		};
		let count = 0;
		for (const planId of organisers) if (await open(planId, null)) count++;
		for (const unit of units) if (await open(unit.id, opened.get(unit.parentPlanId!) ?? null)) count++;
		await recordAudits(tx, ctx, entries);
		return count;
	});
}

async function existing(tx: Db, tenantId: string, planId: string, eventId: string): Promise<string | undefined> {
	const [row] = await tx
		.select({ id: periods.id })
		.from(periods)
		.where(and(eq(periods.tenantId, tenantId), eq(periods.planId, planId), eq(periods.cycleEventId, eventId)));
	return row?.id;
}

/**
 * Closes (or reopens) every period opened from the event at once — but the plans named as
 * exceptions, which stay as they are. Periods already in the wanted state are left alone. One
 * transaction, one audit record per period. Returns how many changed.
 */
export async function setCyclePeriodsClosed(db: Db, ctx: Ctx, eventId: string, closed: boolean, exceptPlanIds: string[] = []): Promise<number> {
	return db.transaction(async (tx) => {
		const event = await findEvent(tx, ctx.tenantId, eventId);
		if (!event) throw notFound();
		const state = closed ? isNull(periods.closedAt) : sql`${periods.closedAt} is not null`;
		const rows = await tx
			.select({ id: periods.id, planId: periods.planId })
			.from(periods)
			.where(and(eq(periods.tenantId, ctx.tenantId), eq(periods.cycleEventId, eventId), state));
		const changing = rows.filter((row) => !exceptPlanIds.includes(row.planId));
		if (!changing.length) return 0;
		await tx
			.update(periods)
			.set(closed ? { closedAt: new Date() } : { closedAt: null, publishedAt: null })
			.where(and(eq(periods.tenantId, ctx.tenantId), inArray(periods.id, changing.map((row) => row.id))));
		await recordAudits(
			tx,
			ctx,
			changing.map((row) => ({ action: closed ? 'period.close' : 'period.reopen', entityType: 'period', entityId: row.id, planId: row.planId, before: { closed: !closed }, after: { closed } }))
		);
		return changing.length;
	});
}
