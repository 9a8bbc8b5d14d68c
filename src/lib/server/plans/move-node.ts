import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { nodeLinks, nodes } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { nodeLabels } from './node-input';
import { assertPlacement, levelOf } from './node-placement';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode, type NodeRow, type Plan } from './plan-repository';

const moveNodeInput = z.object({
	parentId: z.uuid().nullable(),
	/** Place among the new siblings, from 0; past the end means last. */
	index: z.coerce.number().int().min(0).optional()
});

/** Moves an item (with everything under it) to another parent and/or place. */
export async function moveNode(db: Db, ctx: Ctx, planId: string, nodeId: string, input: unknown): Promise<void> {
	const data = parseInput(moveNodeInput, input, nodeLabels);
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const node = await findNode(tx, ctx.tenantId, planId, nodeId);
		if (!node) throw notFound();
		await placeNode(tx, ctx, plan, node, data.parentId, data.index ?? Number.MAX_SAFE_INTEGER);
	});
}

/** Shared by move and shift: checks the new place, then renumbers the old and new siblings. */
export async function placeNode(tx: Db, ctx: Ctx, plan: Plan, node: NodeRow, parentId: string | null, index: number): Promise<void> {
	if (parentId) {
		const parent = await findNode(tx, ctx.tenantId, plan.id, parentId);
		if (!parent) throw new DomainError('error_not_found', {}, { field: 'parentId', status: 404 });
		if (await isSelfOrDescendant(tx, ctx.tenantId, plan.id, node.id, parent)) {
			throw new DomainError('error_move_into_itself', {}, { field: 'parentId' });
		}
		const framework = (await loadFramework(tx, ctx.tenantId, plan.frameworkId))!;
		assertPlacement(framework, levelOf(framework, node.levelId), levelOf(framework, parent.levelId));
		const [link] = await tx
			.select()
			.from(nodeLinks)
			.where(and(eq(nodeLinks.tenantId, ctx.tenantId), eq(nodeLinks.nodeId, node.id), eq(nodeLinks.parentId, parentId)));
		if (link) throw new DomainError('error_already_linked_there', {}, { field: 'parentId', status: 409 });
	} else if (node.parentId !== null) {
		const framework = (await loadFramework(tx, ctx.tenantId, plan.frameworkId))!;
		assertPlacement(framework, levelOf(framework, node.levelId), null);
	}

	const siblingsOf = (parent: string | null) =>
		tx
			.select({ id: nodes.id })
			.from(nodes)
			.where(
				and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.planId, plan.id), parent ? eq(nodes.parentId, parent) : isNull(nodes.parentId))
			)
			.orderBy(asc(nodes.position));
	const oldSiblings = (await siblingsOf(node.parentId)).map((row) => row.id).filter((id) => id !== node.id);
	const newSiblings = parentId === node.parentId ? oldSiblings : (await siblingsOf(parentId)).map((row) => row.id);
	newSiblings.splice(Math.min(index, newSiblings.length), 0, node.id);

	const renumber = async (ids: string[]) => {
		for (const [position, id] of ids.entries()) {
			await tx
				.update(nodes)
				.set({ position, ...(id === node.id ? { parentId } : {}) })
				.where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.id, id)));
		}
	};
	if (parentId !== node.parentId) await renumber(oldSiblings);
	await renumber(newSiblings);
	await touchPlan(tx, ctx, plan.id);
	await recordAudit(tx, ctx, {
		action: 'node.move',
		entityType: 'node',
		entityId: node.id,
		planId: plan.id,
		before: { parentId: node.parentId, position: node.position },
		after: { parentId, position: newSiblings.indexOf(node.id) }
	});
}

/** Is `candidate` the node itself or somewhere beneath it? Walks up from the candidate. */
export async function isSelfOrDescendant(tx: Db, tenantId: string, planId: string, nodeId: string, candidate: NodeRow): Promise<boolean> {
	let current: NodeRow | undefined = candidate;
	for (let guard = 0; current && guard < 10_000; guard++) {
		if (current.id === nodeId) return true;
		current = current.parentId ? await findNode(tx, tenantId, planId, current.parentId) : undefined;
	}
	return false;
}
