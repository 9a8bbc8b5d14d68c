import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	FIRST_YEAR,
	KNOWN_MISSING,
	LAST_YEAR,
	MUNICIPALITIES,
	MUNICIPALITY_GROUPS,
	OUS,
	recordedKpis,
	valueShapes,
	type StubKpi,
	type StubMunicipalityGroup,
	type StubOu,
	type ValueShape
} from './kolada-data';

export { FIRST_YEAR, KNOWN_MISSING, LAST_YEAR, MUNICIPALITIES, MUNICIPALITY_GROUPS, OUS, recordedKpis } from './kolada-data';

/**
 * A stand-in for Kolada API v3 on this machine, for tests, the demo, the bench and the browser tests:
 * never the real service. `KOLADA_URL` = `stub.url` (`http://127.0.0.1:<port>/v3`).
 *
 * Answers as documented for v3: lists are `{ count, values, next_page?, previous_page? }` (full
 * addresses; `page` from 1, `per_page`), at most `maxPerPage` items a page whatever is asked (20 by
 * default, so a client must follow `next_page`). Routes: `/kpi` (`?title=` a case-insensitive part of
 * the title, `?id=`), `/kpi/{ids}`, `/municipality` (`?title=`), `/municipality/{ids}`,
 * `/municipality_groups`, `/municipality_groups/{ids}`, `/ou` (`?municipality=`, `?title=`), `/ou/{ids}`,
 * `/data/kpi/{kpis}/municipality/{ids}/year/{years}` (a municipality group's id gives the unweighted
 * mean of its members, `count` = members with a value) and `/oudata/kpi/{kpis}/ou/{ids}/year/{years}`.
 * A data item: `{ kpi, municipality | ou, period, values: [{ gender: 'T' | 'K' | 'M', count, status, value }] }`
 * (K and M only for figures divided by gender). Values come from a seeded function (`stubValues`),
 * 2018–2025, the same every run; a few are missing (`value: null, status: 'Missing'`; always those in
 * KNOWN_MISSING), and a year after a figure's last published year (2025, costs 2024) gives no item, as
 * Kolada does before publication. A comma list of more than 25 ids or years is refused with 400.
 *
 * Failures, for the client's tests:
 * - `stub.fail(prefix, kind, times?)`: requests whose path after `/v3` starts with `prefix` (e.g.
 *   '/kpi', '/data/kpi/N15428'; or a RegExp tried on path and query, e.g. /[?&]page=2/) fail as
 *   `kind`, `times` times (for ever without it); `stub.heal()` clears them.
 * - `stub.broken(kind)`: a base address whose every answer fails as `kind` (for a server in another
 *   process, e.g. KOLADA_URL in the browser tests).
 * Kinds: '500', '429' (with Retry-After: 1), 'timeout' (never answers), 'malformed' (JSON not in
 * Kolada's shape), 'not-json' (an HTML page), 'huge' (10 MB without a declared length), 'reset' (the
 * connection is cut), 'unpublished' (an empty list: `{ count: 0, values: [] }`).
 *
 * Size-scaled mode for the bench: `startKolada({ scale: { municipality, units, kpis, years } })`
 * serves `units` units "Enhet 1…n" of that municipality (ids V15E<m><nnnnn>), the first `kpis` figures
 * of the catalogue (all with unit data) and `years` years up to 2025, every value made on the fly.
 */

export type KoladaFailure = '500' | '429' | 'timeout' | 'malformed' | 'not-json' | 'huge' | 'reset' | 'unpublished';

export interface KoladaScale {
	municipality: string;
	units: number;
	kpis: number;
	years: number;
}

export interface KoladaStub {
	origin: string;
	/** The base address to give as KOLADA_URL. */
	url: string;
	/** A base address whose every answer fails as `kind`. */
	broken(kind: KoladaFailure): string;
	/**
	 * Requests under `/v3<prefix>` (a string: the start of the path; a RegExp: tested against path and
	 * query, e.g. /[?&]page=2/) fail as `kind`, `times` times (for ever without it).
	 */
	fail(prefix: string | RegExp, kind: KoladaFailure, times?: number): void;
	/** Clears every `fail`. */
	heal(): void;
	/** The path and query of every request answered so far (after the base address). */
	requests(): string[];
	close(): Promise<void>;
}

export interface KoladaStubOptions {
	port?: number;
	/** Items a page at most, whatever `per_page` asks (20 by default). */
	maxPerPage?: number;
	scale?: KoladaScale;
}

const MAX_IDS = 25;

interface Holdings {
	kpis: StubKpi[];
	shapes: Map<string, ValueShape>;
	ous: StubOu[];
	groups: StubMunicipalityGroup[];
	firstYear: number;
	/** In scaled mode every unit has every figure. */
	anyForm: boolean;
}

function holdings(scale: KoladaScale | undefined): Holdings {
	const kpis = recordedKpis();
	const shapes = valueShapes();
	if (!scale) return { kpis, shapes, ous: OUS, groups: MUNICIPALITY_GROUPS, firstYear: FIRST_YEAR, anyForm: false };
	const chosen = kpis.slice(0, scale.kpis).map((kpi) => ({ ...kpi, has_ou_data: true, ou_publication_date: kpi.publication_date }));
	const ous = Array.from({ length: scale.units }, (_, index) => ({
		id: `V15E${scale.municipality}${String(index + 1).padStart(5, '0')}`,
		title: `Enhet ${index + 1}`,
		municipality: scale.municipality
	}));
	for (const kpi of chosen) shapes.set(kpi.id, { ...shapes.get(kpi.id)!, lastYear: LAST_YEAR });
	return { kpis: chosen, shapes, ous, groups: MUNICIPALITY_GROUPS, firstYear: LAST_YEAR - scale.years + 1, anyForm: true };
}

/** A number from a string, spread evenly over [0, 1): FNV-1a then a mulberry32 step. */
function seeded(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
	let t = (hash + 0x6d2b79f5) | 0;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export interface StubValue {
	gender: 'T' | 'K' | 'M';
	count: number;
	status: string;
	value: number | null;
}

/**
 * The values the stub gives for one figure, municipality or unit and year (undefined when it gives
 * no item: not published yet, or not a figure of that unit's school form). Exported so tests can
 * compare what a client read with what was served.
 */
export function stubValues(kpiId: string, entity: string, year: number, stub: Pick<Holdings, 'kpis' | 'shapes' | 'firstYear' | 'anyForm'> = holdings(undefined)): StubValue[] | undefined {
	const kpi = stub.kpis.find((candidate) => candidate.id === kpiId);
	const shape = stub.shapes.get(kpiId);
	if (!kpi || !shape || year < stub.firstYear || year > shape.lastYear) return undefined;
	const isUnit = /^V\d{2}E/.test(entity);
	if (isUnit && (!kpi.has_ou_data || (!stub.anyForm && shape.form && !entity.startsWith(shape.form)))) return undefined;
	const genders = kpi.is_divided_by_gender ? (['T', 'K', 'M'] as const) : (['T'] as const);
	const missing =
		KNOWN_MISSING.some((known) => known.kpi === kpiId && known.entity === entity && known.year === year) ||
		(entity !== '0000' && seeded(`missing|${kpiId}|${entity}|${year}`) < (isUnit ? 0.06 : 0.02));
	if (missing) return genders.map((gender) => ({ gender, count: 0, status: 'Missing', value: null }));
	const level = (seeded(`level|${kpiId}|${entity}`) - 0.5) * 2 * shape.spread * (entity === '0000' ? 0 : 1);
	const noise = (seeded(`noise|${kpiId}|${entity}|${year}`) - 0.5) * shape.spread * 0.3;
	const total = shape.base + level + shape.trend * (year - FIRST_YEAR) + noise;
	const round = (value: number) => {
		const bounded = Math.max(0, shape.max === undefined ? value : Math.min(shape.max, value));
		return Number(bounded.toFixed(shape.decimals));
	};
	const offset = { T: 0, K: shape.gap, M: -shape.gap };
	return genders.map((gender) => ({ gender, count: 1, status: '', value: round(total + offset[gender]) }));
}

export async function startKolada(options: KoladaStubOptions = {}): Promise<KoladaStub> {
	const held = holdings(options.scale);
	const maxPerPage = options.maxPerPage ?? 20;
	const failures = new Map<string | RegExp, { kind: KoladaFailure; remaining: number }>();
	const log: string[] = [];
	let origin = '';

	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://stub');
		const broken = /^\/broken\/([a-z0-9-]+)(\/v3(?:\/.*)?)$/.exec(url.pathname);
		const base = broken ? `/broken/${broken[1]}/v3` : '/v3';
		const route = (broken ? broken[2] : url.pathname).replace(/^\/v3/, '') || '/';
		log.push(`${route}${url.search}`);
		const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
			const text = JSON.stringify(body);
			response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
			response.end(text);
		};
		if (request.method !== 'GET') return send(405, { message: 'Method not allowed' });
		if (!broken && !url.pathname.startsWith('/v3')) return send(404, { message: 'Not Found' });

		let failure = broken?.[1] as KoladaFailure | undefined;
		if (!failure) {
			for (const [prefix, entry] of failures) {
				if (typeof prefix === 'string' ? !route.startsWith(prefix) : !prefix.test(`${route}${url.search}`)) continue;
				failure = entry.kind;
				if (--entry.remaining <= 0) failures.delete(prefix);
				break;
			}
		}
		switch (failure) {
			case '500':
				return send(500, { message: 'Internal Server Error' });
			case '429':
				return send(429, { message: 'Too Many Requests' }, { 'retry-after': '1' });
			case 'timeout':
				return; // never answers; the socket is closed with the server
			case 'reset':
				return void request.socket.destroy();
			case 'not-json':
				response.writeHead(200, { 'content-type': 'text/html' });
				return response.end('<html><body>Kolada har underhåll</body></html>');
			case 'malformed':
				return send(200, { count: 1, values: [{ id: 15428, title: ['Elever i åk 9'], has_ou_data: 'ja' }] });
			case 'unpublished':
				return send(200, { count: 0, values: [] });
			case 'huge': {
				response.writeHead(200, { 'content-type': 'application/json' });
				const filler = `{"id":"N15428","title":"${'x'.repeat(16 * 1024)}"},`;
				response.write('{"count":1000,"values":[');
				let written = 0;
				const more = () => {
					while (written < 640) {
						written += 1;
						if (!response.write(filler)) return void response.once('drain', more);
					}
					response.end('{"id":"N15428","title":"x"}]}');
				};
				return more();
			}
		}

		const page = (items: unknown[]) => {
			const number = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
			const asked = Number.parseInt(url.searchParams.get('per_page') ?? '5000', 10) || 5000;
			const size = Math.max(1, Math.min(asked, maxPerPage, 5000));
			const values = items.slice((number - 1) * size, number * size);
			const link = (to: number) => {
				const search = new URLSearchParams(url.searchParams);
				search.set('page', String(to));
				search.set('per_page', String(size));
				return `${origin}${base}${route}?${search}`;
			};
			const body: Record<string, unknown> = { count: values.length, values };
			if (number * size < items.length) body.next_page = link(number + 1);
			if (number > 1) body.previous_page = link(number - 1);
			return send(200, body);
		};
		const list = (text: string) => decodeURIComponent(text).split(',').filter(Boolean);
		const tooLong = (...lists: string[][]) => lists.some((ids) => ids.length > MAX_IDS);
		const refuse = () => send(400, { message: `At most ${MAX_IDS} ids in a list` });
		const titled = <T extends { title: string }>(items: T[]) => {
			const title = url.searchParams.get('title')?.toLocaleLowerCase('sv');
			return title ? items.filter((item) => item.title.toLocaleLowerCase('sv').includes(title)) : items;
		};
		const byIds = <T extends { id: string }>(items: T[], text: string | null | undefined) => {
			if (!text) return items;
			const ids = list(text);
			return ids.length > MAX_IDS ? undefined : items.filter((item) => ids.includes(item.id));
		};
		const metadata = /^\/(kpi|municipality|municipality_groups|ou)(?:\/([^/]+))?\/?$/.exec(route);
		if (metadata) {
			const source = { kpi: held.kpis, municipality: MUNICIPALITIES, municipality_groups: held.groups, ou: held.ous }[metadata[1] as 'kpi'] as { id: string; title: string; municipality?: string }[];
			let items = byIds(source, metadata[2] ?? url.searchParams.get('id'));
			if (!items) return refuse();
			items = titled(items);
			const municipality = url.searchParams.get('municipality');
			if (metadata[1] === 'ou' && municipality) items = items.filter((item) => list(municipality).includes(item.municipality ?? ''));
			return page(items);
		}
		const data = /^\/(data|oudata)\/kpi\/([^/]+)\/(municipality|ou)\/([^/]+)\/year\/([^/]+)\/?$/.exec(route);
		if (data && (data[1] === 'data') === (data[3] === 'municipality')) {
			const [kpis, entities, years] = [list(data[2]), list(data[4]), list(data[5])];
			if (tooLong(kpis, entities, years)) return refuse();
			if (years.some((year) => !/^\d{4}$/.test(year))) return send(400, { message: 'Bad year' });
			const items: unknown[] = [];
			for (const kpi of kpis)
				for (const entity of entities)
					for (const year of years.map(Number)) {
						const values = data[3] === 'ou' ? ouValues(kpi, entity, year) : municipalityValues(kpi, entity, year);
						if (values) items.push({ kpi, [data[3]]: entity, period: year, values });
					}
			return page(items);
		}
		return send(404, { message: 'Not Found' });
	});

	const ouValues = (kpi: string, ou: string, year: number) => (held.ous.some((unit) => unit.id === ou) ? stubValues(kpi, ou, year, held) : undefined);
	const municipalityValues = (kpi: string, id: string, year: number): StubValue[] | undefined => {
		const group = held.groups.find((candidate) => candidate.id === id);
		if (!group) return MUNICIPALITIES.some((municipality) => municipality.id === id) ? stubValues(kpi, id, year, held) : undefined;
		const members = group.members.map((one) => stubValues(kpi, one.id, year, held)).filter((values) => values !== undefined);
		if (!members.length) return undefined;
		return members[0].map(({ gender }) => {
			const known = members.map((values) => values.find((value) => value.gender === gender)?.value).filter((value): value is number => typeof value === 'number');
			const mean = known.length ? Number((known.reduce((sum, value) => sum + value, 0) / known.length).toFixed(1)) : null;
			return { gender, count: known.length, status: mean === null ? 'Missing' : '', value: mean };
		});
	};

	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		url: `${origin}/v3`,
		broken: (kind) => `${origin}/broken/${kind}/v3`,
		fail: (prefix, kind, times = Number.POSITIVE_INFINITY) => void failures.set(prefix, { kind, remaining: times }),
		heal: () => failures.clear(),
		requests: () => [...log],
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
