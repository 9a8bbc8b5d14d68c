import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
	chapters,
	frameworks,
	indicators,
	nodeBoards,
	nodeLinks,
	nodeResponsibles,
	nodes,
	people,
	plans,
	roleTitles,
	units
} from '../db/schema';
import { loadFramework, type FrameworkView } from '../frameworks/framework-repository';
import { isUuid } from '../shared/uuid';

export type Plan = typeof plans.$inferSelect;
export type Chapter = typeof chapters.$inferSelect;
export type NodeRow = typeof nodes.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;

export interface Responsible {
	kind: 'role' | 'person';
	id: string;
	name: string;
	/** What the responsibility covers ("del 2"); shown in brackets after the name (plans/responsible.ts). */
	note: string;
}

/** The columns of an item the plan views use (timestamps and carry-over bookkeeping stay behind). */
const planNodeColumns = {
	tenantId: nodes.tenantId,
	id: nodes.id,
	planId: nodes.planId,
	levelId: nodes.levelId,
	parentId: nodes.parentId,
	position: nodes.position,
	ref: nodes.ref,
	title: nodes.title,
	description: nodes.description,
	fieldValues: nodes.fieldValues,
	deadlineText: nodes.deadlineText,
	deadlineDate: nodes.deadlineDate,
	carriedOver: nodes.carriedOver,
	/** An anchor in a unit's plan: the organiser's goal it stands for, and when that goal's wording changed. */
	sourceNodeId: nodes.sourceNodeId,
	sourceChangedAt: nodes.sourceChangedAt,
	version: nodes.version
};
export type PlanNodeRow = Pick<NodeRow, keyof typeof planNodeColumns>;

export interface PlanNode extends PlanNodeRow {
	responsibles: Responsible[];
	boardIds: string[];
	/** Further parents this item also counts under (links). */
	linkedParentIds: string[];
	indicators: IndicatorRow[];
}

export interface PlanData {
	plan: Plan;
	framework: FrameworkView;
	ownerUnit: typeof units.$inferSelect;
	chapters: Chapter[];
	nodes: PlanNode[];
	boards: (typeof units.$inferSelect)[];
}

export async function listPlans(db: Db, tenantId: string) {
	const rows = await db
		.select({
			plan: plans,
			ownerName: units.name,
			frameworkName: frameworks.name
		})
		.from(plans)
		.innerJoin(units, and(eq(units.tenantId, plans.tenantId), eq(units.id, plans.ownerUnitId)))
		.innerJoin(frameworks, and(eq(frameworks.tenantId, plans.tenantId), eq(frameworks.id, plans.frameworkId)))
		.where(eq(plans.tenantId, tenantId));
	const counts = await db
		.select({ planId: nodes.planId, n: count() })
		.from(nodes)
		.where(eq(nodes.tenantId, tenantId))
		.groupBy(nodes.planId);
	const byPlan = new Map(counts.map((row) => [row.planId, Number(row.n)]));
	return rows
		.map((row) => ({ ...row.plan, ownerName: row.ownerName, frameworkName: row.frameworkName, nodeCount: byPlan.get(row.plan.id) ?? 0 }))
		.sort((a, b) => b.startYear - a.startYear || collator.compare(a.title, b.title));
}

const collator = new Intl.Collator('sv');

export async function findPlan(db: Db, tenantId: string, planId: string): Promise<Plan | undefined> {
	if (!isUuid(planId)) return undefined;
	const [plan] = await db.select().from(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
	return plan;
}

export async function findNode(db: Db, tenantId: string, planId: string, nodeId: string): Promise<NodeRow | undefined> {
	if (!isUuid(nodeId)) return undefined;
	const [node] = await db
		.select()
		.from(nodes)
		.where(and(eq(nodes.tenantId, tenantId), eq(nodes.planId, planId), eq(nodes.id, nodeId)));
	return node;
}

/** The plan's chapters in print order: those placed before the items, then those after them. */
export async function listChapters(db: Db, tenantId: string, planId: string): Promise<Chapter[]> {
	return db
		.select()
		.from(chapters)
		.where(and(eq(chapters.tenantId, tenantId), eq(chapters.planId, planId)))
		.orderBy(asc(sql`${chapters.placement} = 'after'`), asc(chapters.position));
}

/** Everything of a plan but its items: what every plan view needs around them. */
export type PlanHead = Omit<PlanData, 'nodes'>;

/** The plan with its framework, owner unit, chapters and the organisation's boards (not its items). */
export async function loadPlanHead(db: Db, tenantId: string, planId: string): Promise<PlanHead | undefined> {
	const plan = await findPlan(db, tenantId, planId);
	if (!plan) return undefined;
	const [framework, [ownerUnit], chapterRows, boards] = await headParts(db, tenantId, plan);
	if (!framework || !ownerUnit) return undefined;
	return { plan, framework, ownerUnit, chapters: chapterRows, boards };
}

function headParts(db: Db, tenantId: string, plan: Plan) {
	return Promise.all([
		loadFramework(db, tenantId, plan.frameworkId),
		db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, plan.ownerUnitId))),
		listChapters(db, tenantId, plan.id),
		db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.kind, 'board'))).orderBy(asc(units.position))
	]);
}

/** The whole plan in a fixed number of queries, whatever its size. */
export async function loadPlanData(db: Db, tenantId: string, planId: string): Promise<PlanData | undefined> {
	const plan = await findPlan(db, tenantId, planId);
	if (!plan) return undefined;
	const [[framework, [ownerUnit], chapterRows, boards], planNodes] = await Promise.all([headParts(db, tenantId, plan), readNodes(db, tenantId, planId)]);
	if (!framework || !ownerUnit) return undefined;
	return { plan, framework, ownerUnit, chapters: chapterRows, boards, nodes: planNodes };
}

/** One item of a plan with everything the plan views show of it (responsible, boards, links, indicators). */
export async function loadPlanNode(db: Db, tenantId: string, planId: string, nodeId: string): Promise<PlanNode | undefined> {
	if (!isUuid(nodeId) || !isUuid(planId)) return undefined;
	const [node] = await readNodes(db, tenantId, planId, nodeId);
	return node;
}

/** The plan's items (or one of them) completed with their responsible, boards, links and indicators. */
async function readNodes(db: Db, tenantId: string, planId: string, onlyId?: string): Promise<PlanNode[]> {
	const only = onlyId ? eq(nodes.id, onlyId) : undefined;
	const inPlan = (table: typeof nodeBoards | typeof nodeLinks | typeof nodeResponsibles | typeof indicators) =>
		and(eq(nodes.tenantId, table.tenantId), eq(nodes.id, table.nodeId), eq(nodes.planId, planId), only);
	const [nodeRows, responsibleRows, boardRows, linkRows, indicatorRows] = await Promise.all([
		db
			.select(planNodeColumns)
			.from(nodes)
			.where(and(eq(nodes.tenantId, tenantId), eq(nodes.planId, planId), only))
			.orderBy(asc(nodes.position)),
		db
			.select({
				nodeId: nodeResponsibles.nodeId,
				position: nodeResponsibles.position,
				roleTitleId: nodeResponsibles.roleTitleId,
				roleName: roleTitles.name,
				personId: nodeResponsibles.personId,
				personName: people.name,
				note: nodeResponsibles.note
			})
			.from(nodeResponsibles)
			.innerJoin(nodes, inPlan(nodeResponsibles))
			.leftJoin(roleTitles, and(eq(roleTitles.tenantId, nodeResponsibles.tenantId), eq(roleTitles.id, nodeResponsibles.roleTitleId)))
			.leftJoin(people, and(eq(people.tenantId, nodeResponsibles.tenantId), eq(people.id, nodeResponsibles.personId)))
			.where(eq(nodeResponsibles.tenantId, tenantId))
			.orderBy(asc(nodeResponsibles.position)),
		db
			.select({ nodeId: nodeBoards.nodeId, unitId: nodeBoards.unitId })
			.from(nodeBoards)
			.innerJoin(nodes, inPlan(nodeBoards))
			.where(eq(nodeBoards.tenantId, tenantId))
			.orderBy(asc(nodeBoards.position)),
		db
			.select({ nodeId: nodeLinks.nodeId, parentId: nodeLinks.parentId })
			.from(nodeLinks)
			.innerJoin(nodes, inPlan(nodeLinks))
			.where(eq(nodeLinks.tenantId, tenantId))
			.orderBy(asc(nodeLinks.position)),
		db
			.select({ indicator: indicators })
			.from(indicators)
			.innerJoin(nodes, inPlan(indicators))
			.where(eq(indicators.tenantId, tenantId))
			.orderBy(asc(indicators.position))
	]);

	const group = <T, V>(rows: T[], key: (row: T) => string, value: (row: T) => V) => {
		const map = new Map<string, V[]>();
		for (const row of rows) {
			const list = map.get(key(row));
			if (list) list.push(value(row));
			else map.set(key(row), [value(row)]);
		}
		return map;
	};
	const responsibles = group(
		responsibleRows,
		(row) => row.nodeId,
		(row): Responsible =>
			row.roleTitleId
				? { kind: 'role', id: row.roleTitleId, name: row.roleName ?? '', note: row.note }
				: { kind: 'person', id: row.personId!, name: row.personName ?? '', note: row.note }
	);
	const boardIds = group(boardRows, (row) => row.nodeId, (row) => row.unitId);
	const links = group(linkRows, (row) => row.nodeId, (row) => row.parentId);
	const nodeIndicators = group(indicatorRows, (row) => row.indicator.nodeId, (row) => row.indicator);

	// Completed in place: copying thousands of rows is measurable on the plan page (docs/BENCHMARKS.md).
	const planNodes = nodeRows as PlanNode[];
	for (const node of planNodes) {
		node.responsibles = responsibles.get(node.id) ?? [];
		node.boardIds = boardIds.get(node.id) ?? [];
		node.linkedParentIds = links.get(node.id) ?? [];
		node.indicators = nodeIndicators.get(node.id) ?? [];
	}
	return planNodes;
}

export async function listNodeIdsOfPlan(db: Db, tenantId: string, planId: string, ids: string[]): Promise<string[]> {
	if (!ids.length) return [];
	const rows = await db
		.select({ id: nodes.id })
		.from(nodes)
		.where(and(eq(nodes.tenantId, tenantId), eq(nodes.planId, planId), inArray(nodes.id, ids)));
	return rows.map((row) => row.id);
}

/** Operator use only (the CLI, which has no organisation of its own): which organisation owns a plan id. */
export async function findPlanOwner(db: Db, planId: string): Promise<string | undefined> {
	if (!isUuid(planId)) return undefined;
	const [row] = await db.select({ tenantId: plans.tenantId }).from(plans).where(eq(plans.id, planId));
	return row?.tenantId;
}
