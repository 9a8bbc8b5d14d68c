import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { findPlan } from './plan-repository';

/** Archives an adopted plan (a year that is over); it stays readable. */
export async function archivePlan(db: Db, ctx: Ctx, planId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const plan = await findPlan(tx, ctx.tenantId, planId);
		if (!plan) throw notFound();
		if (plan.state !== 'adopted') throw new DomainError('error_plan_not_adopted', {}, { status: 409 });
		await tx
			.update(plans)
			.set({ state: 'archived', version: sql`${plans.version} + 1`, updatedAt: new Date() })
			.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
		await recordAudit(tx, ctx, { action: 'plan.archive', entityType: 'plan', entityId: planId, planId, before: { state: plan.state }, after: { state: 'archived' } });
	});
}
