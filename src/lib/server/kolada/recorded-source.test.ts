import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordedSource } from './recorded-source';
import { recordDemoAnswers } from '../../../../tests/peers/kolada-recording';
import { stubValues } from '../../../../tests/peers/kolada';
import { DEMO_KOLADA } from '../demo/demo-content';
import { isDomainError } from '../shared/domain-error';

const DEMO_FILE = 'src/lib/server/demo/kolada-recorded.json';

const refusal = (run: () => unknown) => {
	try {
		run();
	} catch (thrown) {
		if (isDomainError(thrown)) return thrown;
		throw thrown;
	}
	throw new Error('not refused');
};

const written = (text: string) => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kolada-recorded-')), 'answers.json');
	fs.writeFileSync(file, text);
	return file;
};

describe('the recorded Kolada source', () => {
	it('the demo\'s file is what the Kolada stub answers (scripts/record-kolada-demo.ts made it)', async () => {
		expect(JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8'))).toEqual(await recordDemoAnswers());
	});

	it('answers like Kolada from the file: the catalogue, the places, and the figures asked for', async () => {
		const source = recordedSource(DEMO_FILE);
		const kpis = await source.fetchKpiCatalogue();
		expect(kpis.length).toBeGreaterThan(20);
		expect(kpis.filter((kpi) => DEMO_KOLADA.kpis.includes(kpi.id))).toHaveLength(DEMO_KOLADA.kpis.length);
		expect(kpis.find((kpi) => kpi.id === 'N15505')).toMatchObject({ operatingArea: 'Grundskola', hasOuData: true, isDividedByGender: true });
		expect((await source.fetchMunicipalities()).find((place) => place.id === '0000')).toMatchObject({ title: 'Riket' });
		expect((await source.fetchMunicipalityGroups()).map((group) => group.id)).toEqual(['G124001', 'G124002']);
		expect((await source.fetchUnits('1280')).map((unit) => unit.id)).toContain('V15E128000301');
		expect(await source.fetchUnits('0580')).toEqual([]);

		const figures = await source.fetchMunicipalityValues('N15428', ['1280', '0000'], [2024, 2025, 2026]);
		expect(figures).toHaveLength(2 * 2 * 3); // two places, two years recorded (2026 is not published), three genders
		const total = figures.find((figure) => figure.placeId === '1280' && figure.year === 2025 && figure.gender === 'T')!;
		expect(total.value).toBe(stubValues('N15428', '1280', 2025)!.find((value) => value.gender === 'T')!.value);
		const missing = (await source.fetchMunicipalityValues('N15613', ['1280'], [2019])).find((figure) => figure.gender === 'T');
		expect(missing).toMatchObject({ value: null, status: 'Missing' });
		const unit = await source.fetchUnitValues('N15505', ['V15E128000301'], [2025]);
		expect(unit.map((figure) => [figure.placeId, figure.gender])).toEqual([
			['V15E128000301', 'T'],
			['V15E128000301', 'K'],
			['V15E128000301', 'M']
		]);
		expect(await source.fetchMunicipalityValues('N15008', ['1280'], [2024])).toEqual([]); // not recorded
	});

	it('refuses a file too large, not JSON, nested too deep or not in Kolada\'s shape, saying where', () => {
		expect(refusal(() => recordedSource(DEMO_FILE, 1024))).toMatchObject({ code: 'error_kolada_too_large', params: { max: '1 kB' } });
		expect(refusal(() => recordedSource(written('<html>Kolada</html>')))).toMatchObject({ code: 'error_kolada_unreadable', params: { detail: 'JSON' } });
		expect(refusal(() => recordedSource(written(`${'['.repeat(200)}${']'.repeat(200)}`)))).toMatchObject({ code: 'error_kolada_unreadable' });
		expect(refusal(() => recordedSource(written('[]')))).toMatchObject({ code: 'error_kolada_unreadable', params: { detail: 'JSON' } });
		const malformed = JSON.stringify({ kpi: { count: 1, values: [{ id: 15428, title: ['Elever i åk 9'] }] } });
		expect(refusal(() => recordedSource(written(malformed)))).toMatchObject({ code: 'error_kolada_unreadable', params: { detail: 'values[0].id' } });
		expect(refusal(() => recordedSource(path.join(os.tmpdir(), 'no-such-kolada-file.json')))).toMatchObject({ code: 'error_kolada_unreadable', params: { detail: 'file' } });
	});
});
