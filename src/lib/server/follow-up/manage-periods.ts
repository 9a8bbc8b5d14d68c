import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { periods } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findPlan } from '../plans/plan-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findPeriod } from './period-repository';

const periodInput = z.object({
	name: z.string().trim().min(1).max(120),
	asOf: z.iso.date(),
	dueOn: z.iso.date()
});

const labels = {
	name: { sv: 'Namn', en: 'Name' },
	asOf: { sv: 'Per datum', en: 'As of' },
	dueOn: { sv: 'Rapportera senast', en: 'Due' }
};

/** Opens a reporting period ("Delår 2 per 31 augusti") for a plan. */
export async function addPeriod(db: Db, ctx: Ctx, planId: string, input: unknown): Promise<string> {
	const data = parseInput(periodInput, input, labels);
	return db.transaction(async (tx) => {
		if (!(await findPlan(tx, ctx.tenantId, planId))) throw notFound();
		const [period] = await tx.insert(periods).values({ tenantId: ctx.tenantId, planId, ...data }).returning();
		await recordAudit(tx, ctx, { action: 'period.create', entityType: 'period', entityId: period.id, planId, after: data });
		return period.id;
	});
}

/** Closes a period when the report goes to the board (read-only from then on), or reopens it. Both are logged. */
export async function setPeriodClosed(db: Db, ctx: Ctx, planId: string, periodId: string, closed: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		const period = await findPeriod(tx, ctx.tenantId, planId, periodId);
		if (!period) throw notFound();
		if ((period.closedAt !== null) === closed) throw new DomainError(closed ? 'error_period_closed' : 'error_period_open', {}, { status: 409 });
		// A reopened period's report can change: it leaves the public page until published again.
		await tx
			.update(periods)
			.set(closed ? { closedAt: new Date() } : { closedAt: null, publishedAt: null })
			.where(and(eq(periods.tenantId, ctx.tenantId), eq(periods.id, periodId)));
		await recordAudit(tx, ctx, { action: closed ? 'period.close' : 'period.reopen', entityType: 'period', entityId: periodId, planId, before: { closed: !closed }, after: { closed } });
	});
}
