import type { Db } from '../db/client';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { placeNode } from './move-node';
import { loadDraftPlan } from './plan-edit';
import { findNode } from './plan-repository';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { nodes } from '../db/schema';

/** Moves an item one place up or down among its siblings (the keyboard-friendly reorder). */
export async function shiftNode(db: Db, ctx: Ctx, planId: string, nodeId: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const node = await findNode(tx, ctx.tenantId, planId, nodeId);
		if (!node) throw notFound();
		const siblings = await tx
			.select({ id: nodes.id })
			.from(nodes)
			.where(
				and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.planId, planId), node.parentId ? eq(nodes.parentId, node.parentId) : isNull(nodes.parentId))
			)
			.orderBy(asc(nodes.position));
		const index = siblings.findIndex((row) => row.id === nodeId);
		const target = direction === 'up' ? index - 1 : index + 1;
		if (target < 0 || target >= siblings.length) return;
		await placeNode(tx, ctx, plan, node, node.parentId, target);
	});
}
