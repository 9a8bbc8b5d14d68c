import { and, eq, isNull, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { nodes } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { validateNodeValues } from './node-values';
import { assertTitle, nodeColumns, nodeContentInput, nodeLabels } from './node-input';
import { assertPlacement, levelOf } from './node-placement';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { findNode, type NodeRow } from './plan-repository';
import { writeNodeRelations } from './write-node-values';

const addNodeInput = nodeContentInput.extend({ levelId: z.uuid(), parentId: z.uuid().nullable().default(null) });

/** Adds an item at the end of its parent's items (or of the plan's top), where the framework allows it. */
export async function addNode(db: Db, ctx: Ctx, planId: string, input: unknown): Promise<NodeRow> {
	const data = parseInput(addNodeInput, input, nodeLabels);
	return db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const framework = (await loadFramework(tx, ctx.tenantId, plan.frameworkId))!;
		const level = levelOf(framework, data.levelId);
		assertTitle(level, data.title);
		const parent = data.parentId ? await findNode(tx, ctx.tenantId, planId, data.parentId) : null;
		if (data.parentId && !parent) throw new DomainError('error_not_found', {}, { field: 'parentId', status: 404 });
		assertPlacement(framework, level, parent ? levelOf(framework, parent.levelId) : null);
		const values = validateNodeValues(level, data.values, plan);

		const siblings = and(
			eq(nodes.tenantId, ctx.tenantId),
			eq(nodes.planId, planId),
			parent ? eq(nodes.parentId, parent.id) : isNull(nodes.parentId)
		);
		const [{ last }] = await tx.select({ last: max(nodes.position) }).from(nodes).where(siblings);
		const [node] = await tx
			.insert(nodes)
			.values({
				tenantId: ctx.tenantId,
				planId,
				levelId: level.id,
				parentId: parent?.id ?? null,
				position: (last ?? -1) + 1,
				...nodeColumns(data, values)
			})
			.returning();
		await writeNodeRelations(tx, ctx, node.id, values);
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, {
			action: 'node.create',
			entityType: 'node',
			entityId: node.id,
			planId,
			after: { ...node, responsible: values.responsible, boardIds: values.boardIds }
		});
		return node;
	});
}
