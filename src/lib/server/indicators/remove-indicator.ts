import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { indicators } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadDraftPlan, touchPlan } from '../plans/plan-edit';
import type { Ctx } from '../shared/context';
import { findIndicatorInPlan } from './indicator-repository';

export async function removeIndicator(db: Db, ctx: Ctx, planId: string, indicatorId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		const before = await findIndicatorInPlan(tx, ctx.tenantId, planId, indicatorId);
		await tx.delete(indicators).where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.id, indicatorId)));
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'indicator.delete', entityType: 'indicator', entityId: indicatorId, planId, before });
	});
}
