import { sql } from 'drizzle-orm';
import { responsibleForItem } from '../plans/responsible-sql';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { NamingLevel } from '../presenters/item-name';
import type { DueReport } from '../follow-up/follow-up-repository';

/**
 * The start page's reads. Each is one statement, scoped by tenant; the page runs them side by side.
 * What a person is responsible for is plans/responsible-sql.ts's condition (as on "Att rapportera").
 */

const levelJson = sql`json_build_object('untitled', l.untitled, 'fields', l.fields, 'descriptionPosition', l.description_position, 'tableColumns', l.table_columns)`;

export interface MyItem extends Pick<DueReport, 'nodeId' | 'planId' | 'planTitle' | 'ref' | 'title' | 'description' | 'fieldValues' | 'level'> {
	/** The item's newest report (by the period's as-of date): its status or assessment, or none yet. */
	valueId: string | null;
	periodName: string | null;
	reportedAt: string | null;
}

/** Every followed-up item the person is responsible for in a plan that is not archived, with its newest report. */
export async function listMyItems(db: Db, tenantId: string, personId: string): Promise<MyItem[]> {
	return rowsOf<MyItem>(
		await db.execute(sql`
			select n.id as "nodeId", n.plan_id as "planId", pl.title as "planTitle", n.ref, n.title, n.description,
				n.field_values as "fieldValues", ${levelJson} as level,
				latest.value_id as "valueId", latest.period_name as "periodName", latest.updated_at as "reportedAt"
			from nodes n
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
			join plans pl on pl.tenant_id = n.tenant_id and pl.id = n.plan_id
			left join lateral (
				select coalesce(f.status_id, f.assessment_id) as value_id, p.name as period_name, to_char(f.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as updated_at
				from follow_ups f join periods p on p.tenant_id = f.tenant_id and p.id = f.period_id
				where f.tenant_id = n.tenant_id and f.node_id = n.id
				order by p.as_of desc, f.updated_at desc limit 1
			) latest on true
			where n.tenant_id = ${tenantId} and l.follow_up <> 'none' and pl.state <> 'archived' and ${responsibleForItem(tenantId, personId)}
			order by pl.title, n.position`)
	);
}

/** One plan's open period, counted by what its items' reports say (valueId null with reported false: no report yet). */
export interface PeriodCount {
	planId: string;
	planTitle: string;
	ownerUnitId: string;
	periodId: string;
	periodName: string;
	dueOn: string;
	/** The period's due date has passed. */
	pastDue: boolean;
	reported: boolean;
	valueId: string | null;
	items: number;
	/** Items whose own deadline has passed without a report saying done (or cancelled, or met). */
	pastDeadline: number;
}

/** Every open period of every plan that is not archived, its followed-up items counted by report. */
export async function countOpenPeriods(db: Db, tenantId: string, today: string): Promise<PeriodCount[]> {
	return rowsOf<PeriodCount>(
		await db.execute(sql`
			select pl.id as "planId", pl.title as "planTitle", pl.owner_unit_id as "ownerUnitId", p.id as "periodId", p.name as "periodName",
				to_char(p.due_on, 'YYYY-MM-DD') as "dueOn", p.due_on < ${today}::date as "pastDue",
				f.id is not null as reported, coalesce(f.status_id, f.assessment_id) as "valueId", count(*)::int as items,
				count(*) filter (where n.deadline_date < ${today}::date and coalesce(s.meaning, '') not in ('done', 'cancelled', 'met'))::int as "pastDeadline"
			from plans pl
			join periods p on p.tenant_id = pl.tenant_id and p.plan_id = pl.id and p.closed_at is null
			join nodes n on n.tenant_id = pl.tenant_id and n.plan_id = pl.id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id and l.follow_up <> 'none'
			left join follow_ups f on f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id
			left join scale_values s on s.tenant_id = f.tenant_id and s.id = coalesce(f.status_id, f.assessment_id)
			where pl.tenant_id = ${tenantId} and pl.state <> 'archived'
			group by pl.id, pl.title, pl.owner_unit_id, p.id, p.name, p.due_on, f.id is not null, coalesce(f.status_id, f.assessment_id)`)
	);
}

export interface MissingByResponsible {
	planId: string;
	periodId: string;
	/** A role title's or a person's name; null for items nobody is responsible for. */
	responsible: string | null;
	missing: number;
}

/** Reports still missing in open periods, per responsible role title or person. */
export async function countMissingByResponsible(db: Db, tenantId: string): Promise<MissingByResponsible[]> {
	return rowsOf<MissingByResponsible>(
		await db.execute(sql`
			select p.plan_id as "planId", p.id as "periodId", coalesce(rt.name, pe.name) as responsible, count(distinct n.id)::int as missing
			from periods p
			join plans pl on pl.tenant_id = p.tenant_id and pl.id = p.plan_id and pl.state <> 'archived'
			join nodes n on n.tenant_id = p.tenant_id and n.plan_id = p.plan_id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id and l.follow_up <> 'none'
			left join node_responsibles r on r.tenant_id = n.tenant_id and r.node_id = n.id
			left join role_titles rt on rt.tenant_id = r.tenant_id and rt.id = r.role_title_id
			left join people pe on pe.tenant_id = r.tenant_id and pe.id = r.person_id
			where p.tenant_id = ${tenantId} and p.closed_at is null
				and not exists (select 1 from follow_ups f where f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id)
			group by p.plan_id, p.id, coalesce(rt.name, pe.name)`)
	);
}

export interface RecentChange {
	at: string;
	action: string;
	/** The person behind the account that acted, else the audit log's own label ("demo", "cli"). */
	actor: string;
	planId: string | null;
	planTitle: string | null;
	/** The plan's owner unit and state: whether the reader may see the change (another school's draft is not theirs). */
	planOwnerUnitId: string | null;
	planState: string | null;
	nodeId: string | null;
	ref: string | null;
	title: string | null;
	description: string | null;
	fieldValues: Record<string, unknown> | null;
	level: NamingLevel | null;
}

/**
 * The newest changes to plan items and plans made by others: to the person's own items, or, with
 * `wholeOrganisation`, anywhere in the organisation's plans. Sign-ins and settings are left out.
 */
export async function listRecentChanges(
	db: Db,
	tenantId: string,
	options: { accountId: string; personId?: string; wholeOrganisation: boolean; limit: number }
): Promise<RecentChange[]> {
	const mine = options.personId ? sql`e.entity_id in (select n.id from nodes n where n.tenant_id = ${tenantId} and ${responsibleForItem(tenantId, options.personId)})` : sql`false`;
	const scope = options.wholeOrganisation ? sql`e.plan_id is not null` : mine;
	return rowsOf<RecentChange>(
		await db.execute(sql`
			select to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, e.action, coalesce(pe.name, e.actor) as actor,
				e.plan_id as "planId", pl.title as "planTitle", pl.owner_unit_id as "planOwnerUnitId", pl.state as "planState", n.id as "nodeId", n.ref, n.title, n.description, n.field_values as "fieldValues",
				case when n.id is null then null else ${levelJson} end as level
			from audit_events e
			left join accounts a on a.tenant_id = e.tenant_id and a.id::text = e.actor
			left join people pe on pe.tenant_id = a.tenant_id and pe.id = a.person_id
			left join plans pl on pl.tenant_id = e.tenant_id and pl.id = e.plan_id
			left join indicators ind on ind.tenant_id = e.tenant_id and ind.id = e.entity_id and e.entity_type = 'indicator'
			left join nodes n on n.tenant_id = e.tenant_id and n.id = case e.entity_type when 'node' then e.entity_id when 'indicator' then ind.node_id end
			left join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
			where e.tenant_id = ${tenantId} and e.actor <> ${options.accountId}
				and e.action in ('follow_up.save', 'measurement.save', 'node.create', 'node.update', 'node.move', 'plan.create', 'plan.adopt', 'plan.carry_over', 'period.create', 'period.close', 'period.reopen')
				and ${scope}
			order by e.at desc limit ${options.limit}`)
	);
}

/** What a new organisation has done of its first steps. */
export interface FirstSteps {
	framework: boolean;
	plan: boolean;
	people: boolean;
	period: boolean;
	/** Where a period is opened: the first plan's follow-up. */
	firstPlanId: string | null;
}

export async function findFirstSteps(db: Db, tenantId: string): Promise<FirstSteps> {
	const [row] = rowsOf<FirstSteps>(
		await db.execute(sql`
			select exists (select 1 from frameworks where tenant_id = ${tenantId}) as framework,
				exists (select 1 from plans where tenant_id = ${tenantId}) as plan,
				(select count(*) from accounts where tenant_id = ${tenantId}) > 1 as people,
				exists (select 1 from periods where tenant_id = ${tenantId}) as period,
				(select id from plans where tenant_id = ${tenantId} and state <> 'archived' order by created_at limit 1) as "firstPlanId"`)
	);
	return row;
}
