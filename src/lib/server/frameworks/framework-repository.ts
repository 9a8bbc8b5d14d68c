import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { frameworks, levelChildren, levels, nodeBoards, nodeResponsibles, nodes, plans } from '../db/schema';
import type { FieldDefinition } from './field-definition';
import { rowsOf } from '../db/rows';
import { isUuid } from '../shared/uuid';

export type Framework = typeof frameworks.$inferSelect;
export type LevelRow = typeof levels.$inferSelect;
export interface Level extends LevelRow {
	childLevelIds: string[];
}
export interface FrameworkView extends Framework {
	levels: Level[];
}

export async function listFrameworks(db: Db, tenantId: string) {
	const rows = await db
		.select({ framework: frameworks, planCount: count(plans.id) })
		.from(frameworks)
		.leftJoin(plans, and(eq(plans.tenantId, frameworks.tenantId), eq(plans.frameworkId, frameworks.id)))
		.where(eq(frameworks.tenantId, tenantId))
		.groupBy(frameworks.tenantId, frameworks.id);
	return rows.map((row) => ({ ...row.framework, planCount: Number(row.planCount) }));
}

export async function loadFramework(db: Db, tenantId: string, frameworkId: string): Promise<FrameworkView | undefined> {
	if (!isUuid(frameworkId)) return undefined;
	const [framework] = await db
		.select()
		.from(frameworks)
		.where(and(eq(frameworks.tenantId, tenantId), eq(frameworks.id, frameworkId)));
	if (!framework) return undefined;
	const levelRows = await db
		.select()
		.from(levels)
		.where(and(eq(levels.tenantId, tenantId), eq(levels.frameworkId, frameworkId)))
		.orderBy(asc(levels.position));
	const edges = levelRows.length
		? await db
				.select()
				.from(levelChildren)
				.where(
					and(
						eq(levelChildren.tenantId, tenantId),
						inArray(
							levelChildren.parentLevelId,
							levelRows.map((level) => level.id)
						)
					)
				)
		: [];
	const position = new Map(levelRows.map((level) => [level.id, level.position]));
	return {
		...framework,
		levels: levelRows.map((level) => ({
			...level,
			childLevelIds: edges
				.filter((edge) => edge.parentLevelId === level.id)
				.map((edge) => edge.childLevelId)
				.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
		}))
	};
}

/** How many items of each level exist in plans using the framework. */
export async function countNodesByLevel(db: Db, tenantId: string, frameworkId: string): Promise<Map<string, number>> {
	const rows = await db
		.select({ levelId: nodes.levelId, n: count() })
		.from(nodes)
		.innerJoin(levels, and(eq(levels.tenantId, nodes.tenantId), eq(levels.id, nodes.levelId)))
		.where(and(eq(nodes.tenantId, tenantId), eq(levels.frameworkId, frameworkId)))
		.groupBy(nodes.levelId);
	return new Map(rows.map((row) => [row.levelId, Number(row.n)]));
}

/** How many items of a level hold a value for a field: data that removing or retyping the field would lose. */
export async function countFieldValues(db: Db, tenantId: string, levelId: string, definition: FieldDefinition): Promise<number> {
	const atLevel = and(eq(nodes.tenantId, tenantId), eq(nodes.levelId, levelId));
	if (definition.type === 'responsible' || definition.type === 'boards') {
		const table = definition.type === 'responsible' ? nodeResponsibles : nodeBoards;
		const [row] = await db
			.select({ n: sql<number>`count(distinct ${table.nodeId})` })
			.from(table)
			.innerJoin(nodes, and(eq(nodes.tenantId, table.tenantId), eq(nodes.id, table.nodeId)))
			.where(atLevel);
		return Number(row.n);
	}
	const present =
		definition.type === 'deadline'
			? isNotNull(nodes.deadlineText)
			: sql`(${nodes.fieldValues} -> ${definition.key}::text) is not null`;
	const [row] = await db.select({ n: count() }).from(nodes).where(and(atLevel, present));
	return Number(row.n);
}

/** Items of a level without a title of their own: what asking the level for titles again would leave nameless. */
export async function countUntitledItems(db: Db, tenantId: string, levelId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(nodes)
		.where(and(eq(nodes.tenantId, tenantId), eq(nodes.levelId, levelId), sql`btrim(${nodes.title}) = ''`));
	return Number(row.n);
}

/** Items placed under a parent of one level with a child of another: what dropping that rule would orphan. */
export async function countPlacements(db: Db, tenantId: string, parentLevelId: string | null, childLevelId: string): Promise<number> {
	if (parentLevelId === null) {
		const [row] = await db
			.select({ n: count() })
			.from(nodes)
			.where(and(eq(nodes.tenantId, tenantId), eq(nodes.levelId, childLevelId), sql`${nodes.parentId} is null`));
		return Number(row.n);
	}
	const result = await db.execute(sql`
		select
			(select count(*) from nodes child
				join nodes parent on parent.tenant_id = child.tenant_id and parent.id = child.parent_id
				where child.tenant_id = ${tenantId} and child.level_id = ${childLevelId} and parent.level_id = ${parentLevelId})
			+ (select count(*) from node_links link
				join nodes child on child.tenant_id = link.tenant_id and child.id = link.node_id
				join nodes parent on parent.tenant_id = link.tenant_id and parent.id = link.parent_id
				where link.tenant_id = ${tenantId} and child.level_id = ${childLevelId} and parent.level_id = ${parentLevelId})
			as n`);
	return Number(rowsOf<{ n: number }>(result)[0].n);
}
