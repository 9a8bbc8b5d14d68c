import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';

/** One unit's share of one of the organiser's goals in a period: its assessment and analysis, and how its own work under the goal stands. */
export interface UnitShare {
	goalId: string;
	unitId: string;
	unitName: string;
	unitKind: string;
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
		plan_id: string;
		anchor_id: string;
		period_id: string | null;
		assessment_id: string | null;
		analysis: string;
		activities: number;
		reported: number;
		statuses: Record<string, number> | string | null;
	}>(await db.execute(chainRollUpQuery(tenantId, planId, periodId)));
	const collator = new Intl.Collator('sv');
	return rows
		.map((row) => ({
			goalId: row.goal_id,
			unitId: row.unit_id,
			unitName: row.unit_name,
			unitKind: row.unit_kind,
			planId: row.plan_id,
			anchorId: row.anchor_id,
			periodId: row.period_id,
			assessmentId: row.assessment_id,
			analysis: row.analysis,
			activities: Number(row.activities),
			reported: Number(row.reported),
			statuses: Object.fromEntries(Object.entries((typeof row.statuses === 'string' ? JSON.parse(row.statuses) : row.statuses) ?? {}).map(([id, n]) => [id, Number(n)]))
		}))
		.sort((a, b) => collator.compare(a.unitName, b.unitName));
}

/**
 * The roll-up's one statement (exported for the bench's EXPLAIN): the goals' anchors in the chain's
 * unit plans with each unit's period opened with this one; one walk down under every anchor; the
 * work there that is followed up by status, with its report in the unit's period; counted per anchor.
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
			select u.anchor_id, f.status_id
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
		)
		select a.goal_id, a.unit_id, un.name as unit_name, un.kind as unit_kind, a.plan_id, a.anchor_id, a.period_id,
			f.assessment_id, coalesce(f.analysis, '') as analysis,
			coalesce(c.activities, 0) as activities, coalesce(c.reported, 0) as reported, s.statuses
		from anchors a
		join units un on un.tenant_id = ${tenantId} and un.id = a.unit_id
		left join follow_ups f on f.tenant_id = ${tenantId} and f.node_id = a.anchor_id and f.period_id = a.period_id
		left join counts c on c.anchor_id = a.anchor_id
		left join statuses s on s.anchor_id = a.anchor_id`;
}
