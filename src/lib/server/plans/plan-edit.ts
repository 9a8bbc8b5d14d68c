import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { plans } from '../db/schema';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { findPlan, type Plan } from './plan-repository';

/** Loads a plan for a change; an adopted or archived plan is read-only. */
export async function loadDraftPlan(tx: Db, ctx: Ctx, planId: string): Promise<Plan> {
	const plan = await findPlan(tx, ctx.tenantId, planId);
	if (!plan) throw notFound();
	if (plan.state !== 'draft') throw new DomainError('error_plan_not_editable', {}, { status: 409 });
	return plan;
}

/** Marks the plan changed: its version is what a later stale edit is compared with. */
export async function touchPlan(tx: Db, ctx: Ctx, planId: string): Promise<void> {
	await tx
		.update(plans)
		.set({ version: sql`${plans.version} + 1`, updatedAt: new Date() })
		.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
}
