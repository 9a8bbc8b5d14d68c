import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { cycleEventPlans, cycleEvents, cycles, periods, plans } from '../db/schema';
import { isUuid } from '../shared/uuid';

export type Cycle = typeof cycles.$inferSelect;
export type CycleEvent = typeof cycleEvents.$inferSelect;

export async function listCycles(db: Db, tenantId: string): Promise<Cycle[]> {
	return db.select().from(cycles).where(eq(cycles.tenantId, tenantId)).orderBy(asc(cycles.startYear), asc(cycles.periodKind));
}

export async function findCycle(db: Db, tenantId: string, cycleId: string): Promise<Cycle | undefined> {
	if (!isUuid(cycleId)) return undefined;
	const [cycle] = await db.select().from(cycles).where(and(eq(cycles.tenantId, tenantId), eq(cycles.id, cycleId)));
	return cycle;
}

export async function findEvent(db: Db, tenantId: string, eventId: string): Promise<CycleEvent | undefined> {
	if (!isUuid(eventId)) return undefined;
	const [event] = await db.select().from(cycleEvents).where(and(eq(cycleEvents.tenantId, tenantId), eq(cycleEvents.id, eventId)));
	return event;
}

/** A cycle's events in date order, each with the plans it concerns and, for a follow-up, its periods opened and closed. */
export async function listEvents(db: Db, tenantId: string, cycleId: string) {
	const events = await db
		.select()
		.from(cycleEvents)
		.where(and(eq(cycleEvents.tenantId, tenantId), eq(cycleEvents.cycleId, cycleId)))
		.orderBy(asc(cycleEvents.startsOn), asc(cycleEvents.endsOn));
	if (!events.length) return [];
	const ids = events.map((event) => event.id);
	const [concerned, opened, names] = await Promise.all([
		db
			.select({ eventId: cycleEventPlans.eventId, planId: plans.id, title: plans.title })
			.from(cycleEventPlans)
			.innerJoin(plans, and(eq(plans.tenantId, cycleEventPlans.tenantId), eq(plans.id, cycleEventPlans.planId)))
			.where(and(eq(cycleEventPlans.tenantId, tenantId), inArray(cycleEventPlans.eventId, ids))),
		db
			.select({ eventId: periods.cycleEventId, planId: periods.planId, closed: sql<boolean>`${periods.closedAt} is not null` })
			.from(periods)
			.where(and(eq(periods.tenantId, tenantId), inArray(periods.cycleEventId, ids))),
		responsibleNames(db, tenantId, events.map((event) => event.responsiblePersonId).filter((id): id is string => id !== null))
	]);
	return events.map((event) => ({
		...event,
		responsibleName: event.responsiblePersonId ? (names.get(event.responsiblePersonId) ?? null) : null,
		plans: concerned.filter((row) => row.eventId === event.id).map(({ planId, title }) => ({ id: planId, title })),
		periods: { open: opened.filter((row) => row.eventId === event.id && !row.closed).length, closed: opened.filter((row) => row.eventId === event.id && row.closed).length }
	}));
}

async function responsibleNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
	if (!ids.length) return new Map();
	const rows = rowsOf<{ id: string; name: string }>(
		await db.execute(sql`select id, name from people where tenant_id = ${tenantId} and id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)
	);
	return new Map(rows.map((row) => [row.id, row.name]));
}

/** What is coming up in the organisation's cycles, from a day on: for the start page. */
export async function listComing(db: Db, tenantId: string, from: string, limit: number) {
	return db
		.select({ id: cycleEvents.id, cycleId: cycleEvents.cycleId, name: cycleEvents.name, kind: cycleEvents.kind, startsOn: cycleEvents.startsOn, endsOn: cycleEvents.endsOn })
		.from(cycleEvents)
		.where(and(eq(cycleEvents.tenantId, tenantId), sql`coalesce(${cycleEvents.endsOn}, ${cycleEvents.startsOn}) >= ${from}`))
		.orderBy(asc(cycleEvents.startsOn))
		.limit(limit);
}
