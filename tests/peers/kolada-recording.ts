import { DEMO_KOLADA } from '../../src/lib/server/demo/demo-content';
import { FIRST_YEAR, LAST_YEAR, MUNICIPALITIES, OUS, startKolada } from './kolada';

/** Of the rest of the catalogue, this many are recorded too, so that searching the demo's catalogue finds something. */
const OTHERS = 22;

/**
 * The demo's Kolada answers, recorded from the local Kolada stub (tests/peers/kolada.ts) over HTTP,
 * exactly as it answered: the key figures the demo links and some others, every municipality, the
 * groups, the demo municipality's units, and the linked figures' values 2018–2025 for every
 * municipality (the demo's, Riket and the groups' members) and for the demo municipality's units.
 * scripts/record-kolada-demo.ts writes it to src/lib/server/demo/kolada-recorded.json; a test checks
 * the committed file is still what the stub answers.
 */
export async function recordDemoAnswers(): Promise<Record<string, { count: number; values: unknown[] }>> {
	const stub = await startKolada({ maxPerPage: 5000 });
	try {
		const get = async (path: string) => {
			const response = await fetch(`${stub.url}${path}`);
			if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
			const answer = (await response.json()) as { values: unknown[]; next_page?: string };
			if (answer.next_page) throw new Error(`${path}: more than one page`);
			return answer.values;
		};
		const list = (values: unknown[]) => ({ count: values.length, values });
		const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, index) => FIRST_YEAR + index).join(',');
		const catalogue = (await get('/kpi')) as { id: string }[];
		const linked = catalogue.filter((kpi) => DEMO_KOLADA.kpis.includes(kpi.id));
		const others = catalogue.filter((kpi) => !DEMO_KOLADA.kpis.includes(kpi.id)).slice(0, OTHERS);
		const places = MUNICIPALITIES.map((place) => place.id).join(',');
		const units = OUS.filter((unit) => unit.municipality === DEMO_KOLADA.municipalityCode)
			.map((unit) => unit.id)
			.join(',');
		const data: unknown[] = [];
		const oudata: unknown[] = [];
		for (const kpi of DEMO_KOLADA.kpis) {
			data.push(...(await get(`/data/kpi/${kpi}/municipality/${places}/year/${years}`)));
			oudata.push(...(await get(`/oudata/kpi/${kpi}/ou/${units}/year/${years}`)));
		}
		return {
			kpi: list([...linked, ...others].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))),
			municipality: list(await get('/municipality')),
			municipality_groups: list(await get('/municipality_groups')),
			ou: list(await get(`/ou?municipality=${DEMO_KOLADA.municipalityCode}`)),
			data: list(data),
			oudata: list(oudata)
		};
	} finally {
		await stub.close();
	}
}
