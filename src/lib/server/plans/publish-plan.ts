import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { periods, plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findPeriod } from '../follow-up/period-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { findPlan } from './plan-repository';

/**
 * Publishes an adopted plan at its public address (anyone may read it there, with its downloads),
 * or takes it down. An explicit choice per plan; taking the plan down takes its reports down too.
 */
export async function setPlanPublished(db: Db, ctx: Ctx, planId: string, published: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		const plan = await findPlan(tx, ctx.tenantId, planId);
		if (!plan) throw notFound();
		if (published && plan.state === 'draft') throw new DomainError('error_publish_needs_adoption', {}, { status: 409 });
		if ((plan.publishedAt !== null) === published) return;
		await tx
			.update(plans)
			.set({ publishedAt: published ? new Date() : null })
			.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
		if (!published) {
			await tx.update(periods).set({ publishedAt: null }).where(and(eq(periods.tenantId, ctx.tenantId), eq(periods.planId, planId)));
		}
		await recordAudit(tx, ctx, { action: published ? 'plan.publish' : 'plan.unpublish', entityType: 'plan', entityId: planId, planId });
	});
}

/** Publishes the follow-up report of a closed period beside the published plan, or takes it down. */
export async function setPeriodPublished(db: Db, ctx: Ctx, planId: string, periodId: string, published: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		const [plan, period] = await Promise.all([findPlan(tx, ctx.tenantId, planId), findPeriod(tx, ctx.tenantId, planId, periodId)]);
		if (!plan || !period) throw notFound();
		if (published && !plan.publishedAt) throw new DomainError('error_publish_plan_first', {}, { status: 409 });
		if (published && !period.closedAt) throw new DomainError('error_publish_needs_closed_period', {}, { status: 409 });
		if ((period.publishedAt !== null) === published) return;
		await tx
			.update(periods)
			.set({ publishedAt: published ? new Date() : null })
			.where(and(eq(periods.tenantId, ctx.tenantId), eq(periods.id, periodId)));
		await recordAudit(tx, ctx, { action: published ? 'period.publish' : 'period.unpublish', entityType: 'period', entityId: periodId, planId });
	});
}
