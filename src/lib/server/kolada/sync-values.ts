import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { koladaSyncs, koladaValues, measurements } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseMeasuredValue } from '../follow-up/record-measurement';
import { findTenant } from '../organisation/organisation-repository';
import { findPlaces } from './kolada-repository';
import { RIKET, type KoladaFigure, type KoladaSource } from './kolada-source';
import { DomainError, isDomainError } from '../shared/domain-error';
import type { Ctx } from '../shared/context';

/** How many years back the comparison reaches (Kolada's series for the organisation, the country and the group). */
export const COMPARISON_YEARS = 10;

interface Target {
	indicatorId: string;
	name: string;
	kind: string;
	kpi: string;
	planId: string;
	/** The plan's owner unit's Kolada unit id, when confirmed: a school's plan is measured at its school. */
	unitOuId: string | null;
	hasOuData: boolean | null;
	periods: { id: string; year: number; closed: boolean }[];
}

/** What became of one indicator in a sync. */
export interface IndicatorOutcome {
	indicatorId: string;
	name: string;
	kpi: string;
	place: string;
	filled: number;
	updated: number;
	/** Periods where a person's own value stands and Kolada has another: kept, for the person to choose. */
	kept: number;
	/** Periods whose year Kolada has no value for (not yet published, or missing). */
	missing: number;
	/** Why the indicator could not be filled: a message key and its values, shown in the reader's language. */
	error: { code: string; params: Record<string, unknown> } | null;
}

export interface SyncSummary {
	syncId: string;
	filled: number;
	updated: number;
	kept: number;
	failed: number;
	indicators: IndicatorOutcome[];
}

/** The organisation's indicators linked to Kolada key figures, with the open plans' periods and where each is measured. */
async function listTargets(db: Db, tenantId: string): Promise<Target[]> {
	return rowsOf<Target>(
		await db.execute(sql`
			select i.id as "indicatorId", i.name, i.kind, upper(i.kolada_kpi) as kpi, p.id as "planId",
				case when u.kolada_ou_confirmed then u.kolada_ou_id end as "unitOuId", k.has_ou_data as "hasOuData",
				coalesce((select json_agg(json_build_object('id', pe.id, 'year', extract(year from pe.as_of)::int, 'closed', pe.closed_at is not null) order by pe.as_of)
					from periods pe where pe.tenant_id = p.tenant_id and pe.plan_id = p.id), '[]'::json) as periods
			from indicators i
			join nodes n on n.tenant_id = i.tenant_id and n.id = i.node_id
			join plans p on p.tenant_id = n.tenant_id and p.id = n.plan_id
			join units u on u.tenant_id = p.tenant_id and u.id = p.owner_unit_id
			left join kolada_kpis k on k.id = upper(i.kolada_kpi)
			where i.tenant_id = ${tenantId} and coalesce(i.kolada_kpi, '') <> '' and p.state <> 'archived'
			order by p.id, i.id`)
	);
}

/**
 * Fills the organisation's indicators from Kolada: for every open period of a plan, the key figure's
 * value for the period's year (the year of its "as of" date) at the place the plan is about — the
 * school unit for a school's plan where Kolada publishes the figure per unit, else the organisation's
 * municipality. The country's and the comparison group's series come along for the comparison.
 *
 * Never silently over a person's value: a value someone typed stays, and is counted as kept (the
 * indicator page shows Kolada's beside it to choose). Each indicator in its own transaction; a
 * failure (Kolada down, a malformed answer) is recorded for that indicator and the rest go on.
 * Closed periods are left as they were reported. The run is logged in `kolada_syncs`.
 */
export async function syncValues(
	db: Db,
	ctx: Ctx,
	source: KoladaSource,
	trigger: 'manual' | 'cli' | 'scheduled',
	options: { thisYear?: number; scheduledFor?: string } = {}
): Promise<SyncSummary | null> {
	const thisYear = options.thisYear ?? new Date().getFullYear();
	const tenant = await findTenant(db, ctx.tenantId);
	if (!tenant) throw new DomainError('error_not_found', {}, { status: 404 });
	// A scheduled run claims its day first (a unique key): of several servers, one runs it; the others find it taken.
	const [started] = await db
		.insert(koladaSyncs)
		.values({ tenantId: ctx.tenantId, actor: ctx.actor.id, trigger, scheduledFor: options.scheduledFor ?? null })
		.onConflictDoNothing()
		.returning({ id: koladaSyncs.id });
	if (!started) return null;
	const group = tenant.comparisonGroupId ? (await findPlaces(db, [tenant.comparisonGroupId]))[0] : undefined;
	const outcomes: IndicatorOutcome[] = [];
	for (const target of await listTargets(db, ctx.tenantId)) {
		const useUnit = target.unitOuId !== null && target.hasOuData === true;
		const place = useUnit ? target.unitOuId! : (tenant.municipalityCode ?? '');
		const outcome: IndicatorOutcome = { indicatorId: target.indicatorId, name: target.name, kpi: target.kpi, place, filled: 0, updated: 0, kept: 0, missing: 0, error: null };
		outcomes.push(outcome);
		try {
			if (!place) throw new DomainError('error_kolada_no_municipality');
			const lastYear = Math.max(thisYear, ...target.periods.map((period) => period.year));
			const years = Array.from({ length: COMPARISON_YEARS }, (_, index) => lastYear - COMPARISON_YEARS + 1 + index);
			const municipalities = [...new Set([tenant.municipalityCode, RIKET, ...(group?.members ?? [])].filter((code): code is string => Boolean(code)))];
			const figures: KoladaFigure[] = [
				...(useUnit ? await source.fetchUnitValues(target.kpi, [place], years) : []),
				...(await source.fetchMunicipalityValues(target.kpi, municipalities, years))
			];
			await db.transaction(async (tx) => {
				await storeFigures(tx, figures);
				const own = new Map(figures.filter((figure) => figure.placeId === place && figure.gender === 'T').map((figure) => [figure.year, figure]));
				for (const period of target.periods) {
					if (period.closed) continue;
					const figure = own.get(period.year);
					const value = figure?.value === null || figure?.value === undefined ? null : parseMeasuredValue(target.kind, figure.value);
					if (value === null) {
						outcome.missing++;
						continue;
					}
					await fill(tx, ctx, target, period.id, value, figure!.status, outcome);
				}
			});
		} catch (thrown) {
			if (!isDomainError(thrown)) throw thrown;
			outcome.error = { code: thrown.code, params: thrown.params };
		}
	}
	const summary = {
		filled: outcomes.reduce((sum, outcome) => sum + outcome.filled, 0),
		updated: outcomes.reduce((sum, outcome) => sum + outcome.updated, 0),
		kept: outcomes.reduce((sum, outcome) => sum + outcome.kept, 0),
		failed: outcomes.filter((outcome) => outcome.error !== null).length
	};
	await db
		.update(koladaSyncs)
		.set({ finishedAt: new Date(), filled: summary.filled + summary.updated, kept: summary.kept, failed: summary.failed, details: outcomes })
		.where(and(eq(koladaSyncs.tenantId, ctx.tenantId), eq(koladaSyncs.id, started.id)));
	return { syncId: started.id, ...summary, indicators: outcomes };
}

/** Kolada's figures, as published, into the shared cache (the latest answer wins). */
async function storeFigures(tx: Db, figures: KoladaFigure[]): Promise<void> {
	for (let i = 0; i < figures.length; i += 1000) {
		const rows = figures.slice(i, i + 1000).map((figure) => ({
			kpi: figure.kpi,
			placeId: figure.placeId,
			year: figure.year,
			gender: figure.gender,
			value: figure.value === null ? null : String(figure.value),
			status: figure.status
		}));
		if (rows.length)
			await tx
				.insert(koladaValues)
				.values(rows)
				.onConflictDoUpdate({
					target: [koladaValues.kpi, koladaValues.placeId, koladaValues.year, koladaValues.gender],
					set: { value: sql`excluded.value`, status: sql`excluded.status`, fetchedAt: sql`now()` }
				});
	}
}

/** One period's outcome from Kolada: filled where empty, updated where Kolada's own value changed, kept where a person's stands. */
async function fill(tx: Db, ctx: Ctx, target: Target, periodId: string, value: number, status: string, outcome: IndicatorOutcome): Promise<void> {
	const key = and(eq(measurements.tenantId, ctx.tenantId), eq(measurements.indicatorId, target.indicatorId), eq(measurements.periodId, periodId));
	const [existing] = await tx.select().from(measurements).where(key);
	const after = { periodId, value: String(value), source: 'kolada' as const, sourceStatus: status, kpi: target.kpi };
	if (!existing) {
		await tx.insert(measurements).values({ tenantId: ctx.tenantId, indicatorId: target.indicatorId, periodId, value: String(value), source: 'kolada', sourceStatus: status, fetchedAt: new Date(), updatedBy: ctx.actor.id });
		outcome.filled++;
	} else if (existing.source === 'manual') {
		if (Number(existing.value) !== value) outcome.kept++;
		return;
	} else if (Number(existing.value) !== value || existing.sourceStatus !== status) {
		await tx
			.update(measurements)
			.set({ value: String(value), sourceStatus: status, fetchedAt: new Date(), version: sql`${measurements.version} + 1`, updatedBy: ctx.actor.id, updatedAt: new Date() })
			.where(key);
		outcome.updated++;
	} else {
		await tx.update(measurements).set({ fetchedAt: new Date() }).where(key);
		return;
	}
	await recordAudit(tx, ctx, { action: 'measurement.kolada', entityType: 'indicator', entityId: target.indicatorId, planId: target.planId, before: existing, after });
}
