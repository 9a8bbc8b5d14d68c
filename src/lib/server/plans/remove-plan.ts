import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { loadDraftPlan } from './plan-edit';
import { countUnitPlans } from './anchors';
import { DomainError } from '../shared/domain-error';

/** Removes a draft plan with everything in it. Adopted plans are public documents and stay. */
export async function removePlan(db: Db, ctx: Ctx, planId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const unitPlans = await countUnitPlans(tx, ctx.tenantId, planId);
		if (unitPlans) throw new DomainError('error_plan_has_unit_plans', { count: unitPlans }, { status: 409 });
		await tx.delete(plans).where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
		await recordAudit(tx, ctx, { action: 'plan.delete', entityType: 'plan', entityId: planId, planId, before: plan });
	});
}
