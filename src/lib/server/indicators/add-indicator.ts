import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { indicators } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadDraftPlan, touchPlan } from '../plans/plan-edit';
import { findNode } from '../plans/plan-repository';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { checkIndicator, indicatorInput, indicatorLabels } from './indicator-input';
import { checkKpiId } from '../kolada/kolada-repository';

export async function addIndicator(db: Db, ctx: Ctx, planId: string, nodeId: string, input: unknown): Promise<string> {
	const data = checkIndicator(parseInput(indicatorInput, input, indicatorLabels));
	return db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		if (!(await findNode(tx, ctx.tenantId, planId, nodeId))) throw notFound();
		data.koladaKpi = await checkKpiId(tx, data.koladaKpi);
		const [{ last }] = await tx
			.select({ last: max(indicators.position) })
			.from(indicators)
			.where(and(eq(indicators.tenantId, ctx.tenantId), eq(indicators.nodeId, nodeId)));
		const [indicator] = await tx
			.insert(indicators)
			.values({ tenantId: ctx.tenantId, nodeId, position: (last ?? -1) + 1, ...data })
			.returning();
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'indicator.create', entityType: 'indicator', entityId: indicator.id, planId, after: indicator });
		return indicator.id;
	});
}
