import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { nodes, plans } from '../db/schema';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';

/**
 * The steering chain's anchors: an organiser's goal stands in each unit's plan as an item linked to
 * it (`nodes.source_node_id`). The anchor's number, title and description are the goal's — written
 * through in the same transaction whenever the goal changes, so every reader of the unit's plan
 * (pages, documents, "Att rapportera") sees the goal's own wording without a join — and marked as
 * changed until the unit has seen it. The unit's own work hangs under the anchor.
 */

export interface Wording {
	ref: string;
	title: string;
	description: string;
}

const sameWording = (a: Wording, b: Wording) => a.ref === b.ref && a.title === b.title && a.description === b.description;

/** An anchor's wording is the goal's: the unit may not change it (its own work goes under it). */
export function assertAnchorWording(before: Wording & { sourceNodeId: string | null }, after: Wording): void {
	if (before.sourceNodeId && !sameWording(before, after)) throw new DomainError('error_anchor_wording', {}, { field: 'title', status: 409 });
}

/** After a goal's wording changed: every anchor of it says the same, marked as changed since the unit last saw it. */
export async function writeThroughToAnchors(tx: Db, ctx: Ctx, goalId: string, before: Wording, after: Wording): Promise<number> {
	if (sameWording(before, after)) return 0;
	const changed = await tx
		.update(nodes)
		.set({ ref: after.ref, title: after.title, description: after.description, sourceChangedAt: new Date(), version: sql`${nodes.version} + 1`, updatedAt: new Date() })
		.where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.sourceNodeId, goalId)))
		.returning({ id: nodes.id });
	return changed.length;
}

/** How many units' plans hold one of these goals as an anchor (a goal units work towards cannot be removed). */
export async function countAnchoringPlans(tx: Db, tenantId: string, goalIds: string[]): Promise<number> {
	if (!goalIds.length) return 0;
	const [row] = await tx
		.select({ plans: sql<number>`count(distinct ${nodes.planId})`.mapWith(Number) })
		.from(nodes)
		.where(and(eq(nodes.tenantId, tenantId), inArray(nodes.sourceNodeId, goalIds)));
	return row?.plans ?? 0;
}

/** How many units' plans carry this plan's goals (the plan cannot go while they do). */
export async function countUnitPlans(tx: Db, tenantId: string, planId: string): Promise<number> {
	const [row] = await tx
		.select({ plans: sql<number>`count(*)`.mapWith(Number) })
		.from(plans)
		.where(and(eq(plans.tenantId, tenantId), eq(plans.parentPlanId, planId)));
	return row?.plans ?? 0;
}

/** An item and everything under it, by id (removing an item removes them all). */
export async function subtreeIds(tx: Db, tenantId: string, nodeId: string): Promise<string[]> {
	const rows = rowsOf<{ id: string }>(
		await tx.execute(sql`
			with recursive under(id) as (
				select ${nodeId}::uuid
				union all
				select n.id from nodes n join under u on n.tenant_id = ${tenantId} and n.parent_id = u.id
			)
			select id from under`)
	);
	return rows.map((row) => row.id);
}
