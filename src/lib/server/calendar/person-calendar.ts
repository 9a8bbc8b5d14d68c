import { sql } from 'drizzle-orm';
import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { responsibleForItem } from '../plans/responsible-sql';
import { itemLabel } from '../presenters/item-name';
import type { DueReport } from '../follow-up/follow-up-repository';
import { cycleEventEntry, cycleEventRows, yearBefore } from './calendar-entries';
import type { CalendarEntry } from './ical-feed';

/** Bounds per kind of thing: together within ical-feed's MAX_EVENTS. */
const LIMITS = { events: 400, periods: 100, items: 400 };

interface DueRow {
	id: string;
	name: string;
	dueOn: string;
	planTitle: string;
	items: number;
}

/** An item with a deadline: what naming it needs (as "Att rapportera" reads it), and its deadline as written and derived. */
interface ItemRow extends Pick<DueReport, 'nodeId' | 'planId' | 'planTitle' | 'ref' | 'title' | 'description' | 'fieldValues' | 'level'> {
	deadlineText: string | null;
	deadlineDate: string;
	version: number;
}

/**
 * What a person's calendar feed holds, in their language, each linking to its page in Styrkedjan:
 * - the organisation's annual cycle: every cycle's events from a year back on;
 * - the due date of each open period in which they still have items to report (as on "Att rapportera":
 *   items they are responsible for, named or through a role title, with no report in it yet);
 * - the deadlines of the items they are responsible for (the date derived from what was written).
 * Archived plans are left out. Three tenant-scoped statements, run side by side.
 */
export async function personCalendar(
	db: Db,
	tenantId: string,
	person: { id: string; locale: 'sv' | 'en' },
	options: { today: string; origin: string }
): Promise<CalendarEntry[]> {
	const from = yearBefore(options.today);
	const t = { locale: person.locale };
	const [events, due, items] = await Promise.all([
		cycleEventRows(db, sql`e.tenant_id = ${tenantId} and coalesce(e.ends_on, e.starts_on) >= ${from}::date`, LIMITS.events),
		db.execute(sql`
			select p.id, p.name, to_char(p.due_on, 'YYYY-MM-DD') as "dueOn", pl.title as "planTitle", count(*)::int as items
			from periods p
			join plans pl on pl.tenant_id = p.tenant_id and pl.id = p.plan_id and pl.state <> 'archived'
			join nodes n on n.tenant_id = p.tenant_id and n.plan_id = p.plan_id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id and l.follow_up <> 'none'
			where p.tenant_id = ${tenantId} and p.closed_at is null and ${responsibleForItem(tenantId, person.id)}
				and not exists (select 1 from follow_ups f where f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id)
			group by p.id, p.name, p.due_on, pl.title
			order by p.due_on limit ${LIMITS.periods}`),
		db.execute(sql`
			select n.id as "nodeId", n.plan_id as "planId", pl.title as "planTitle", n.ref, n.title, n.description, n.field_values as "fieldValues",
				json_build_object('untitled', l.untitled, 'fields', l.fields, 'descriptionPosition', l.description_position, 'tableColumns', l.table_columns) as level,
				n.deadline_text as "deadlineText", to_char(n.deadline_date, 'YYYY-MM-DD') as "deadlineDate", n.version
			from nodes n
			join plans pl on pl.tenant_id = n.tenant_id and pl.id = n.plan_id and pl.state <> 'archived'
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
			where n.tenant_id = ${tenantId} and n.deadline_date >= ${from}::date and ${responsibleForItem(tenantId, person.id)}
			order by n.deadline_date, n.id limit ${LIMITS.items}`)
	]);
	const entries: CalendarEntry[] = events.map((event) =>
		cycleEventEntry(event, { locale: person.locale, url: `${options.origin}/arshjul?cycle=${event.cycleId}#event-${event.id}`, withNote: true })
	);
	const reportUrl = `${options.origin}/att-rapportera`;
	for (const period of rowsOf<DueRow>(due)) {
		entries.push({
			uid: `period-due-${period.id}@styrkedjan`,
			start: period.dueOn,
			summary: m.calendar_due_summary({ period: period.name, plan: period.planTitle }, t),
			description: `${m.calendar_due_description({ count: period.items, plan: period.planTitle }, t)}\n${reportUrl}`,
			url: reportUrl
		});
	}
	for (const item of rowsOf<ItemRow>(items)) {
		const name = itemLabel(item, typeof item.level === 'string' ? JSON.parse(item.level) : item.level);
		const url = `${options.origin}/plans/${item.planId}/nodes/${item.nodeId}`;
		entries.push({
			uid: `item-deadline-${item.nodeId}@styrkedjan`,
			start: item.deadlineDate,
			summary: m.calendar_deadline_summary({ item: name }, t),
			description: `${m.calendar_deadline_description({ plan: item.planTitle, written: item.deadlineText ?? item.deadlineDate }, t)}\n${url}`,
			url,
			sequence: item.version
		});
	}
	return entries.sort((a, b) => a.start.localeCompare(b.start));
}
