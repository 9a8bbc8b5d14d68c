import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { koladaValues } from '../db/schema';
import { findTenant } from '../organisation/organisation-repository';
import { findKpi, findPlaces } from './kolada-repository';
import { RIKET } from './kolada-source';

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
export async function loadComparison(db: Db, tenantId: string, kpiId: string, unit: { koladaOuId: string | null; confirmed: boolean; name: string } | null): Promise<Comparison | undefined> {
	const [tenant, kpi] = await Promise.all([findTenant(db, tenantId), findKpi(db, kpiId.toUpperCase())]);
	if (!tenant || !kpi) return undefined;
	const group = tenant.comparisonGroupId ? (await findPlaces(db, [tenant.comparisonGroupId]))[0] : undefined;
	const ownUnit = unit?.confirmed && unit.koladaOuId && kpi.hasOuData ? unit.koladaOuId : null;
	const own = ownUnit ?? tenant.municipalityCode;
	if (!own) return undefined;
	const places = [...new Set([own, tenant.municipalityCode, RIKET, ...(group?.members ?? [])].filter((id): id is string => Boolean(id)))];
	const rows = await db.select().from(koladaValues).where(and(eq(koladaValues.kpi, kpi.id), inArray(koladaValues.placeId, places)));
	if (!rows.some((row) => row.placeId === own)) return undefined;
	const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
	const valueOf = (placeId: string, gender = 'T') => new Map(years.map((year) => {
		const row = rows.find((candidate) => candidate.placeId === placeId && candidate.year === year && candidate.gender === gender);
		return [year, row?.value === null || row?.value === undefined ? null : Number(row.value)];
	}));
	const names = new Map((await findPlaces(db, places)).map((place) => [place.id, place.title]));
	const series: ComparisonSeries[] = [{ role: 'own', name: ownUnit ? unit!.name : (names.get(own) ?? tenant.name), values: valueOf(own) }];
	if (ownUnit && tenant.municipalityCode) series.push({ role: 'municipality', name: names.get(tenant.municipalityCode) ?? tenant.municipalityCode, values: valueOf(tenant.municipalityCode) });
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
	return {
		kpi: { id: kpi.id, title: kpi.title, hasOuData: kpi.hasOuData },
		place: own,
		years,
		series,
		byGender,
		status: new Map(ownRows.map((row) => [row.year, row.status])),
		fetchedAt: ownRows.reduce<Date | null>((latest, row) => (!latest || row.fetchedAt > latest ? row.fetchedAt : latest), null)
	};
}
