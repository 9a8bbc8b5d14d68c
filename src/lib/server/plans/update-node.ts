import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { nodes } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { validateNodeValues } from './node-values';
import { assertTitle, nodeColumns, nodeContentInput, nodeLabels } from './node-input';
import { levelOf } from './node-placement';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode } from './plan-repository';
import { writeNodeRelations } from './write-node-values';
import { assertAnchorWording, writeThroughToAnchors } from './anchors';

const updateNodeInput = nodeContentInput.extend({
	/** The version the user's form was made from: an older one than stored means a stale edit. */
	version: z.coerce.number().int().optional()
});

export async function updateNode(db: Db, ctx: Ctx, planId: string, nodeId: string, input: unknown): Promise<void> {
	const data = parseInput(updateNodeInput, input, nodeLabels);
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const before = await findNode(tx, ctx.tenantId, planId, nodeId);
		if (!before) throw notFound();
		if (data.version !== undefined && data.version !== before.version) {
			throw new DomainError('error_stale_edit', {}, { status: 409 });
		}
		const framework = (await loadFramework(tx, ctx.tenantId, plan.frameworkId))!;
		const level = levelOf(framework, before.levelId);
		assertTitle(level, data.title);
		const values = validateNodeValues(level, data.values, plan);
		const after = nodeColumns(data, values);
		assertAnchorWording(before, after);
		await tx
			.update(nodes)
			.set({ ...after, version: sql`${nodes.version} + 1`, updatedAt: new Date() })
			.where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.id, nodeId)));
		await writeNodeRelations(tx, ctx, nodeId, values);
		// A goal sent down the steering chain: its anchors in the units' plans say what it says now.
		const anchors = await writeThroughToAnchors(tx, ctx, nodeId, before, after);
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, {
			action: 'node.update',
			entityType: 'node',
			entityId: nodeId,
			planId,
			before,
			after: { ...after, responsible: values.responsible, boardIds: values.boardIds, ...(anchors ? { anchorsUpdated: anchors } : {}) }
		});
	});
}
