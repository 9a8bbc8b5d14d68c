import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { periods, plans } from '../db/schema';
import { recordAudits } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { findPeriod } from './period-repository';

/**
 * Opens an organiser's period in every unit plan of its steering chain at once: the same name and
 * dates, linked to it (`periods.parent_period_id`), so the units report in it and the organiser's
 * roll-up finds their reports. A unit plan that has it already is left as it is; one transaction.
 */
export async function openChainPeriod(db: Db, ctx: Ctx, planId: string, periodId: string): Promise<{ opened: number }> {
	return db.transaction(async (tx) => {
		const period = await findPeriod(tx, ctx.tenantId, planId, periodId);
		if (!period) throw notFound();
		const unitPlans = await tx
			.select({ id: plans.id })
			.from(plans)
			.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.parentPlanId, planId), ne(plans.state, 'archived')));
		if (!unitPlans.length) return { opened: 0 };
		const having = await tx
			.select({ planId: periods.planId })
			.from(periods)
			.where(and(eq(periods.tenantId, ctx.tenantId), eq(periods.parentPeriodId, periodId), inArray(periods.planId, unitPlans.map((row) => row.id))));
		const has = new Set(having.map((row) => row.planId));
		const missing = unitPlans.filter((row) => !has.has(row.id));
		if (!missing.length) return { opened: 0 };
		const opened = await tx
			.insert(periods)
			.values(missing.map((row) => ({ tenantId: ctx.tenantId, planId: row.id, name: period.name, asOf: period.asOf, dueOn: period.dueOn, parentPeriodId: period.id })))
			.returning();
		await recordAudits(
			tx,
			ctx,
			opened.map((row) => ({ action: 'period.create', entityType: 'period', entityId: row.id, planId: row.planId, after: { name: row.name, asOf: row.asOf, dueOn: row.dueOn, parentPeriodId: period.id } }))
		);
		return { opened: opened.length };
	});
}
