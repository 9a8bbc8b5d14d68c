import { and, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { koladaKpis, koladaValues } from '../db/schema';
import { findTenant } from '../organisation/organisation-repository';
import { findPlaces } from './kolada-repository';
import { RIKET } from './kolada-source';
import { measuredAt, type KoladaMatchedUnit } from './measured-at';

export interface ComparisonSeries {
	/** 'own' (the organisation, or the school unit for a school's plan), 'municipality' (a unit's municipality), 'country', 'group' (the comparison group's mean). */
	role: 'own' | 'municipality' | 'country' | 'group';
	name: string;
	/** Year → value (null where Kolada has none); the group's is the mean of its members' values that year. */
	values: Map<number, number | null>;
}

export interface Comparison {
	kpi: { id: string; title: string; hasOuData: boolean };
	/** Where the indicator is measured: the school unit's Kolada id, or the municipality's code. */
	place: string;
	years: number[];
	series: ComparisonSeries[];
	/** The organisation's own figures by gender, where Kolada divides them (K women/girls, M men/boys). */
	byGender: { gender: 'K' | 'M'; values: Map<number, number | null> }[];
	/** Kolada's status of the own figure per year ("" final; anything else is shown). */
	status: Map<number, string>;
	fetchedAt: Date | null;
}

/**
 * An indicator's key figure as Kolada has it: the organisation (or its school unit) against the
 * country and the comparison group, over the years in the cache (filled by the sync). Undefined
 * when nothing has been fetched yet.
 */
export async function loadComparison(db: Db, tenantId: string, kpiId: string, unit: KoladaMatchedUnit | null): Promise<Comparison | undefined> {
	return (await loadComparisons(db, tenantId, [kpiId], unit)).get(kpiId.toUpperCase());
}


/**
 * Several key figures' comparisons at once (a report's indicators), from the cache only, in a few
 * reads whatever their number; keyed by the key figure's id in upper case, the ones without figures
 * left out.
 */
export async function loadComparisons(db: Db, tenantId: string, kpiIds: string[], unit: KoladaMatchedUnit | null): Promise<Map<string, Comparison>> {
	const out = new Map<string, Comparison>();
	const ids = [...new Set(kpiIds.map((id) => id.toUpperCase()))];
	if (!ids.length) return out;
	const [tenant, kpis] = await Promise.all([findTenant(db, tenantId), db.select().from(koladaKpis).where(inArray(koladaKpis.id, ids))]);
	if (!tenant || !kpis.length) return out;
	const group = tenant.comparisonGroupId ? (await findPlaces(db, [tenant.comparisonGroupId]))[0] : undefined;
	// The unit's figures are read too when it has a confirmed Kolada unit (key figures published per unit use them).
	const unitOu = measuredAt(unit, true, null).place;
	const places = [...new Set([unitOu, tenant.municipalityCode, RIKET, ...(group?.members ?? [])].filter((id): id is string => Boolean(id)))];
	const [allRows, placeRows] = await Promise.all([
		db.select().from(koladaValues).where(and(inArray(koladaValues.kpi, kpis.map((kpi) => kpi.id)), inArray(koladaValues.placeId, places))),
		findPlaces(db, places)
	]);
	const names = new Map(placeRows.map((place) => [place.id, place.title]));
	for (const kpi of kpis) {
		const { place: own, atUnit } = measuredAt(unit, kpi.hasOuData, tenant.municipalityCode);
		if (!own) continue;
		const rows = allRows.filter((row) => row.kpi === kpi.id);
		if (!rows.some((row) => row.placeId === own)) continue;
		const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
		const valueOf = (placeId: string, gender = 'T') => new Map(years.map((year) => {
			const row = rows.find((candidate) => candidate.placeId === placeId && candidate.year === year && candidate.gender === gender);
			return [year, row?.value === null || row?.value === undefined ? null : Number(row.value)];
		}));
		const series: ComparisonSeries[] = [{ role: 'own', name: atUnit ? unit!.name : (names.get(own) ?? tenant.name), values: valueOf(own) }];
		if (atUnit && tenant.municipalityCode) series.push({ role: 'municipality', name: names.get(tenant.municipalityCode) ?? tenant.municipalityCode, values: valueOf(tenant.municipalityCode) });
		series.push({ role: 'country', name: names.get(RIKET) ?? 'Riket', values: valueOf(RIKET) });
		if (group?.members.length) {
			const members = group.members.map((member) => valueOf(member));
			series.push({
				role: 'group',
				name: group.title,
				values: new Map(years.map((year) => {
					const known = members.map((values) => values.get(year)).filter((value): value is number => value !== null && value !== undefined);
					return [year, known.length ? Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 10) / 10 : null];
				}))
			});
		}
		const byGender = kpi.dividedByGender ? (['K', 'M'] as const).map((gender) => ({ gender, values: valueOf(own, gender) })) : [];
		const ownRows = rows.filter((row) => row.placeId === own && row.gender === 'T');
		out.set(kpi.id, {
			kpi: { id: kpi.id, title: kpi.title, hasOuData: kpi.hasOuData },
			place: own,
			years,
			series,
			byGender,
			status: new Map(ownRows.map((row) => [row.year, row.status])),
			fetchedAt: ownRows.reduce<Date | null>((latest, row) => (!latest || row.fetchedAt > latest ? row.fetchedAt : latest), null)
		});
	}
	return out;
}
