import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { koladaValues, measurements, plans, units } from '../db/schema';
import { findKpi } from './kolada-repository';
import { measuredAt } from './measured-at';
import { recordAudit } from '../audit/record-audit';
import { findIndicatorInPlan } from '../indicators/indicator-repository';
import { findPeriod } from '../follow-up/period-repository';
import { parseMeasuredValue } from '../follow-up/record-measurement';
import { findTenant } from '../organisation/organisation-repository';
import { DomainError, notFound } from '../shared/domain-error';
import type { MeasurementTarget } from '../follow-up/record-measurement';
import type { Ctx } from '../shared/context';

/**
 * A person chooses Kolada's value over their own for a period (the sync never makes that choice):
 * the period's outcome becomes the fetched figure for its year, marked as Kolada's, at the place the
 * indicator is measured (measured-at.ts: the plan's school unit, or the organisation's municipality).
 */
export async function takeKoladaValue(db: Db, ctx: Ctx, target: MeasurementTarget): Promise<void> {
	const { planId, nodeId, indicatorId, periodId } = target;
	await db.transaction(async (tx) => {
		const period = await findPeriod(tx, ctx.tenantId, planId, periodId);
		if (!period) throw notFound();
		if (period.closedAt) throw new DomainError('error_period_closed', {}, { status: 409 });
		const indicator = await findIndicatorInPlan(tx, ctx.tenantId, planId, indicatorId);
		if (indicator.nodeId !== nodeId || !indicator.koladaKpi) throw notFound();
		const [tenant, owner, kpi] = await Promise.all([
			findTenant(tx, ctx.tenantId),
			tx
				.select({ koladaOuId: units.koladaOuId, koladaOuConfirmed: units.koladaOuConfirmed })
				.from(plans)
				.innerJoin(units, and(eq(units.tenantId, plans.tenantId), eq(units.id, plans.ownerUnitId)))
				.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.id, planId)))
				.then((rows) => rows[0]),
			findKpi(tx, indicator.koladaKpi.toUpperCase())
		]);
		const where = measuredAt(owner ?? null, kpi?.hasOuData ?? false, tenant?.municipalityCode ?? null).place;
		if (!where) throw new DomainError('error_kolada_no_municipality');
		const year = Number(period.asOf.slice(0, 4));
		const [figure] = await tx
			.select()
			.from(koladaValues)
			.where(and(eq(koladaValues.kpi, indicator.koladaKpi.toUpperCase()), eq(koladaValues.placeId, where), eq(koladaValues.year, year), eq(koladaValues.gender, 'T')));
		const value = figure?.value === null || figure?.value === undefined ? null : parseMeasuredValue(indicator.kind, Number(figure.value));
		if (value === null) throw new DomainError('error_kolada_no_value', { year }, { status: 409 });
		const key = and(eq(measurements.tenantId, ctx.tenantId), eq(measurements.indicatorId, indicatorId), eq(measurements.periodId, periodId));
		const [existing] = await tx.select().from(measurements).where(key);
		const after = { periodId, value: String(value), source: 'kolada', sourceStatus: figure!.status, kpi: indicator.koladaKpi };
		const written = { value: String(value), source: 'kolada' as const, sourceStatus: figure!.status, fetchedAt: figure!.fetchedAt, updatedBy: ctx.actor.id };
		if (existing) await tx.update(measurements).set({ ...written, version: sql`${measurements.version} + 1`, updatedAt: new Date() }).where(key);
		else await tx.insert(measurements).values({ tenantId: ctx.tenantId, indicatorId, periodId, ...written });
		await recordAudit(tx, ctx, { action: 'measurement.kolada', entityType: 'indicator', entityId: indicatorId, planId, before: existing, after });
	});
}
