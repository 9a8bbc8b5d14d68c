/**
 * What Styrkedjan needs of Kolada, as plain records: the catalogue, the places (municipalities,
 * groups, organisational units) and the figures. `kolada-client.ts` answers it over HTTP (KOLADA_URL);
 * the sync and the catalogue depend only on this shape.
 */
import type { KoladaKpi, KoladaMunicipality, KoladaMunicipalityGroup, KoladaUnit } from '../indicators/kolada-client';

export type { KoladaKpi, KoladaMunicipality, KoladaUnit };
export type KoladaGroup = KoladaMunicipalityGroup;

/** One figure: a key figure for a place (municipality or unit) and year, per gender. */
export interface KoladaFigure {
	kpi: string;
	placeId: string;
	year: number;
	gender: string;
	value: number | null;
	status: string;
}

export interface KoladaSource {
	fetchKpiCatalogue(): Promise<KoladaKpi[]>;
	fetchMunicipalities(): Promise<KoladaMunicipality[]>;
	fetchMunicipalityGroups(): Promise<KoladaGroup[]>;
	fetchUnits(municipalityCode: string): Promise<KoladaUnit[]>;
	fetchMunicipalityValues(kpi: string, municipalityCodes: string[], years: number[]): Promise<KoladaFigure[]>;
	fetchUnitValues(kpi: string, unitIds: string[], years: number[]): Promise<KoladaFigure[]>;
}

/** Kolada's id of the whole country. */
export const RIKET = '0000';
