import * as client from '../indicators/kolada-client';
import type { KoladaFigure, KoladaSource } from './kolada-source';

/** Kolada's values per place and year as figures, one per gender (also for the recorded source). */
export const figures = (rows: { kpi: string; year: number; values: client.KoladaValue[] }[], place: (row: never) => string): KoladaFigure[] =>
	rows.flatMap((row) =>
		row.values.map((value) => ({ kpi: row.kpi, placeId: place(row as never), year: row.year, gender: value.gender, value: value.value, status: value.status ?? '' }))
	);

/** Kolada over HTTP (`KOLADA_URL`, else Kolada's own address), through the bounded, validating client. */
export function koladaSource(options: client.KoladaOptions = {}): KoladaSource {
	return {
		fetchKpiCatalogue: () => client.fetchKpiCatalogue(options),
		fetchMunicipalities: () => client.fetchMunicipalities(options),
		fetchMunicipalityGroups: () => client.fetchMunicipalityGroups(options),
		fetchUnits: (municipalityCode) => client.fetchUnits(municipalityCode, options),
		fetchMunicipalityValues: async (kpi, codes, years) =>
			figures(await client.fetchMunicipalityValues(kpi, codes, years, options), (row: client.KoladaMunicipalityValues) => row.municipality),
		fetchUnitValues: async (kpi, ids, years) => figures(await client.fetchUnitValues(kpi, ids, years, options), (row: client.KoladaUnitValues) => row.ou)
	};
}
