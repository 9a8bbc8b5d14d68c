import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { measurements } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findIndicatorInPlan } from '../indicators/indicator-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findPeriod } from './period-repository';

const measurementInput = z.object({
	value: z.union([z.string(), z.number()]),
	comment: z.string().max(5_000).default(''),
	version: z.coerce.number().int().optional()
});

/** Reads a value as the indicator's kind wants it: ja/nej for yes/no, 0–100 for a percentage. */
export function parseMeasuredValue(kind: string, raw: string | number): number | null {
	if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
	const text = raw.trim().toLowerCase().replace(/\s/g, '').replace(',', '.').replace(/%$/, '');
	if (kind === 'yes_no') return ['ja', 'yes', '1', 'true'].includes(text) ? 1 : ['nej', 'no', '0', 'false'].includes(text) ? 0 : null;
	if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
	const value = Number(text);
	return kind === 'percent' && (value < 0 || value > 100) ? null : value;
}

/**
 * Where an outcome goes: the item being reported names the indicator's item too. Whoever may report
 * that item may record its indicators' outcomes, and no other item's (the policy check is on the item).
 */
export interface MeasurementTarget {
	planId: string;
	nodeId: string;
	indicatorId: string;
	periodId: string;
}

/** Records an indicator's outcome for a period (an empty value removes it: "no value yet", never a zero). */
export async function recordMeasurement(db: Db, ctx: Ctx, target: MeasurementTarget, input: unknown): Promise<void> {
	const { planId, nodeId, indicatorId, periodId } = target;
	const data = parseInput(measurementInput, input, { value: { sv: 'Utfall', en: 'Outcome' }, comment: { sv: 'Kommentar', en: 'Comment' } });
	await db.transaction(async (tx) => {
		const period = await findPeriod(tx, ctx.tenantId, planId, periodId);
		if (!period) throw notFound();
		if (period.closedAt) throw new DomainError('error_period_closed', {}, { status: 409 });
		const indicator = await findIndicatorInPlan(tx, ctx.tenantId, planId, indicatorId);
		if (indicator.nodeId !== nodeId) throw new DomainError('error_indicator_not_on_item', { indicator: indicator.name }, { field: `value-${indicatorId}` });
		const key = and(eq(measurements.tenantId, ctx.tenantId), eq(measurements.indicatorId, indicatorId), eq(measurements.periodId, periodId));
		const [existing] = await tx.select().from(measurements).where(key);
		if (existing && data.version !== undefined && data.version !== existing.version) throw new DomainError('error_stale_edit', {}, { status: 409 });
		if (String(data.value).trim() === '') {
			if (existing) {
				await tx.delete(measurements).where(key);
				await recordAudit(tx, ctx, { action: 'measurement.delete', entityType: 'indicator', entityId: indicatorId, planId, before: existing });
			}
			return;
		}
		const value = parseMeasuredValue(indicator.kind, data.value);
		if (value === null) {
			throw new DomainError('error_measurement_invalid', { indicator: indicator.name, kind: indicator.kind }, { field: `value-${indicatorId}` });
		}
		const after = { periodId, value: String(value), comment: data.comment.trim() };
		if (existing) {
			// A person's value, whatever was there before: Kolada's later syncs keep it (see kolada/sync-values.ts).
			await tx
				.update(measurements)
				.set({ ...after, source: 'manual', sourceStatus: null, fetchedAt: null, version: sql`${measurements.version} + 1`, updatedBy: ctx.actor.id, updatedAt: new Date() })
				.where(key);
		} else {
			await tx.insert(measurements).values({ tenantId: ctx.tenantId, indicatorId, ...after, updatedBy: ctx.actor.id });
		}
		await recordAudit(tx, ctx, { action: 'measurement.save', entityType: 'indicator', entityId: indicatorId, planId, before: existing, after });
	});
}
