import { sql } from 'drizzle-orm';
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { CycleEventKind } from '../db/schema';
import type { CalendarEntry } from './ical-feed';

type Locale = 'sv' | 'en';

/** Feeds begin a year back: last year's events stay in a subscriber's calendar, older ones drop out. */
export function yearBefore(today: string): string {
	const date = new Date(`${today}T00:00:00Z`);
	date.setUTCFullYear(date.getUTCFullYear() - 1);
	return date.toISOString().slice(0, 10);
}

export interface CycleEventRow {
	id: string;
	cycleId: string;
	name: string;
	kind: CycleEventKind;
	startsOn: string;
	endsOn: string | null;
	note: string;
	version: number;
	plans: string[] | string;
}

/** The columns of a cycle event a calendar shows (`e` in the statement), with the titles of the plans it concerns. */
export const cycleEventColumns = sql`e.id, e.cycle_id as "cycleId", e.name, e.kind, to_char(e.starts_on, 'YYYY-MM-DD') as "startsOn",
	to_char(e.ends_on, 'YYYY-MM-DD') as "endsOn", e.note, e.version,
	(select coalesce(json_agg(pl.title order by pl.title), '[]'::json) from cycle_event_plans cp
		join plans pl on pl.tenant_id = cp.tenant_id and pl.id = cp.plan_id
		where cp.tenant_id = e.tenant_id and cp.event_id = e.id) as plans`;

export async function cycleEventRows(db: Db, where: ReturnType<typeof sql>, limit: number): Promise<CycleEventRow[]> {
	return rowsOf<CycleEventRow>(await db.execute(sql`select ${cycleEventColumns} from cycle_events e where ${where} order by e.starts_on, e.name limit ${limit}`));
}

export function kindLabel(kind: CycleEventKind, locale: Locale): string {
	const t = { locale };
	return {
		follow_up: m.cycle_kind_follow_up({}, t),
		deadline: m.cycle_kind_deadline({}, t),
		board_meeting: m.cycle_kind_board_meeting({}, t),
		analysis: m.cycle_kind_analysis({}, t),
		adoption: m.cycle_kind_adoption({}, t),
		other: m.cycle_kind_other({}, t)
	}[kind];
}

/** A cycle event as a calendar entry: its name, its kind and the plans it concerns (and, for members, its note). */
export function cycleEventEntry(event: CycleEventRow, options: { locale: Locale; url: string; withNote: boolean }): CalendarEntry {
	const plans = typeof event.plans === 'string' ? (JSON.parse(event.plans) as string[]) : event.plans;
	const lines = [
		kindLabel(event.kind, options.locale),
		plans.length ? m.calendar_event_plans({ plans: plans.join(', ') }, { locale: options.locale }) : '',
		options.withNote ? event.note : '',
		options.url
	];
	return {
		uid: `cycle-event-${event.id}@styrkedjan`,
		start: event.startsOn,
		end: event.endsOn,
		summary: event.name,
		description: lines.filter(Boolean).join('\n'),
		url: options.url,
		sequence: event.version
	};
}
