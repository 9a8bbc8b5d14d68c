import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodes } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { countAnchoringPlans, subtreeIds } from './anchors';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode } from './plan-repository';

/**
 * Removes an item and everything under it (its indicators and links go with it). A goal that units'
 * plans carry cannot go, nor can a goal's anchor in a unit's plan that has the unit's work under it:
 * the refusal says how many.
 */
export async function removeNode(db: Db, ctx: Ctx, planId: string, nodeId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		const node = await findNode(tx, ctx.tenantId, planId, nodeId);
		if (!node) throw notFound();
		const removed = await subtreeIds(tx, ctx.tenantId, nodeId);
		const anchoring = await countAnchoringPlans(tx, ctx.tenantId, removed);
		if (anchoring) throw new DomainError('error_goal_in_unit_plans', { count: anchoring }, { status: 409 });
		if (node.sourceNodeId && removed.length > 1) throw new DomainError('error_anchor_has_work', { count: removed.length - 1 }, { status: 409 });
		await tx.delete(nodes).where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.id, nodeId)));
		await tx
			.update(nodes)
			.set({ position: sql`${nodes.position} - 1` })
			.where(
				and(
					eq(nodes.tenantId, ctx.tenantId),
					eq(nodes.planId, planId),
					node.parentId ? eq(nodes.parentId, node.parentId) : isNull(nodes.parentId),
					sql`${nodes.position} > ${node.position}`
				)
			);
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'node.delete', entityType: 'node', entityId: nodeId, planId, before: node });
	});
}
