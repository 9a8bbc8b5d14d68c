import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';

/** One unit's share of one of the organiser's goals in a period: its assessment and analysis, and how its own work under the goal stands. */
export interface UnitShare {
	goalId: string;
	unitId: string;
	unitName: string;
	unitKind: string;
	/** The unit above the unit (its area, "Skolområde Norr"); null at the top. */
	areaId: string | null;
	areaName: string | null;
	/** The school forms the register lists for the unit ("GR", "FS" …). */
	schoolForms: string[];
	/** The unit's plan and the goal's anchor in it (for a link to the unit's report). */
	planId: string;
	anchorId: string;
	/** The unit's period opened with the organiser's; null: the unit has not got the period yet. */
	periodId: string | null;
	assessmentId: string | null;
	analysis: string;
	/** The unit's items under the goal that are followed up by status, and how many have a status in the period. */
	activities: number;
	reported: number;
	/** Status id → how many of those items have it. */
	statuses: Record<string, number>;
	/**
	 * Whom to ask about what the unit has not yet reported in the period: when the goal is not assessed,
	 * those responsible for its anchor or any work under it; otherwise those of the work without a
	 * status — a role title with whoever holds it, or a person. Empty when everything is reported, or
	 * nobody is named.
	 */
	responsibles: Responsible[];
}

/** A role title ("Rektor") with its holders' names, or a person (holders empty). */
export interface Responsible {
	kind: 'role' | 'person';
	name: string;
	holders: string[];
}

/**
 * The organiser's view of its goals across the steering chain for one of its periods: for each goal
 * sent down, each unit's assessment and analysis of it and the statuses of the unit's own work under
 * it, in the unit's period opened with the organiser's. One statement whatever the number of units
 * (see chainRollUpQuery), tenant-scoped.
 */
export async function loadChainRollUp(db: Db, tenantId: string, planId: string, periodId: string): Promise<UnitShare[]> {
	const rows = rowsOf<{
		goal_id: string;
		unit_id: string;
		unit_name: string;
		unit_kind: string;
		area_id: string | null;
		area_name: string | null;
		school_forms: string[] | string | null;
		plan_id: string;
		anchor_id: string;
		period_id: string | null;
		assessment_id: string | null;
		analysis: string;
		activities: number;
		reported: number;
		statuses: Record<string, number> | string | null;
		responsibles: { kind: 'role' | 'person'; name: string; holders: string[] | null }[] | string | null;
	}>(await db.execute(chainRollUpQuery(tenantId, planId, periodId)));
	const collator = new Intl.Collator('sv');
	return rows
		.map((row) => ({
			goalId: row.goal_id,
			unitId: row.unit_id,
			unitName: row.unit_name,
			unitKind: row.unit_kind,
			areaId: row.area_id,
			areaName: row.area_name,
			schoolForms: textArray(row.school_forms),
			planId: row.plan_id,
			anchorId: row.anchor_id,
			periodId: row.period_id,
			assessmentId: row.assessment_id,
			analysis: row.analysis,
			activities: Number(row.activities),
			reported: Number(row.reported),
			statuses: Object.fromEntries(Object.entries(json(row.statuses) ?? {}).map(([id, n]) => [id, Number(n)])),
			responsibles: (json(row.responsibles) ?? [])
				.map((responsible) => ({ kind: responsible.kind, name: responsible.name, holders: (responsible.holders ?? []).sort(collator.compare) }))
				.sort((a, b) => collator.compare(a.name, b.name))
		}))
		.sort((a, b) => collator.compare(a.unitName, b.unitName));
}

/** A json column as PGlite (parsed) or node-postgres (parsed, or text for json built in the statement) gives it. */
const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A text[] column: parsed by both drivers, but '{GR,GY}' if a driver leaves it as text. */
function textArray(value: string[] | string | null): string[] {
	if (Array.isArray(value)) return value;
	if (!value || value === '{}') return [];
	return value.replace(/^\{|\}$/g, '').split(',').map((part) => part.replace(/^"|"$/g, ''));
}

/**
 * The roll-up's one statement (exported for the bench's EXPLAIN): the goals' anchors in the chain's
 * unit plans with each unit's period opened with this one; one walk down under every anchor; the
 * work there that is followed up by status, with its report in the unit's period; counted per anchor;
 * and for what is not yet reported (an unassessed anchor and its work, work without a status) its
 * responsibles, each role title with the names of those who hold it.
 */
export function chainRollUpQuery(tenantId: string, planId: string, periodId: string) {
	return sql`
		with recursive anchors as (
			select a.id as anchor_id, a.source_node_id as goal_id, p.id as plan_id, p.owner_unit_id as unit_id, up.id as period_id
			from nodes a
			join plans p on p.tenant_id = a.tenant_id and p.id = a.plan_id
			left join periods up on up.tenant_id = p.tenant_id and up.plan_id = p.id and up.parent_period_id = ${periodId}
			where a.tenant_id = ${tenantId} and p.parent_plan_id = ${planId} and p.state <> 'archived' and a.source_node_id is not null
		),
		under(anchor_id, id) as (
			select anchor_id, anchor_id from anchors
			union all
			select u.anchor_id, n.id from nodes n join under u on n.tenant_id = ${tenantId} and n.parent_id = u.id
		),
		work as (
			select u.anchor_id, u.id as node_id, f.status_id
			from under u
			join anchors a on a.anchor_id = u.anchor_id
			join nodes n on n.tenant_id = ${tenantId} and n.id = u.id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
			left join follow_ups f on f.tenant_id = ${tenantId} and f.node_id = u.id and f.period_id = a.period_id
			where u.id <> u.anchor_id and l.follow_up = 'status'
		),
		counts as (
			select anchor_id, count(*)::int as activities, count(status_id)::int as reported from work group by anchor_id
		),
		statuses as (
			select anchor_id, json_object_agg(status_id, n) as statuses
			from (select anchor_id, status_id, count(*)::int as n from work where status_id is not null group by anchor_id, status_id) per_status
			group by anchor_id
		),
		assessed as (
			select a.*, f.assessment_id, f.analysis
			from anchors a
			left join follow_ups f on f.tenant_id = ${tenantId} and f.node_id = a.anchor_id and f.period_id = a.period_id
		),
		owing as (
			select anchor_id, anchor_id as node_id from assessed where assessment_id is null
			union
			select w.anchor_id, w.node_id from work w join assessed a on a.anchor_id = w.anchor_id where w.status_id is null or a.assessment_id is null
		),
		answering as (
			select distinct o.anchor_id, r.role_title_id, r.person_id
			from owing o
			join node_responsibles r on r.tenant_id = ${tenantId} and r.node_id = o.node_id
		),
		named as (
			select w.anchor_id, case when w.role_title_id is null then 'person' else 'role' end as kind, coalesce(rt.name, pe.name) as name,
				json_agg(holder.name) filter (where holder.name is not null) as holders
			from answering w
			left join role_titles rt on rt.tenant_id = ${tenantId} and rt.id = w.role_title_id
			left join people pe on pe.tenant_id = ${tenantId} and pe.id = w.person_id
			left join role_title_holders h on h.tenant_id = ${tenantId} and h.role_title_id = w.role_title_id
			left join people holder on holder.tenant_id = ${tenantId} and holder.id = h.person_id
			group by w.anchor_id, w.role_title_id, w.person_id, rt.name, pe.name
		),
		responsibles as (
			select anchor_id, json_agg(json_build_object('kind', kind, 'name', name, 'holders', holders)) as responsibles from named group by anchor_id
		)
		select a.goal_id, a.unit_id, un.name as unit_name, un.kind as unit_kind, area.id as area_id, area.name as area_name, un.school_forms,
			a.plan_id, a.anchor_id, a.period_id, a.assessment_id, coalesce(a.analysis, '') as analysis,
			coalesce(c.activities, 0) as activities, coalesce(c.reported, 0) as reported, s.statuses, r.responsibles
		from assessed a
		join units un on un.tenant_id = ${tenantId} and un.id = a.unit_id
		left join units area on area.tenant_id = ${tenantId} and area.id = un.parent_id
		left join counts c on c.anchor_id = a.anchor_id
		left join statuses s on s.anchor_id = a.anchor_id
		left join responsibles r on r.anchor_id = a.anchor_id`;
}
