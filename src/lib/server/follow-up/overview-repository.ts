import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { OverviewTallies } from '../presenters/overview';
import { RESPONSIBLES_JSON } from '../plans/outline-repository';

/**
 * The overview's tallies for a period, counted in the database in one statement: the plan's items
 * are walked once in its order (each under its parent; links are not followed, so an item counts
 * once, at home); per top-level item its status items are counted by their report's status; only
 * the items the overview lists are read (assessed, past their deadline on the period's "as of" date,
 * or not reported), with exactly the columns it shows; and the plan's indicators. Each part comes
 * as one JSON value, so the thousands of items that are only counted are never decoded.
 */
export async function loadOverviewTallies(db: Db, tenantId: string, planId: string, period: { id: string; asOf: string }): Promise<OverviewTallies> {
	const result = await db.execute(sql`
		with recursive
		tree(id, root_id, sort) as (
			select n.id, n.id, array[n.position] from nodes n where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.parent_id is null
			union all
			select n.id, t.root_id, t.sort || n.position from tree t join nodes n on n.tenant_id = ${tenantId} and n.parent_id = t.id
		),
		followed as materialized (
			select t.id, t.root_id, t.sort, l.follow_up, n.deadline_date, f.id is not null as reported, f.status_id, f.assessment_id, f.analysis
			from tree t
			join nodes n on n.tenant_id = ${tenantId} and n.id = t.id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
			left join follow_ups f on f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = ${period.id}
			where l.follow_up <> 'none'
		)
		select
			(select coalesce(json_agg(json_build_object('id', n.id, 'levelId', n.level_id, 'ref', n.ref, 'title', n.title,
					'description', case when l.untitled then n.description else '' end,
					'fieldValues', case when l.untitled then n.field_values else '{}'::jsonb end) order by n.position, n.id), '[]'::json)
				from nodes n join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
				where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.parent_id is null) as roots,
			(select coalesce(json_agg(json_build_object('rootId', c.root_id, 'statusId', c.status_id, 'n', c.n)), '[]'::json)
				from (select root_id, status_id, count(*) as n from followed where follow_up = 'status' group by 1, 2) c) as counts,
			(select coalesce(json_agg(json_build_object('id', n.id, 'levelId', n.level_id, 'ref', n.ref, 'title', n.title,
					'description', case when l.untitled then n.description else '' end,
					'fieldValues', case when l.untitled then n.field_values else '{}'::jsonb end,
					'followUp', fo.follow_up, 'deadlineText', n.deadline_text, 'deadlineDate', to_char(n.deadline_date, 'YYYY-MM-DD'),
					'reported', fo.reported, 'statusId', fo.status_id, 'assessmentId', fo.assessment_id, 'analysis', coalesce(fo.analysis, ''),
					'responsibles', ${RESPONSIBLES_JSON}) order by fo.sort, fo.id), '[]'::json)
				from followed fo
				join nodes n on n.tenant_id = ${tenantId} and n.id = fo.id
				join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
				where fo.follow_up = 'assessment' or not fo.reported or (fo.follow_up = 'status' and fo.deadline_date < ${period.asOf}::date)) as items,
			(select coalesce(json_agg(json_build_object('id', i.id, 'nodeId', i.node_id, 'name', i.name, 'kind', i.kind, 'unit', i.unit,
					'targetKind', i.target_kind, 'targetComparison', i.target_comparison, 'targetValue', i.target_value::text,
					'targetChange', i.target_change, 'baselineValue', i.baseline_value::text) order by t.sort, t.id, i.position), '[]'::json)
				from tree t join indicators i on i.tenant_id = ${tenantId} and i.node_id = t.id) as indicators`);
	const [row] = rowsOf<{
		roots: OverviewTallies['roots'][number]['node'][];
		counts: { rootId: string; statusId: string | null; n: number }[];
		items: OverviewTallies['items'];
		indicators: OverviewTallies['indicators'];
	}>(result);
	const counts = new Map<string, { statusId: string | null; n: number }[]>();
	for (const { rootId, statusId, n } of row.counts) {
		const list = counts.get(rootId);
		if (list) list.push({ statusId, n });
		else counts.set(rootId, [{ statusId, n }]);
	}
	return { roots: row.roots.map((node) => ({ node, counts: counts.get(node.id) ?? [] })), items: row.items, indicators: row.indicators };
}
