import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodes } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode } from './plan-repository';

/** Removes an item and everything under it (its indicators and links go with it). */
export async function removeNode(db: Db, ctx: Ctx, planId: string, nodeId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		const node = await findNode(tx, ctx.tenantId, planId, nodeId);
		if (!node) throw notFound();
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
