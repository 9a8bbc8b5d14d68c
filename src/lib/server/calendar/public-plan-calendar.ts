import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { cycleEventEntry, cycleEventRows, yearBefore } from './calendar-entries';
import type { CalendarEntry } from './ical-feed';

const LIMIT = 400;

/** The public events that concern a plan (cycle events marked public, tied to it), from a year back on. */
const concernsPlan = (tenantId: string, planId: string, from: string) => sql`e.tenant_id = ${tenantId} and e.is_public
	and exists (select 1 from cycle_event_plans cp where cp.tenant_id = e.tenant_id and cp.event_id = e.id and cp.plan_id = ${planId})
	and coalesce(e.ends_on, e.starts_on) >= ${from}::date`;

/**
 * A published plan's calendar for anyone: the annual cycle's events marked public that concern the plan —
 * their name, days, kind and plans, never their note. The caller has found the plan published
 * (documents/public-plans.ts); each event links to the plan's public page.
 */
export async function publicPlanCalendar(db: Db, tenantId: string, planId: string, options: { today: string; planUrl: string; locale: 'sv' | 'en' }): Promise<CalendarEntry[]> {
	const events = await cycleEventRows(db, concernsPlan(tenantId, planId, yearBefore(options.today)), LIMIT);
	return events.map((event) => cycleEventEntry(event, { locale: options.locale, url: options.planUrl, withNote: false }));
}

/** Whether the plan has public events to subscribe to (its public page offers the calendar then). */
export async function hasPublicEvents(db: Db, tenantId: string, planId: string, today: string): Promise<boolean> {
	const [row] = rowsOf<{ found: boolean }>(
		await db.execute(sql`select exists (select 1 from cycle_events e where ${concernsPlan(tenantId, planId, yearBefore(today))}) as found`)
	);
	return row.found;
}
