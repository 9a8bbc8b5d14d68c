import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { Responsible } from './plan-repository';

/**
 * What the outline shows of one entry: the item's own columns (its description only where the
 * level has no titles and so names its items by their text), responsible, boards, how many
 * indicators, and its latest status or assessment.
 */
export interface OutlineItem {
	id: string;
	levelId: string;
	ref: string;
	title: string;
	description: string;
	fieldValues: Record<string, unknown>;
	deadlineText: string | null;
	deadlineDate: string | null;
	carriedOver: boolean;
	sourceNodeId: string | null;
	/** An anchor whose goal's wording changed since (`source_changed_at` set). */
	sourceChanged: boolean;
	responsibles: Responsible[];
	boardIds: string[];
	indicatorCount: number;
	/** The latest report's status or assessment (a scale value id) and its period's name. */
	latestValueId: string | null;
	latestPeriodName: string | null;
}

/** One shown entry of the outline: where it stands (its path of item ids from the top, `/`-joined) and what it holds. */
export interface OutlineSliceRow {
	key: string;
	id: string;
	depth: number;
	/** Shown here through a link (the item's home is elsewhere). */
	linked: boolean;
	/** The last step to this entry was a link: it comes after its parent's own items. */
	viaLink: boolean;
	position: number;
	/** Entries under this one that are not shown (the budget ran out at its depth). */
	hidden: number;
	item: OutlineItem;
}

export interface OutlineSlice {
	/** Every entry of the outline (linked ones counted where they show). */
	total: number;
	rows: OutlineSliceRow[];
}

const MAX_BUDGET = 2_147_483_647;

/** The responsible of the item `n` (a nodes row), in order, as `Responsible` objects in a JSON array. */
export const RESPONSIBLES_JSON = sql`coalesce((
	select json_agg(json_build_object(
		'kind', case when r.role_title_id is null then 'person' else 'role' end,
		'id', coalesce(r.role_title_id, r.person_id),
		'name', coalesce(case when r.role_title_id is null then p.name else t.name end, ''),
		'note', r.note) order by r.position)
	from node_responsibles r
	left join role_titles t on t.tenant_id = r.tenant_id and t.id = r.role_title_id
	left join people p on p.tenant_id = r.tenant_id and p.id = r.person_id
	where r.tenant_id = n.tenant_id and r.node_id = n.id), '[]'::json)`;

/**
 * The part of a plan's outline that a page shows, worked out in the database: the outline is
 * walked there (each item under its parent, and again, marked linked, under each further parent it
 * is linked to — never back into its own branch), entries are counted per depth, and only the
 * depths that fit `budget` entries are read (always the first), each deepest shown entry with the
 * number of entries under it. `rootId` gives the outline under one item (for its page): its own
 * place's children and below. Nothing is decoded for the entries that are not shown.
 */
export async function loadOutlineSlice(db: Db, tenantId: string, planId: string, options: { rootId?: string; budget: number }): Promise<OutlineSlice> {
	const budget = Math.min(options.budget, MAX_BUDGET);
	const start: SQL = options.rootId
		? sql`up(id, parent_id, path) as (
				select n.id, n.parent_id, array[n.id] from nodes n where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.id = ${options.rootId}
				union all
				select n.id, n.parent_id, n.id || up.path from up join nodes n on n.tenant_id = ${tenantId} and n.id = up.parent_id
			),
			start as (select ${options.rootId}::uuid as id, 0 as position, -1 as depth, false as linked, false as via_link, path from up where parent_id is null)`
		: sql`start as (
				select n.id, n.position, 0 as depth, false as linked, false as via_link, array[n.id] as path
				from nodes n where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.parent_id is null
			)`;
	// The structure only (ids, depths, counts): small rows, and a statement cheap enough for PostgreSQL
	// to run without compiling it (JIT took 180 ms when the items' details were read in the same one).
	const result = await db.execute(sql`
		with recursive
		edges as materialized (
			select n.parent_id, n.id as child_id, n.position, false as via_link
			from nodes n where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.parent_id is not null
			union all
			select l.parent_id, l.node_id, n.position, true
			from node_links l join nodes n on n.tenant_id = l.tenant_id and n.id = l.node_id
			where l.tenant_id = ${tenantId} and n.plan_id = ${planId}
		),
		${start},
		walk(id, position, depth, linked, via_link, path) as (
			select id, position, depth, linked, via_link, path from start
			union all
			select e.child_id, e.position, w.depth + 1, w.linked or e.via_link, e.via_link, w.path || e.child_id
			from walk w join edges e on e.parent_id = w.id
			where not (e.via_link and e.child_id = any(w.path))
		),
		counts as (
			select depth, count(*) as n, sum(count(*)) over (order by depth) as running from walk where depth >= 0 group by depth
		),
		cut as (select coalesce(max(depth), 0) as depth from counts where depth = 0 or running <= ${budget}),
		hidden as (
			select w.path[1 : array_length(w.path, 1) - (w.depth - cut.depth)] as path, count(*) as n
			from walk w cross join cut where w.depth > cut.depth group by 1
		)
		select array_to_string(w.path, '/') as key, w.id, w.position, w.depth, w.linked, w.via_link as "viaLink", coalesce(h.n, 0)::int as hidden,
			(select coalesce(sum(c.n), 0)::int from counts c) as total
		from walk w cross join cut left join hidden h on h.path = w.path
		where w.depth between 0 and cut.depth`);
	// Completed in place with their items (a linked item shown twice shares its details).
	const rows = rowsOf<OutlineSliceRow & { total: number }>(result);
	const items = new Map((await loadOutlineItems(db, tenantId, planId, [...new Set(rows.map((row) => row.id))])).map((item) => [item.id, item]));
	for (const row of rows) row.item = items.get(row.id)!;
	return { total: rows[0]?.total ?? 0, rows };
}

/** Ids per statement: each stays cheap enough to run without JIT; the chunks of a whole plan run side by side. */
const ITEMS_PER_STATEMENT = 500;

/** The shown items' details, by id (in chunks). */
export async function loadOutlineItems(db: Db, tenantId: string, planId: string, ids: string[]): Promise<OutlineItem[]> {
	const chunks: string[][] = [];
	for (let i = 0; i < ids.length; i += ITEMS_PER_STATEMENT) chunks.push(ids.slice(i, i + ITEMS_PER_STATEMENT));
	const results = await Promise.all(chunks.map((chunk) => db.execute(itemsQuery(tenantId, planId, chunk))));
	return results.flatMap((result) => rowsOf<OutlineItem>(result));
}

const itemsQuery = (tenantId: string, planId: string, ids: string[]) => sql`
	select n.id, n.level_id as "levelId", n.ref, n.title,
		case when l.untitled then n.description else '' end as description,
		n.field_values as "fieldValues", n.deadline_text as "deadlineText", to_char(n.deadline_date, 'YYYY-MM-DD') as "deadlineDate",
		n.carried_over as "carriedOver", n.source_node_id as "sourceNodeId", n.source_changed_at is not null as "sourceChanged",
		${RESPONSIBLES_JSON} as responsibles,
		coalesce((select json_agg(b.unit_id order by b.position) from node_boards b where b.tenant_id = n.tenant_id and b.node_id = n.id), '[]'::json) as "boardIds",
		(select count(*)::int from indicators i where i.tenant_id = n.tenant_id and i.node_id = n.id) as "indicatorCount",
		latest.value_id as "latestValueId", latest.period_name as "latestPeriodName"
	from nodes n
	join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
	left join lateral (
		select coalesce(f.status_id, f.assessment_id) as value_id, pe.name as period_name
		from follow_ups f join periods pe on pe.tenant_id = f.tenant_id and pe.id = f.period_id
		where f.tenant_id = n.tenant_id and f.node_id = n.id and f.plan_id = ${planId} and coalesce(f.status_id, f.assessment_id) is not null
		order by pe.as_of desc, pe.created_at desc limit 1
	) latest on true
	where n.tenant_id = ${tenantId} and n.plan_id = ${planId} and n.id in (${sql.join(
		ids.map((id) => sql`${id}::uuid`),
		sql`, `
	)})`;

/** Every responsible named in the plan (role or person, with its note), once each: the search form's choices. */
export async function listPlanResponsibles(db: Db, tenantId: string, planId: string): Promise<{ name: string; note: string }[]> {
	const result = await db.execute(sql`
		select distinct coalesce(case when r.role_title_id is null then p.name else t.name end, '') as name, r.note
		from node_responsibles r
		join nodes n on n.tenant_id = r.tenant_id and n.id = r.node_id
		left join role_titles t on t.tenant_id = r.tenant_id and t.id = r.role_title_id
		left join people p on p.tenant_id = r.tenant_id and p.id = r.person_id
		where r.tenant_id = ${tenantId} and n.plan_id = ${planId}`);
	return rowsOf<{ name: string; note: string }>(result);
}

/** An item as the item page needs the rest of the plan: where it stands, its level, what names it, and its further parents. */
export interface SkeletonNode {
	id: string;
	parentId: string | null;
	position: number;
	levelId: string;
	ref: string;
	title: string;
	/** Only for a level without titles (its items are named by their text); empty otherwise. */
	description: string;
	fieldValues: Record<string, unknown>;
	linkedParentIds: string[];
}

/**
 * Every item of a plan, narrowly (no fields, responsible, boards or indicators), in position order: for
 * the item page's path, what is under it through links, and where it may be moved.
 */
export async function loadPlanSkeleton(db: Db, tenantId: string, planId: string): Promise<SkeletonNode[]> {
	const result = await db.execute(sql`
		select n.id, n.parent_id as "parentId", n.position, n.level_id as "levelId", n.ref, n.title,
			case when l.untitled then n.description else '' end as description,
			case when l.untitled then n.field_values else '{}'::jsonb end as "fieldValues",
			coalesce((select json_agg(k.parent_id order by k.position) from node_links k where k.tenant_id = n.tenant_id and k.node_id = n.id), '[]'::json) as "linkedParentIds"
		from nodes n join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
		where n.tenant_id = ${tenantId} and n.plan_id = ${planId}
		order by n.position`);
	return rowsOf<SkeletonNode>(result);
}
