import { z } from 'zod';
import { DomainError } from '../shared/domain-error';
import { readBoundedJson } from '../shared/bounded-json';

/**
 * Kolada (the municipalities' open key figure database), API v3: the key figure catalogue,
 * municipalities, municipality groups, organisational units (school units) and values per
 * municipality or unit and year, read from `KOLADA_URL` (https://api.kolada.se/v3 by default).
 *
 * Every answer is bounded before it is read (a time-out per request, bytes per page, pages per list,
 * items per list) and validated; lists are followed page by page through `next_page`; long lists of
 * ids or years are asked in parts of at most 25 (Kolada refuses longer ones). A 429 or 5xx answer,
 * or a connection that fails, is tried once more after a short pause. A failure is a DomainError in
 * the user's language saying what happened; nothing is returned half-read, so nothing is half-written.
 * What comes back is plain objects in our words (camelCase).
 */

export const DEFAULT_KOLADA_URL = 'https://api.kolada.se/v3';

export const KOLADA_LIMITS = {
	/** Seconds one request (answer and body) may take. */
	timeoutSeconds: 20,
	/** Bytes of one page: a thousand key figures with their descriptions are some 2 MB. */
	pageBytes: 8 * 1024 * 1024,
	/** Pages of one list: the catalogue (some 6,000 figures) is 6 pages of 1,000. */
	pages: 100,
	/** Items asked for per page (Kolada gives at most 5,000). */
	perPage: 1000,
	/** Items of one list, over all its pages. */
	items: 100_000,
	/** Ids or years in one request: Kolada refuses longer lists. */
	idsPerRequest: 25,
	/** Requests of one call under way at once. */
	concurrency: 4,
	/** Pause before the one retry after 429/5xx when the answer names none (Retry-After, at most 10 s). */
	retryDelayMs: 1000
} as const;

export type KoladaLimits = { -readonly [K in keyof typeof KOLADA_LIMITS]: number };

export interface KoladaOptions {
	/** Instead of KOLADA_URL. */
	baseUrl?: string;
	timeoutSeconds?: number;
	/** The pause before a retry, in milliseconds (0 in tests); without it Retry-After or a second. */
	retryDelayMs?: number;
	/** Tighter or looser bounds (tests). */
	limits?: Partial<KoladaLimits>;
}

/** A key figure as the catalogue describes it. */
export interface KoladaKpi {
	id: string;
	title: string;
	description: string;
	/** Kolada's area ("Grundskola", "Förskola", …). */
	operatingArea: string;
	/** Whether Kolada has values per organisational unit (school unit). */
	hasOuData: boolean;
	/** Whether values come for girls (K) and boys (M) beside the total (T). */
	isDividedByGender: boolean;
	/** "K" municipalities, "L" regions, "A" both (as Kolada gives it). */
	municipalityType: string | null;
	/** Dates as Kolada writes them (YYYY-MM-DD), or null. */
	publicationDate: string | null;
	prelPublicationDate: string | null;
	ouPublicationDate: string | null;
	auspices: string | null;
	/** The latest period published, as Kolada writes it ("2025"). */
	publPeriod: string | null;
}

export interface KoladaMunicipality {
	/** Four digits; "0000" is Riket (the whole country). */
	id: string;
	title: string;
	/** "K" municipality, "L" region (Riket is given as "L"). */
	type: string;
}

export interface KoladaMunicipalityGroup {
	id: string;
	title: string;
	members: { id: string; title: string }[];
}

/** An organisational unit (for schools: a school unit), e.g. V15E128000201. */
export interface KoladaUnit {
	id: string;
	title: string;
	/** The municipality code. */
	municipality: string;
}

/** T total, K girls/women, M boys/men. */
export type KoladaGender = 'T' | 'K' | 'M';

export interface KoladaValue {
	gender: KoladaGender;
	/** Null when Kolada has none (status "Missing"). */
	value: number | null;
	/** Kolada's own status ("Missing", …); null when it gives none. */
	status: string | null;
	/** Members contributing (a group's value is the unweighted mean of its members), else 1. */
	count: number | null;
}

/** One figure's values for one municipality (or municipality group) and year. */
export interface KoladaMunicipalityValues {
	kpi: string;
	municipality: string;
	year: number;
	values: KoladaValue[];
}

/** One figure's values for one organisational unit and year. */
export interface KoladaUnitValues {
	kpi: string;
	ou: string;
	year: number;
	values: KoladaValue[];
}

export function koladaBaseUrl(options: Pick<KoladaOptions, 'baseUrl'> = {}): string {
	return (options.baseUrl ?? (process.env.KOLADA_URL || DEFAULT_KOLADA_URL)).replace(/\/+$/, '');
}

const KPI_ID = /^[A-Za-z0-9]{1,20}$/;
const MUNICIPALITY_ID = /^(\d{4}|G\d{1,12})$/;
const UNIT_ID = /^[A-Za-z0-9]{1,30}$/;

const id = z.string().trim().min(1).max(40);
const title = z.string().trim().min(1).max(1000);
const text = (max: number) => z.string().max(max).nullish();
/** v3 writes booleans; v2 wrote 0/1. */
const flag = z.union([z.boolean(), z.literal(0), z.literal(1)]).nullish();

const kpiItem = z.object({
	id: z.string().regex(KPI_ID),
	title,
	description: text(20_000),
	operating_area: text(1000),
	has_ou_data: flag,
	is_divided_by_gender: flag,
	municipality_type: text(10),
	publication_date: text(40),
	prel_publication_date: text(40),
	ou_publication_date: text(40),
	auspices: text(40),
	publ_period: z.union([z.string().max(40), z.number()]).nullish()
});
const municipalityItem = z.object({ id, title, type: z.string().max(10).nullish() });
const groupItem = z.object({ id, title, members: z.array(z.object({ id, title })).max(1000).nullish() });
const unitItem = z.object({ id, title, municipality: z.string().trim().max(10).nullish() });
const valueItem = z.object({
	gender: z.string().max(4).nullish(),
	value: z.number().nullish(),
	status: z.string().max(100).nullish(),
	count: z.number().nullish()
});
const period = z.union([z.number().int(), z.string().regex(/^\d{4}$/).transform(Number)]);
const municipalityData = z.object({ kpi: id, municipality: id, period, values: z.array(valueItem).max(10) });
const unitData = z.object({ kpi: id, ou: id, period, values: z.array(valueItem).max(10) });

const listAnswer = z.object({
	count: z.number().int().nonnegative().nullish(),
	values: z.array(z.unknown()),
	next_page: z.string().max(4000).nullish(),
	previous_page: z.string().max(4000).nullish()
});

/** The whole catalogue of key figures, every page. */
export async function fetchKpiCatalogue(options: KoladaOptions = {}): Promise<KoladaKpi[]> {
	return (await getList('/kpi', kpiItem, options)).map(toKpi);
}

/** One key figure, or null when Kolada has none by that id. */
export async function fetchKpi(kpiId: string, options: KoladaOptions = {}): Promise<KoladaKpi | null> {
	const [kpi] = await getList(`/kpi/${checked(kpiId, KPI_ID)}`, kpiItem, options);
	return kpi && kpi.id === kpiId ? toKpi(kpi) : null;
}

/** Every municipality and region, Riket ("0000") among them. */
export async function fetchMunicipalities(options: KoladaOptions = {}): Promise<KoladaMunicipality[]> {
	return (await getList('/municipality', municipalityItem, options)).map(toMunicipality);
}

/** Kolada's municipality groups (comparison groups) with their members. */
export async function fetchMunicipalityGroups(options: KoladaOptions = {}): Promise<KoladaMunicipalityGroup[]> {
	return (await getList('/municipality_groups', groupItem, options)).map(toGroup);
}

/** The organisational units (school units among them) of one municipality. */
export async function fetchUnits(municipalityCode: string, options: KoladaOptions = {}): Promise<KoladaUnit[]> {
	const code = checked(municipalityCode, /^\d{4}$/);
	return (await getList(`/ou?${new URLSearchParams({ municipality: code })}`, unitItem, options)).map((item) => toUnit(item, code));
}

/**
 * One figure's values for municipalities (or municipality groups; "0000" is Riket) and years. A year
 * Kolada has not published yet simply has no item.
 */
export async function fetchMunicipalityValues(kpiId: string, municipalityCodes: string[], years: number[], options: KoladaOptions = {}): Promise<KoladaMunicipalityValues[]> {
	const kpi = checked(kpiId, KPI_ID);
	const codes = unique(municipalityCodes).map((code) => checked(code, MUNICIPALITY_ID));
	const items = await getData(codes, checkedYears(years), (ids, periods) => `/data/kpi/${kpi}/municipality/${ids}/year/${periods}`, municipalityData, options);
	return items.map(toMunicipalityValues);
}

/** One figure's values for organisational units and years. */
export async function fetchUnitValues(kpiId: string, ouIds: string[], years: number[], options: KoladaOptions = {}): Promise<KoladaUnitValues[]> {
	const kpi = checked(kpiId, KPI_ID);
	const ids = unique(ouIds).map((ou) => checked(ou, UNIT_ID));
	const items = await getData(ids, checkedYears(years), (part, periods) => `/oudata/kpi/${kpi}/ou/${part}/year/${periods}`, unitData, options);
	return items.map(toUnitValues);
}

/**
 * Kolada's answers as recorded (a list as `/kpi`, `/municipality`, `/municipality_groups`, `/ou`,
 * `/data/…` and `/oudata/…` answer it: `{ count, values }`), validated and read exactly as over HTTP —
 * for a file of recorded answers (the demo's, offline). A list longer than `items` is refused.
 */
export const readRecordedAnswer = {
	kpis: (answer: unknown, items?: number) => recordedItems(answer, kpiItem, items).map(toKpi),
	municipalities: (answer: unknown, items?: number) => recordedItems(answer, municipalityItem, items).map(toMunicipality),
	groups: (answer: unknown, items?: number) => recordedItems(answer, groupItem, items).map(toGroup),
	units: (answer: unknown, items?: number) => recordedItems(answer, unitItem, items).map((item) => toUnit(item, '')),
	municipalityValues: (answer: unknown, items?: number) => recordedItems(answer, municipalityData, items).map(toMunicipalityValues),
	unitValues: (answer: unknown, items?: number) => recordedItems(answer, unitData, items).map(toUnitValues)
};

function recordedItems<S extends z.ZodType>(answer: unknown, schema: S, items: number = KOLADA_LIMITS.items): z.infer<S>[] {
	const list: z.infer<typeof listAnswer> = parse(listAnswer, answer, '');
	if (list.values.length > items) throw new DomainError('error_kolada_unreadable', { detail: `values (${list.values.length})` }, { status: 503 });
	return list.values.map((value, index) => parse(schema, value, `values[${index}]`));
}

const toMunicipality = (item: z.infer<typeof municipalityItem>): KoladaMunicipality => ({ id: item.id, title: item.title, type: item.type ?? '' });
const toGroup = (item: z.infer<typeof groupItem>): KoladaMunicipalityGroup => ({ id: item.id, title: item.title, members: (item.members ?? []).map((one) => ({ id: one.id, title: one.title })) });
const toUnit = (item: z.infer<typeof unitItem>, code: string): KoladaUnit => ({ id: item.id, title: item.title, municipality: item.municipality ?? code });
const toMunicipalityValues = (item: z.infer<typeof municipalityData>): KoladaMunicipalityValues => ({ kpi: item.kpi, municipality: item.municipality, year: item.period, values: toValues(item.values) });
const toUnitValues = (item: z.infer<typeof unitData>): KoladaUnitValues => ({ kpi: item.kpi, ou: item.ou, year: item.period, values: toValues(item.values) });

function toKpi(item: z.infer<typeof kpiItem>): KoladaKpi {
	return {
		id: item.id,
		title: item.title,
		description: item.description ?? '',
		operatingArea: item.operating_area ?? '',
		hasOuData: Boolean(item.has_ou_data),
		isDividedByGender: Boolean(item.is_divided_by_gender),
		municipalityType: item.municipality_type || null,
		publicationDate: item.publication_date || null,
		prelPublicationDate: item.prel_publication_date || null,
		ouPublicationDate: item.ou_publication_date || null,
		auspices: item.auspices || null,
		publPeriod: item.publ_period === null || item.publ_period === undefined || item.publ_period === '' ? null : String(item.publ_period)
	};
}

/** Totals and genders Kolada gives; a gender we do not know (none documented) is left out. */
function toValues(values: z.infer<typeof valueItem>[]): KoladaValue[] {
	return values
		.filter((value): value is typeof value & { gender: KoladaGender } => value.gender === 'T' || value.gender === 'K' || value.gender === 'M')
		.map((value) => ({ gender: value.gender, value: value.value ?? null, status: value.status || null, count: value.count ?? null }));
}

function checked(value: string, pattern: RegExp): string {
	if (typeof value !== 'string' || !pattern.test(value)) throw new DomainError('error_kolada_id_invalid', { id: String(value).slice(0, 40) });
	return value;
}

function checkedYears(years: number[]): number[] {
	for (const year of years) if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new DomainError('error_kolada_id_invalid', { id: String(year).slice(0, 40) });
	return unique(years).sort((a, b) => a - b);
}

/** Every (ids, years) part of at most 25 each, asked a few at a time, in order. */
async function getData<S extends z.ZodType>(ids: string[], years: number[], path: (ids: string, years: string) => string, schema: S, options: KoladaOptions): Promise<z.infer<S>[]> {
	const limits = { ...KOLADA_LIMITS, ...options.limits };
	const parts: string[] = [];
	for (const idPart of chunks(ids, limits.idsPerRequest))
		for (const yearPart of chunks(years, limits.idsPerRequest)) parts.push(path(idPart.map(encodeURIComponent).join(','), yearPart.join(',')));
	const results: z.infer<S>[][] = new Array(parts.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (next < parts.length && !failed) {
			const index = next++;
			try {
				results[index] = await getList(parts[index], schema, options);
			} catch (thrown) {
				failed = true;
				throw thrown;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limits.concurrency, parts.length) }, worker));
	const items = results.flat();
	if (items.length > limits.items) throw new DomainError('error_kolada_unreadable', { detail: `values (${items.length})` }, { status: 503 });
	return items;
}

/** A list, every page: `{ count, values, next_page? }`, `next_page` followed on the same service. */
async function getList<S extends z.ZodType>(path: string, schema: S, options: KoladaOptions): Promise<z.infer<S>[]> {
	const limits = { ...KOLADA_LIMITS, ...options.limits };
	const base = new URL(koladaBaseUrl(options));
	const first = new URL(`${koladaBaseUrl(options)}${path}`);
	if (!first.searchParams.has('per_page')) first.searchParams.set('per_page', String(limits.perPage));
	const items: z.infer<S>[] = [];
	const seen = new Set<string>();
	let url: URL | undefined = first;
	while (url) {
		if (seen.size >= limits.pages) throw new DomainError('error_kolada_too_many_pages', { max: limits.pages }, { status: 503 });
		seen.add(url.href);
		const answer: z.infer<typeof listAnswer> = parse(listAnswer, await getJson(url, limits, options), '');
		answer.values.forEach((value, index) => items.push(parse(schema, value, `values[${index}]`)));
		if (items.length > limits.items) throw new DomainError('error_kolada_unreadable', { detail: `values (${items.length})` }, { status: 503 });
		url = answer.next_page ? nextPage(answer.next_page, base, seen) : undefined;
	}
	return items;
}

/**
 * Kolada's next page is a full address; it is followed only within the base address's service
 * (its path and query on our base's origin, so http/https or a proxy's host name does not matter).
 */
function nextPage(link: string, base: URL, seen: Set<string>): URL {
	let next: URL;
	try {
		next = new URL(link, base);
	} catch {
		throw new DomainError('error_kolada_unreadable', { detail: 'next_page' }, { status: 503 });
	}
	const rebased = new URL(`${next.pathname}${next.search}`, base.origin);
	if (!rebased.pathname.startsWith(base.pathname) || seen.has(rebased.href)) throw new DomainError('error_kolada_unreadable', { detail: 'next_page' }, { status: 503 });
	return rebased;
}

/** One GET, bounded; a 429/5xx answer or a failed connection is tried once more after a pause. */
async function getJson(url: URL, limits: KoladaLimits, options: KoladaOptions): Promise<unknown> {
	const seconds = options.timeoutSeconds ?? limits.timeoutSeconds;
	for (let attempt = 1; ; attempt++) {
		const signal = AbortSignal.timeout(seconds * 1000);
		let response: Response;
		try {
			response = await fetch(url, { signal, redirect: 'error', headers: { accept: 'application/json' } });
		} catch {
			if (signal.aborted) throw new DomainError('error_kolada_timeout', { seconds }, { status: 503 });
			if (attempt === 1) {
				await pause(options.retryDelayMs ?? limits.retryDelayMs);
				continue;
			}
			throw new DomainError('error_kolada_unreachable', { address: url.host }, { status: 503 });
		}
		if (response.ok)
			return readBoundedJson(response, limits.pageBytes, {
				tooLarge: () => new DomainError('error_kolada_too_large', { max: megabytes(limits.pageBytes) }, { status: 503 }),
				interrupted: () =>
					signal.aborted ? new DomainError('error_kolada_timeout', { seconds }, { status: 503 }) : new DomainError('error_kolada_unreachable', { address: url.host }, { status: 503 }),
				unreadable: () => new DomainError('error_kolada_unreadable', { detail: 'JSON' }, { status: 503 })
			});
		await response.body?.cancel().catch(() => undefined);
		const retryable = response.status === 429 || response.status >= 500;
		if (retryable && attempt === 1) {
			const after = Number(response.headers.get('retry-after'));
			await pause(options.retryDelayMs ?? (after > 0 ? Math.min(after, 10) * 1000 : limits.retryDelayMs));
			continue;
		}
		if (response.status === 429) throw new DomainError('error_kolada_rate_limited', {}, { status: 503 });
		throw new DomainError('error_kolada_failed', { status: response.status }, { status: 503 });
	}
}

function parse<S extends z.ZodType>(schema: S, value: unknown, at: string): z.infer<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const path = result.error.issues[0].path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
	throw new DomainError('error_kolada_unreadable', { detail: `${at}${path}`.replace(/^\./, '') || 'JSON' }, { status: 503 });
}

function pause(milliseconds: number): Promise<void> {
	return milliseconds > 0 ? new Promise((resolve) => setTimeout(resolve, milliseconds)) : Promise.resolve();
}

function chunks<T>(values: T[], size: number): T[][] {
	const parts: T[][] = [];
	for (let index = 0; index < values.length; index += size) parts.push(values.slice(index, index + size));
	return parts;
}

function unique<T>(values: T[]): T[] {
	return [...new Set(values)];
}

function megabytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} B`;
}
