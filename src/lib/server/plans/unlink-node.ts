import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodeLinks } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode } from './plan-repository';
import { isUuid } from '../shared/uuid';

export async function unlinkNode(db: Db, ctx: Ctx, planId: string, nodeId: string, parentId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		if (!(await findNode(tx, ctx.tenantId, planId, nodeId)) || !isUuid(parentId)) throw notFound();
		const removed = await tx
			.delete(nodeLinks)
			.where(and(eq(nodeLinks.tenantId, ctx.tenantId), eq(nodeLinks.nodeId, nodeId), eq(nodeLinks.parentId, parentId)))
			.returning();
		if (!removed.length) throw notFound();
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'node.unlink', entityType: 'node', entityId: nodeId, planId, before: { parentId } });
	});
}
