import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '../presenters/message';
import { DomainError } from '../shared/domain-error';
import { freePort } from '../../../../tests/server-process';
import { KNOWN_MISSING, LAST_YEAR, OUS, recordedKpis, startKolada, stubValues, type KoladaStub } from '../../../../tests/peers/kolada';
import {
	DEFAULT_KOLADA_URL,
	fetchKpi,
	fetchKpiCatalogue,
	fetchMunicipalities,
	fetchMunicipalityGroups,
	fetchMunicipalityValues,
	fetchUnits,
	fetchUnitValues,
	koladaBaseUrl,
	type KoladaOptions
} from './kolada-client';

let stub: KoladaStub;
let options: KoladaOptions;
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** The DomainError a call ends in (fails the test when it succeeds or throws something else). */
async function refusal(call: Promise<unknown>): Promise<DomainError> {
	const thrown = await call.then(
		() => undefined,
		(error: unknown) => error
	);
	expect(thrown).toBeInstanceOf(DomainError);
	return thrown as DomainError;
}

beforeAll(async () => {
	stub = await startKolada();
	options = { baseUrl: stub.url, retryDelayMs: 0 };
});
afterEach(() => stub.heal());
afterAll(() => stub.close());

describe('the Kolada client against the stub', () => {
	it('reads the whole catalogue by following next_page, in our words', async () => {
		const before = stub.requests().length;
		const catalogue = await fetchKpiCatalogue(options);
		const asked = stub.requests().slice(before);
		expect(catalogue.map((kpi) => kpi.id)).toEqual(recordedKpis().map((kpi) => kpi.id));
		expect(catalogue.length).toBeGreaterThanOrEqual(50);
		// The stub gives 20 a page, whatever is asked: four pages, each followed from the one before.
		expect(asked).toHaveLength(Math.ceil(catalogue.length / 20));
		expect(asked[1]).toMatch(/[?&]page=2\b/);
		expect(catalogue.find((kpi) => kpi.id === 'N15428')).toEqual({
			id: 'N15428',
			title: 'Elever i åk 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)',
			description: expect.stringContaining('yrkesprogram'),
			operatingArea: 'Grundskola',
			hasOuData: true,
			isDividedByGender: true,
			municipalityType: 'K',
			publicationDate: `${LAST_YEAR + 1}-06-15`,
			prelPublicationDate: `${LAST_YEAR + 1}-02-20`,
			ouPublicationDate: `${LAST_YEAR + 1}-06-15`,
			auspices: 'X',
			publPeriod: String(LAST_YEAR)
		});
		expect(catalogue.filter((kpi) => /trygg/i.test(kpi.title)).map((kpi) => kpi.id)).toContain('N15613');
	});

	it('reads one key figure, null for an id Kolada does not have, and refuses an id that cannot be one', async () => {
		expect((await fetchKpi('N15505', options))?.title).toBe('Elever i åk 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)');
		expect(await fetchKpi('N99999', options)).toBeNull();
		const bad = await refusal(fetchKpi('N15428/../municipality', options));
		expect(bad.code).toBe('error_kolada_id_invalid');
		expect(messageFor(bad, 'sv')).toContain('är inte ett giltigt id i Kolada');
	});

	it('reads municipalities (Riket among them), municipality groups with members, and a municipality’s units', async () => {
		const municipalities = await fetchMunicipalities(options);
		expect(municipalities).toContainEqual({ id: '0000', title: 'Riket', type: 'L' });
		expect(municipalities).toContainEqual({ id: '1280', title: 'Exempelkommun', type: 'K' });
		const groups = await fetchMunicipalityGroups(options);
		expect(groups.length).toBeGreaterThanOrEqual(2);
		expect(groups[0].members).toContainEqual({ id: '1290', title: 'Kristianstad' });
		const units = await fetchUnits('1280', options);
		expect(units.map((unit) => unit.title)).toEqual(['Ekbackens förskola', 'Lindskolan F–6', 'Lindskolan 7–9', 'Tallgymnasiet', 'Norrskolan']);
		expect(units.every((unit) => unit.municipality === '1280' && /^V1[157]E1280\d{5}$/.test(unit.id))).toBe(true);
		expect((await refusal(fetchUnits('12a0', options))).code).toBe('error_kolada_id_invalid');
	});

	it('reads values per municipality, Riket and group by gender, with missing values and no year not yet published', async () => {
		const rows = await fetchMunicipalityValues('N15613', ['1280', '0000', 'G124001'], years(2018, LAST_YEAR + 1), options);
		// 3 places × 8 years: more than a page of 20, so the second page was followed too.
		expect(rows).toHaveLength(24);
		expect(rows.some((row) => row.year === LAST_YEAR + 1)).toBe(false);
		for (const row of rows) {
			expect(row.values.map((value) => value.gender)).toEqual(['T', 'K', 'M']);
			if (row.municipality !== 'G124001')
				expect(row.values).toEqual(stubValues('N15613', row.municipality, row.year)!.map((value) => ({ ...value, status: value.status || null })));
		}
		const missing = rows.find((row) => row.municipality === '1280' && row.year === 2019)!;
		expect(KNOWN_MISSING).toContainEqual({ kpi: 'N15613', entity: '1280', year: 2019 });
		expect(missing.values.every((value) => value.value === null && value.status === 'Missing')).toBe(true);
		const group = rows.find((row) => row.municipality === 'G124001' && row.year === 2024)!;
		expect(group.values[0].count).toBeGreaterThan(1);
		// A cost is published a year later: its last year has no item yet.
		const costs = await fetchMunicipalityValues('N15008', ['1280'], [LAST_YEAR - 1, LAST_YEAR], options);
		expect(costs.map((row) => row.year)).toEqual([LAST_YEAR - 1]);
		expect(costs[0].values.map((value) => value.gender)).toEqual(['T']);
	});

	it('reads values per unit: only the units of the figure’s school form, a missing value marked', async () => {
		const ids = OUS.filter((unit) => unit.municipality === '1280').map((unit) => unit.id);
		const rows = await fetchUnitValues('N15505', ids, years(2018, LAST_YEAR), options);
		expect(new Set(rows.map((row) => row.ou))).toEqual(new Set(ids.filter((id) => id.startsWith('V15'))));
		const norrskolan = rows.find((row) => row.ou === 'V15E128000501' && row.year === 2020)!;
		expect(norrskolan.values).toEqual(['T', 'K', 'M'].map((gender) => ({ gender, value: null, status: 'Missing', count: 0 })));
		const present = rows.filter((row) => row.values[0].value !== null);
		expect(present.length).toBeGreaterThan(rows.length / 2);
		for (const row of present) {
			expect(row.values[0]).toMatchObject({ gender: 'T', status: null, count: 1 });
			expect(row.values.map((value) => value.value)).toEqual(stubValues('N15505', row.ou, row.year)!.map((value) => value.value));
			expect(row.values[0].value).toBeGreaterThan(100);
		}
	});

	it('asks long lists in parts of at most 25 (the stub, like Kolada, refuses longer ones)', async () => {
		expect((await fetch(`${stub.url}/data/kpi/N15428/municipality/1280/year/${years(1990, 2025).join(',')}`)).status).toBe(400);
		const before = stub.requests().length;
		const rows = await fetchMunicipalityValues('N15428', ['1280'], years(1990, 2025), options);
		const asked = stub.requests().slice(before);
		expect(rows.map((row) => row.year)).toEqual(years(2018, LAST_YEAR));
		expect(asked).toHaveLength(2);
		for (const path of asked) expect(/year\/([\d,]+)/.exec(path)![1].split(',').length).toBeLessThanOrEqual(25);
	});

	it('an empty list asks nothing', async () => {
		const before = stub.requests().length;
		expect(await fetchUnitValues('N15505', [], [2024], options)).toEqual([]);
		expect(await fetchMunicipalityValues('N15505', ['1280'], [], options)).toEqual([]);
		expect(stub.requests().length).toBe(before);
	});

	it('scaled for the bench: 60 units × 50 figures × 10 years, made on the fly', async () => {
		const big = await startKolada({ scale: { municipality: '0999', units: 60, kpis: 50, years: 10 } });
		try {
			const bigOptions = { baseUrl: big.url, retryDelayMs: 0 };
			const catalogue = await fetchKpiCatalogue(bigOptions);
			expect(catalogue).toHaveLength(50);
			expect(catalogue.every((kpi) => kpi.hasOuData)).toBe(true);
			const units = await fetchUnits('0999', bigOptions);
			expect(units).toHaveLength(60);
			expect(units[59].title).toBe('Enhet 60');
			const rows = await fetchUnitValues(catalogue[0].id, units.map((unit) => unit.id), years(LAST_YEAR - 9, LAST_YEAR), bigOptions);
			expect(rows).toHaveLength(600);
			expect(big.requests().filter((path) => path.startsWith('/oudata')).length).toBeGreaterThanOrEqual(3);
		} finally {
			await big.close();
		}
	});
});

describe('when Kolada answers badly', () => {
	it('a 500 is tried once more; twice is an error that says so, in both languages', async () => {
		stub.fail('/municipality', '500', 1);
		expect((await fetchMunicipalities(options)).length).toBeGreaterThan(1);
		stub.fail('/municipality', '500');
		const before = stub.requests().length;
		const failed = await refusal(fetchMunicipalities(options));
		expect(stub.requests().length - before).toBe(2);
		expect(failed).toMatchObject({ code: 'error_kolada_failed', params: { status: 500 } });
		expect(messageFor(failed, 'sv')).toBe('Kolada svarade med ett fel (HTTP 500). Inget har ändrats. Försök igen senare.');
		expect(messageFor(failed, 'en')).toBe('Kolada answered with an error (HTTP 500). Nothing was changed. Try again later.');
	});

	it('too many requests (429) is tried once more, then named', async () => {
		stub.fail('/kpi', '429', 1);
		expect((await fetchKpi('N15428', options))?.id).toBe('N15428');
		stub.fail('/kpi', '429');
		const failed = await refusal(fetchKpi('N15428', options));
		expect(failed.code).toBe('error_kolada_rate_limited');
		expect(messageFor(failed, 'sv')).toContain('för många frågor');
	});

	it('a time-out, a cut connection and a service that is not there are named', async () => {
		stub.fail('/kpi', 'timeout');
		const slow = await refusal(fetchKpiCatalogue({ ...options, timeoutSeconds: 0.3 }));
		expect(slow).toMatchObject({ code: 'error_kolada_timeout', params: { seconds: 0.3 } });
		expect(messageFor(slow, 'en')).toBe('Kolada did not answer within 0.3 seconds. Nothing was changed. Try again later.');
		stub.fail('/ou', 'reset');
		expect(await refusal(fetchUnits('1280', options))).toMatchObject({ code: 'error_kolada_unreachable' });
		const port = await freePort();
		const gone = await refusal(fetchMunicipalities({ ...options, baseUrl: `http://127.0.0.1:${port}/v3` }));
		expect(gone).toMatchObject({ code: 'error_kolada_unreachable', params: { address: `127.0.0.1:${port}` } });
		expect(messageFor(gone, 'sv')).toBe(`Kolada (127.0.0.1:${port}) kunde inte nås. Inget har ändrats. Försök igen senare.`);
	});

	it('an answer not in Kolada’s shape, or not JSON, is refused with where it went wrong', async () => {
		stub.fail('/kpi', 'malformed');
		const malformed = await refusal(fetchKpiCatalogue(options));
		expect(malformed).toMatchObject({ code: 'error_kolada_unreadable', params: { detail: 'values[0].id' } });
		stub.fail('/municipality_groups', 'not-json');
		expect(await refusal(fetchMunicipalityGroups(options))).toMatchObject({ code: 'error_kolada_unreadable', params: { detail: 'JSON' } });
	});

	it('an oversized answer is refused before it is read whole', async () => {
		stub.fail('/kpi', 'huge');
		const huge = await refusal(fetchKpiCatalogue(options));
		expect(huge).toMatchObject({ code: 'error_kolada_too_large', params: { max: '8 MB' } });
		const small = await refusal(fetchMunicipalities({ ...options, limits: { pageBytes: 200 } }));
		expect(small).toMatchObject({ code: 'error_kolada_too_large', params: { max: '200 B' } });
	});

	it('a list is whole or not at all: a failing second page fails the call; too many pages are refused', async () => {
		stub.fail(/^\/kpi\?.*\bpage=2\b/, '500');
		expect((await refusal(fetchKpiCatalogue(options))).code).toBe('error_kolada_failed');
		stub.heal();
		const pages = await refusal(fetchKpiCatalogue({ ...options, limits: { pages: 2 } }));
		expect(pages).toMatchObject({ code: 'error_kolada_too_many_pages', params: { max: 2 } });
	});

	it('a year not yet published gives no values, not an error', async () => {
		stub.fail('/data', 'unpublished');
		expect(await fetchMunicipalityValues('N15428', ['1280'], [LAST_YEAR + 1], options)).toEqual([]);
		stub.fail('/oudata', 'unpublished');
		expect(await fetchUnitValues('N15428', ['V15E128000201'], [LAST_YEAR], options)).toEqual([]);
	});

	it('a broken base address fails every answer (for a server in another process)', async () => {
		expect((await refusal(fetchMunicipalities({ ...options, baseUrl: stub.broken('500') }))).code).toBe('error_kolada_failed');
	});
});

describe('the base address', () => {
	it('is KOLADA_URL, else Kolada’s own; a trailing slash is dropped', () => {
		const saved = process.env.KOLADA_URL;
		try {
			delete process.env.KOLADA_URL;
			expect(koladaBaseUrl()).toBe(DEFAULT_KOLADA_URL);
			process.env.KOLADA_URL = 'http://127.0.0.1:9/v3/';
			expect(koladaBaseUrl()).toBe('http://127.0.0.1:9/v3');
			expect(koladaBaseUrl({ baseUrl: stub.url })).toBe(stub.url);
		} finally {
			if (saved === undefined) delete process.env.KOLADA_URL;
			else process.env.KOLADA_URL = saved;
		}
	});
});
