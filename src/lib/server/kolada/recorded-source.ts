import fs from 'node:fs';
import { readRecordedAnswer } from '../indicators/kolada-client';
import { nestsDeeperThan } from '../shared/json-depth';
import { DomainError } from '../shared/domain-error';
import { figures } from './kolada-http';
import type { KoladaSource } from './kolada-source';

/** A recorded file is read whole: at most this many bytes (the demo's is some 100 kB). */
export const RECORDED_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Kolada's answers as recorded in one JSON file, for working offline (the demo): each key holds one
 * v3 list answer (`{ count, values }`) — `kpi`, `municipality`, `municipality_groups`, `ou` (the
 * units of the municipalities recorded), `data` (values per municipality) and `oudata` (values per
 * unit). The file is bounded in size and nesting and every answer validated as the HTTP client
 * validates Kolada's, then asked like Kolada: what was not recorded is simply not there (as a year
 * not yet published). Nothing is fetched.
 */
export function recordedSource(file: string, maxBytes = RECORDED_MAX_BYTES): KoladaSource {
	let size: number;
	try {
		size = fs.statSync(file).size;
	} catch {
		throw new DomainError('error_kolada_unreadable', { detail: 'file' }, { status: 503 });
	}
	if (size > maxBytes) throw new DomainError('error_kolada_too_large', { max: `${Math.round(maxBytes / 1024)} kB` }, { status: 503 });
	const bytes = fs.readFileSync(file);
	if (bytes.length > maxBytes) throw new DomainError('error_kolada_too_large', { max: `${Math.round(maxBytes / 1024)} kB` }, { status: 503 });
	let parsed: Record<string, unknown>;
	try {
		if (nestsDeeperThan(bytes)) throw new Error('too deep');
		parsed = JSON.parse(bytes.toString('utf8'));
	} catch {
		throw new DomainError('error_kolada_unreadable', { detail: 'JSON' }, { status: 503 });
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new DomainError('error_kolada_unreadable', { detail: 'JSON' }, { status: 503 });
	const empty = { count: 0, values: [] };
	const answer = (key: string) => parsed[key] ?? empty;
	const kpis = readRecordedAnswer.kpis(answer('kpi'));
	const municipalities = readRecordedAnswer.municipalities(answer('municipality'));
	const groups = readRecordedAnswer.groups(answer('municipality_groups'));
	const units = readRecordedAnswer.units(answer('ou'));
	const municipalityValues = readRecordedAnswer.municipalityValues(answer('data'));
	const unitValues = readRecordedAnswer.unitValues(answer('oudata'));
	return {
		fetchKpiCatalogue: async () => kpis,
		fetchMunicipalities: async () => municipalities,
		fetchMunicipalityGroups: async () => groups,
		fetchUnits: async (municipalityCode) => units.filter((unit) => unit.municipality === municipalityCode),
		fetchMunicipalityValues: async (kpi, codes, years) =>
			figures(
				municipalityValues.filter((row) => row.kpi === kpi && codes.includes(row.municipality) && years.includes(row.year)),
				(row: (typeof municipalityValues)[number]) => row.municipality
			),
		fetchUnitValues: async (kpi, ids, years) =>
			figures(
				unitValues.filter((row) => row.kpi === kpi && ids.includes(row.ou) && years.includes(row.year)),
				(row: (typeof unitValues)[number]) => row.ou
			)
	};
}
