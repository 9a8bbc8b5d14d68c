import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { loadDraftPlan } from './plan-edit';

/** Removes a draft plan with everything in it. Adopted plans are public documents and stay. */
export async function removePlan(db: Db, ctx: Ctx, planId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		await tx.delete(plans).where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
		await recordAudit(tx, ctx, { action: 'plan.delete', entityType: 'plan', entityId: planId, planId, before: plan });
	});
}
