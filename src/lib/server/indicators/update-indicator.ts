import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { indicators } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadDraftPlan, touchPlan } from '../plans/plan-edit';
import type { Ctx } from '../shared/context';
import { checkKpiId } from '../kolada/kolada-repository';
import { parseInput } from '../shared/parse-input';
import { checkIndicator, indicatorInput, indicatorLabels } from './indicator-input';
import { findIndicatorInPlan } from './indicator-repository';

export async function updateIndicator(db: Db, ctx: Ctx, planId: string, indicatorId: string, input: unknown): Promise<void> {
	const data = checkIndicator(parseInput(indicatorInput, input, indicatorLabels));
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		const before = await findIndicatorInPlan(tx, ctx.tenantId, planId, indicatorId);
		data.koladaKpi = await checkKpiId(tx, data.koladaKpi);
		await tx.update(indicators).set(data).where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.id, indicatorId)));
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'indicator.update', entityType: 'indicator', entityId: indicatorId, planId, before, after: data });
	});
}
