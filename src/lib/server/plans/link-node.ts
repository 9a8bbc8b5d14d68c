import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodeLinks } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { isSelfOrDescendant } from './move-node';
import { assertPlacement, levelOf } from './node-placement';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode } from './plan-repository';

/**
 * Lets an item count under a further goal as well (the same activity under two board goals):
 * a link, not a copy, so it is reported once and shown in both places.
 */
export async function linkNode(db: Db, ctx: Ctx, planId: string, nodeId: string, parentId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const node = await findNode(tx, ctx.tenantId, planId, nodeId);
		const parent = await findNode(tx, ctx.tenantId, planId, parentId);
		if (!node) throw notFound();
		if (!parent) throw new DomainError('error_not_found', {}, { field: 'parentId', status: 404 });
		if (node.parentId === parentId) throw new DomainError('error_already_linked_there', {}, { field: 'parentId', status: 409 });
		if (await isSelfOrDescendant(tx, ctx.tenantId, planId, node.id, parent)) {
			throw new DomainError('error_move_into_itself', {}, { field: 'parentId' });
		}
		const framework = (await loadFramework(tx, ctx.tenantId, plan.frameworkId))!;
		assertPlacement(framework, levelOf(framework, node.levelId), levelOf(framework, parent.levelId));
		const existing = and(eq(nodeLinks.tenantId, ctx.tenantId), eq(nodeLinks.parentId, parentId));
		const [duplicate] = await tx.select().from(nodeLinks).where(and(existing, eq(nodeLinks.nodeId, nodeId)));
		if (duplicate) throw new DomainError('error_already_linked_there', {}, { field: 'parentId', status: 409 });
		const [{ last }] = await tx.select({ last: max(nodeLinks.position) }).from(nodeLinks).where(existing);
		await tx.insert(nodeLinks).values({ tenantId: ctx.tenantId, nodeId, parentId, position: (last ?? -1) + 1 });
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'node.link', entityType: 'node', entityId: nodeId, planId, after: { parentId } });
	});
}
