import type { Db } from '../db/client';
import { and, eq } from 'drizzle-orm';
import { plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findUnit } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { planDetailsInput, planLabels } from './plan-input';

export async function updatePlan(db: Db, ctx: Ctx, planId: string, input: unknown): Promise<void> {
	const data = parseInput(planDetailsInput, input, planLabels);
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		if (!(await findUnit(tx, ctx.tenantId, data.ownerUnitId))) {
			throw new DomainError('error_not_found', {}, { field: 'ownerUnitId', status: 404 });
		}
		await tx.update(plans).set(data).where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'plan.update', entityType: 'plan', entityId: planId, planId, before: plan, after: data });
	});
}
