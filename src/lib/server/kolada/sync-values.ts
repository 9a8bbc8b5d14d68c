import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { koladaSyncs, measurements } from '../db/schema';
import { recordAudits, type AuditEntry } from '../audit/record-audit';
import { parseMeasuredValue } from '../follow-up/record-measurement';
import { findTenant } from '../organisation/organisation-repository';
import { findPlaces } from './kolada-repository';
import { measuredAt } from './measured-at';
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
	/** The plan's owner unit's Kolada unit id, and whether it is confirmed: a school's plan is measured at its school. */
	unitOuId: string | null;
	unitOuConfirmed: boolean;
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
				u.kolada_ou_id as "unitOuId", u.kolada_ou_confirmed as "unitOuConfirmed", k.has_ou_data as "hasOuData",
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
 * indicator page shows Kolada's beside it to choose). Kolada is asked once per key figure for every
 * place that needs it, and that key figure's indicators are written in one transaction. A failure
 * (Kolada down, a malformed answer) is recorded for the indicators it touches and the rest go on.
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
	const municipalities = [...new Set([tenant.municipalityCode, RIKET, ...(group?.members ?? [])].filter((code): code is string => Boolean(code)))];
	const targets = await listTargets(db, ctx.tenantId);
	const outcomes: IndicatorOutcome[] = [];
	const byKpi = new Map<string, { target: Target; outcome: IndicatorOutcome }[]>();
	for (const target of targets) {
		const place = measuredAt({ koladaOuId: target.unitOuId, koladaOuConfirmed: target.unitOuConfirmed }, target.hasOuData, tenant.municipalityCode).place ?? '';
		const outcome: IndicatorOutcome = { indicatorId: target.indicatorId, name: target.name, kpi: target.kpi, place, filled: 0, updated: 0, kept: 0, missing: 0, error: null };
		outcomes.push(outcome);
		if (!place) outcome.error = { code: 'error_kolada_no_municipality', params: {} };
		else if (byKpi.has(target.kpi)) byKpi.get(target.kpi)!.push({ target, outcome });
		else byKpi.set(target.kpi, [{ target, outcome }]);
	}
	// Kolada is asked once per key figure for all the places that need it (every unit's and the municipalities'
	// figures over the years wanted), the next key figure's answer on its way while this one's is written.
	const groups = [...byKpi];
	const fetchGroup = async ([kpi, members]: (typeof groups)[number]) => {
		try {
			const years = [...new Set(members.flatMap(({ target }) => yearsOf(target, thisYear)))].sort((a, b) => a - b);
			const units = [...new Set(members.filter(({ target, outcome }) => outcome.place === target.unitOuId).map(({ outcome }) => outcome.place))];
			const [unitFigures, municipalityFigures] = await Promise.all([units.length ? source.fetchUnitValues(kpi, units, years) : [], source.fetchMunicipalityValues(kpi, municipalities, years)]);
			return { figures: [...unitFigures, ...municipalityFigures] };
		} catch (thrown) {
			return { thrown };
		}
	};
	let next = groups.length ? fetchGroup(groups[0]) : undefined;
	for (let index = 0; index < groups.length; index++) {
		const answer = await next!;
		next = index + 1 < groups.length ? fetchGroup(groups[index + 1]) : undefined;
		const members = groups[index][1];
		if ('thrown' in answer) {
			if (!isDomainError(answer.thrown)) {
				await next; // settled (it catches), so nothing is left under way
				throw answer.thrown;
			}
			const error = { code: answer.thrown.code, params: answer.thrown.params };
			for (const { outcome } of members) outcome.error = error;
			continue;
		}
		// Kolada's figures as published: public, the same for every organisation, cached apart from its values.
		await db.transaction((tx) => storeFigures(tx, answer.figures));
		const byPlace = Map.groupBy(
			answer.figures.filter((figure) => figure.gender === 'T'),
			(figure) => figure.placeId
		);
		await fillIndicators(
			db,
			ctx,
			members.map(({ target, outcome }) => ({ target, outcome, own: new Map((byPlace.get(outcome.place) ?? []).map((figure) => [figure.year, figure])) }))
		);
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

/**
 * Kolada's figures, as published, into the shared cache (the latest answer wins). The rows go as one
 * JSON parameter read by `json_to_recordset`: for a key figure's thousands of rows far cheaper than
 * a statement with six parameters a row.
 */
async function storeFigures(tx: Db, figures: KoladaFigure[]): Promise<void> {
	for (let i = 0; i < figures.length; i += 5000) {
		const rows = figures.slice(i, i + 5000).map((figure) => ({ kpi: figure.kpi, place_id: figure.placeId, year: figure.year, gender: figure.gender, value: figure.value, status: figure.status }));
		if (rows.length)
			await tx.execute(sql`
				insert into kolada_values (kpi, place_id, year, gender, value, status)
				select kpi, place_id, year, gender, value, status
				from json_to_recordset(${JSON.stringify(rows)}::json) as row(kpi text, place_id text, year int, gender text, value numeric, status text)
				on conflict (kpi, place_id, year, gender) do update set value = excluded.value, status = excluded.status, fetched_at = now()`);
	}
}

/** The years an indicator's comparison reaches: COMPARISON_YEARS up to this year or its last period's, whichever is later. */
function yearsOf(target: Target, thisYear: number): number[] {
	const lastYear = Math.max(thisYear, ...target.periods.map((period) => period.year));
	return Array.from({ length: COMPARISON_YEARS }, (_, index) => lastYear - COMPARISON_YEARS + 1 + index);
}

/**
 * The open periods of a key figure's indicators from Kolada's figures for each one's place, in one
 * transaction (an indicator is never half-written): filled where empty, updated where Kolada's own
 * value changed, kept where a person's stands. A few statements for all of them (the rows read at
 * once, new ones inserted at once), an audit record for each period filled or updated.
 */
async function fillIndicators(db: Db, ctx: Ctx, members: { target: Target; outcome: IndicatorOutcome; own: Map<number, KoladaFigure> }[]): Promise<void> {
	const wanted: { target: Target; outcome: IndicatorOutcome; periodId: string; value: number; status: string }[] = [];
	for (const { target, outcome, own } of members) {
		for (const period of target.periods) {
			if (period.closed) continue;
			const figure = own.get(period.year);
			const value = figure?.value === null || figure?.value === undefined ? null : parseMeasuredValue(target.kind, figure.value);
			if (value === null) outcome.missing++;
			else wanted.push({ target, outcome, periodId: period.id, value, status: figure!.status });
		}
	}
	if (!wanted.length) return;
	const indicatorIds = [...new Set(wanted.map(({ target }) => target.indicatorId))];
	await db.transaction(async (tx) => {
		const ofIndicators = and(eq(measurements.tenantId, ctx.tenantId), inArray(measurements.indicatorId, indicatorIds));
		const existing = new Map((await tx.select().from(measurements).where(ofIndicators)).map((row) => [`${row.indicatorId}|${row.periodId}`, row]));
		const now = new Date();
		const inserts: { indicator_id: string; period_id: string; value: number; source_status: string }[] = [];
		const unchanged: string[] = [];
		const audits: AuditEntry[] = [];
		for (const { target, outcome, periodId, value, status } of wanted) {
			const before = existing.get(`${target.indicatorId}|${periodId}`);
			const after = { periodId, value: String(value), source: 'kolada' as const, sourceStatus: status, kpi: target.kpi };
			if (!before) {
				inserts.push({ indicator_id: target.indicatorId, period_id: periodId, value, source_status: status });
				outcome.filled++;
			} else if (before.source === 'manual') {
				if (Number(before.value) !== value) outcome.kept++;
				continue;
			} else if (Number(before.value) !== value || before.sourceStatus !== status) {
				await tx
					.update(measurements)
					.set({ value: String(value), sourceStatus: status, fetchedAt: now, version: sql`${measurements.version} + 1`, updatedBy: ctx.actor.id, updatedAt: now })
					.where(and(eq(measurements.tenantId, ctx.tenantId), eq(measurements.id, before.id)));
				outcome.updated++;
			} else {
				unchanged.push(before.id);
				continue;
			}
			audits.push({ action: 'measurement.kolada', entityType: 'indicator', entityId: target.indicatorId, planId: target.planId, before, after });
		}
		// New outcomes as one JSON parameter (see storeFigures): a key figure's indicators bring hundreds at once.
		for (let i = 0; i < inserts.length; i += 5000)
			await tx.execute(sql`
				insert into measurements (tenant_id, indicator_id, period_id, value, source, source_status, fetched_at, updated_by)
				select ${ctx.tenantId}::uuid, indicator_id, period_id, value, 'kolada', source_status, ${now.toISOString()}::timestamptz, ${ctx.actor.id}
				from json_to_recordset(${JSON.stringify(inserts.slice(i, i + 5000))}::json) as row(indicator_id uuid, period_id uuid, value numeric, source_status text)`);
		for (let i = 0; i < unchanged.length; i += 1000)
			await tx
				.update(measurements)
				.set({ fetchedAt: now })
				.where(and(eq(measurements.tenantId, ctx.tenantId), inArray(measurements.id, unchanged.slice(i, i + 1000))));
		await recordAudits(tx, ctx, audits);
	});
}
