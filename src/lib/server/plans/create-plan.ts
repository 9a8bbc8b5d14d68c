import { z } from 'zod';
import type { Db } from '../db/client';
import { plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import { findUnit } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { planDetailsInput, planLabels } from './plan-input';
import type { Plan } from './plan-repository';

const createPlanInput = planDetailsInput.extend({ frameworkId: z.uuid() });

export async function createPlan(db: Db, ctx: Ctx, input: unknown): Promise<Plan> {
	const data = parseInput(createPlanInput, input, planLabels);
	return db.transaction(async (tx) => {
		if (!(await findUnit(tx, ctx.tenantId, data.ownerUnitId))) {
			throw new DomainError('error_not_found', {}, { field: 'ownerUnitId', status: 404 });
		}
		const framework = await loadFramework(tx, ctx.tenantId, data.frameworkId);
		if (!framework) throw new DomainError('error_not_found', {}, { field: 'frameworkId', status: 404 });
		if (!framework.levels.some((level) => level.isRoot)) {
			throw new DomainError('error_framework_has_no_root', {}, { field: 'frameworkId' });
		}
		const [plan] = await tx.insert(plans).values({ tenantId: ctx.tenantId, ...data }).returning();
		await recordAudit(tx, ctx, { action: 'plan.create', entityType: 'plan', entityId: plan.id, planId: plan.id, after: plan });
		return plan;
	});
}
