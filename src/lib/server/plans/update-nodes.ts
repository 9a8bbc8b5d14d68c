import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodes } from '../db/schema';
import { recordAudits } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { validateNodeValues } from './node-values';
import { assertTitle, nodeColumns, nodeContentInput, nodeLabels } from './node-input';
import { levelOf } from './node-placement';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { writeManyNodeRelations } from './write-node-values';

/**
 * Many items edited at once (an Excel import): the same checks and audit records as one edit
 * (`update-node.ts`), written in a few statements instead of some ten per item. Call inside the
 * import's transaction.
 */
export async function updateNodes(tx: Db, ctx: Ctx, planId: string, updates: { id: string; input: unknown }[]): Promise<void> {
	if (!updates.length) return;
	const plan = await loadDraftPlan(tx, ctx, planId);
	const framework = (await loadFramework(tx, ctx.tenantId, plan.frameworkId))!;
	const ids = updates.map((update) => update.id);
	const before = new Map<string, typeof nodes.$inferSelect>();
	for (let i = 0; i < ids.length; i += 1000) {
		const rows = await tx
			.select()
			.from(nodes)
			.where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.planId, planId), inArray(nodes.id, ids.slice(i, i + 1000))));
		for (const row of rows) before.set(row.id, row);
	}
	const changes = updates.map(({ id, input }) => {
		const node = before.get(id);
		if (!node) throw notFound();
		const data = parseInput(nodeContentInput, input, nodeLabels);
		const level = levelOf(framework, node.levelId);
		assertTitle(level, data.title);
		const values = validateNodeValues(level, data.values, plan);
		return { id, node, values, after: nodeColumns(data, values) };
	});
	for (let i = 0; i < changes.length; i += 500) {
		const rows = changes
			.slice(i, i + 500)
			.map(
				({ id, after }) =>
					sql`(${id}::uuid, ${after.ref}::text, ${after.title}::text, ${after.description}::text, ${after.carriedOver}::boolean, ${JSON.stringify(after.fieldValues)}::jsonb, ${after.deadlineText}::text, ${after.deadlineDate}::date)`
			);
		await tx.execute(sql`
			update nodes as n set ref = v.ref, title = v.title, description = v.description, carried_over = v.carried_over,
				field_values = v.field_values, deadline_text = v.deadline_text, deadline_date = v.deadline_date,
				version = n.version + 1, updated_at = now()
			from (values ${sql.join(rows, sql`, `)}) as v(id, ref, title, description, carried_over, field_values, deadline_text, deadline_date)
			where n.tenant_id = ${ctx.tenantId} and n.plan_id = ${planId} and n.id = v.id`);
	}
	await writeManyNodeRelations(tx, ctx, changes.map(({ id, values }) => ({ nodeId: id, values })));
	await touchPlan(tx, ctx, planId);
	await recordAudits(
		tx,
		ctx,
		changes.map(({ id, node, values, after }) => ({
			action: 'node.update',
			entityType: 'node',
			entityId: id,
			planId,
			before: node,
			after: { ...after, responsible: values.responsible, boardIds: values.boardIds }
		}))
	);
}
