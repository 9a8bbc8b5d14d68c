import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { parseInput } from '../shared/parse-input';
import { loadDraftPlan } from './plan-edit';
import { planLabels } from './plan-input';

export const adoptPlanInput = z.object({
	adoptedBy: z.string().trim().min(1).max(200),
	adoptedOn: z.iso.date(),
	registryNumber: z.string().trim().max(100).default('')
});

/** Adopts (fastställer) a draft plan; from then on it is read-only, a public document. */
export async function adoptPlan(db: Db, ctx: Ctx, planId: string, input: unknown): Promise<void> {
	const data = parseInput(adoptPlanInput, input, planLabels);
	await db.transaction(async (tx) => {
		const plan = await loadDraftPlan(tx, ctx, planId);
		const adoption = { state: 'adopted' as const, ...data, registryNumber: data.registryNumber || null };
		await tx
			.update(plans)
			.set({ ...adoption, version: sql`${plans.version} + 1`, updatedAt: new Date() })
			.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)));
		await recordAudit(tx, ctx, {
			action: 'plan.adopt',
			entityType: 'plan',
			entityId: planId,
			planId,
			before: { state: plan.state },
			after: adoption
		});
	});
}
