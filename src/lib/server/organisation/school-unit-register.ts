import { z } from 'zod';
import { assertJsonDepth } from '../documents/json-limits';
import { DomainError } from '../shared/domain-error';
import { readBoundedJson } from '../shared/bounded-json';

/**
 * Skolverket's school unit register (Skolenhetsregistret, open API v2): the register's school units
 * of one organiser, by municipality code or by the principal organiser's organisation number, read
 * from the service (`SKOLVERKET_URL`) or from a file of the same JSON. Every answer is bounded before
 * it is read (bytes, nesting, number of units) and validated; a failure is a DomainError in the
 * user's language and nothing is changed. The register's list gives code, name and status; the
 * school forms and municipality come from each unit's own answer (`/school-units/{code}`).
 */

export const DEFAULT_SKOLVERKET_URL = 'https://api.skolverket.se/skolenhetsregistret/v2';

export const REGISTER_LIMITS = {
	/** Seconds one request (answer and body) may take. */
	timeoutSeconds: 10,
	/** Bytes of the list answer: a municipality's units are some 100 bytes each. */
	listBytes: 2 * 1024 * 1024,
	/** Bytes of one unit's answer (addresses, contacts, forms). */
	unitBytes: 256 * 1024,
	/** Units in one import: more than any organiser has. */
	units: 2000,
	/** Bytes of an uploaded file of the register's JSON (all details inline). */
	fileBytes: 8 * 1024 * 1024,
	/** Unit answers fetched at once. */
	concurrency: 8
} as const;

/** The register's statuses; a unit that has ceased is UPPHORT. The list leaves UPPHORT out unless asked. */
export const REGISTER_STATUSES = ['AKTIV', 'VILANDE', 'UPPHORT', 'PLANERAD'] as const;
export const CLOSED_STATUS = 'UPPHORT';

/** A school unit as the register gives it, in our words. */
export interface RegisterUnit {
	/** Skolenhetskod, 8 digits. */
	code: string;
	name: string;
	status: string;
	/** The register's school form codes (GR, FKLASS, FTH, GY, …). */
	schoolForms: string[];
	municipalityCode: string | null;
	/** Set when the register says the unit has ceased: its end date, else the day the register was read. */
	closedOn: string | null;
}

export type RegisterQuery = { municipalityCode: string } | { organisationNumber: string };

export interface RegisterOptions {
	baseUrl?: string;
	timeoutSeconds?: number;
	/** The day to record as closing day when the register gives none (tests). */
	today?: string;
}

const code = z.string().regex(/^\d{8}$/);
const unitName = z.string().trim().min(1).max(200);
const status = z.string().trim().min(1).max(40);
const schoolForm = z.string().regex(/^[A-Z]{1,12}$/);
const municipality = z.string().regex(/^\d{4}$/);
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

/** `/school-units`: `{ meta, data: { type, attributes: [{ schoolUnitCode, name, status }] } }`. */
const listItem = z.object({
	schoolUnitCode: code,
	name: unitName.optional(),
	displayName: unitName.optional(),
	status,
	// Not in the list's documented items; read when a file carries them (no detail call for those).
	schoolTypes: z.array(schoolForm).max(20).optional(),
	municipalityCode: municipality.nullish(),
	endDate: dateText.nullish()
});
const listAnswer = z.object({
	meta: z.object({ extractDate: z.string().max(40).nullish() }).nullish(),
	data: z.object({ attributes: z.array(listItem) })
});

/** `/school-units/{code}`: `{ meta, data: { type, schoolUnitCode, attributes: { displayName, status, schoolTypes, municipalityCode, … } } }`. */
const unitAnswer = z.object({
	meta: z.object({ extractDate: z.string().max(40).nullish() }).nullish(),
	data: z.object({
		schoolUnitCode: code,
		attributes: z.object({
			displayName: unitName.optional(),
			name: unitName.optional(),
			status,
			schoolTypes: z.array(schoolForm).max(20).nullish(),
			municipalityCode: municipality.nullish(),
			endDate: dateText.nullish()
		})
	})
});

/** Ten digits; written with a hyphen (212000-1280) too. */
export function normaliseOrganisationNumber(value: string): string | undefined {
	const digits = value.replace(/[\s-]/g, '');
	return /^\d{10}$/.test(digits) ? digits : undefined;
}

export function registerBaseUrl(options: RegisterOptions = {}): string {
	return (options.baseUrl ?? process.env.SKOLVERKET_URL ?? DEFAULT_SKOLVERKET_URL).replace(/\/+$/, '');
}

/** The organiser's school units from the register (every status, so ceased units are seen too). */
export async function fetchRegisterUnits(query: RegisterQuery, options: RegisterOptions = {}): Promise<RegisterUnit[]> {
	const base = registerBaseUrl(options);
	const search = new URLSearchParams();
	if ('municipalityCode' in query) search.append('municipality_code', query.municipalityCode);
	else search.append('organization_number', query.organisationNumber);
	for (const value of REGISTER_STATUSES) search.append('status', value);
	const list = parse(listAnswer, await getJson(`${base}/school-units?${search}`, REGISTER_LIMITS.listBytes, options), 'error_register_malformed');
	const items = unique(list.data.attributes, (item) => item.schoolUnitCode);
	if (items.length > REGISTER_LIMITS.units) throw tooMany(items.length);
	const units: RegisterUnit[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			const answer = await getJson(`${base}/school-units/${items[index].schoolUnitCode}`, REGISTER_LIMITS.unitBytes, options);
			units[index] = fromUnitAnswer(parse(unitAnswer, answer, 'error_register_malformed'), options);
		}
	};
	await Promise.all(Array.from({ length: Math.min(REGISTER_LIMITS.concurrency, items.length) }, worker));
	return units;
}

/**
 * The register's units an admin asked for, as the page and the CLI take the request: a file when one
 * is given, else by municipality code, else by organisation number (each checked, with its field named).
 */
export async function registerUnitsFor(
	source: { file?: Uint8Array; municipalityCode?: string; organisationNumber?: string },
	options: RegisterOptions = {}
): Promise<RegisterUnit[]> {
	if (source.file?.length) return readRegisterFile(source.file, options);
	const municipalityCode = source.municipalityCode?.trim();
	const organisation = source.organisationNumber?.trim();
	if (municipalityCode) {
		if (!municipality.safeParse(municipalityCode).success) throw new DomainError('error_municipality_code_invalid', {}, { field: 'municipalityCode' });
		return fetchRegisterUnits({ municipalityCode }, options);
	}
	if (organisation) {
		const organisationNumber = normaliseOrganisationNumber(organisation);
		if (!organisationNumber) throw new DomainError('error_organisation_number_invalid', {}, { field: 'organisationNumber' });
		return fetchRegisterUnits({ organisationNumber }, options);
	}
	throw new DomainError('error_register_choose_source', {}, { field: 'municipalityCode' });
}

/**
 * A file of the register's JSON: an answer from `/school-units` (its items may carry `schoolTypes`,
 * `municipalityCode`, `endDate`), one answer from `/school-units/{code}`, or a list of those.
 * Anything else is refused with what was expected.
 */
export function readRegisterFile(bytes: Uint8Array, options: RegisterOptions = {}): RegisterUnit[] {
	assertRegisterFileSize(bytes.length);
	assertJsonDepth(bytes);
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
	} catch {
		throw fileFormat('JSON');
	}
	if (Array.isArray(parsed)) {
		if (parsed.length > REGISTER_LIMITS.units) throw tooMany(parsed.length);
		const answers = parse(z.array(unitAnswer), parsed, 'error_school_unit_file_format');
		return unique(answers.map((answer) => fromUnitAnswer(answer, options)), (unit) => unit.code);
	}
	const single = unitAnswer.safeParse(parsed);
	if (single.success) return [fromUnitAnswer(single.data, options)];
	const items = (parsed as { data?: { attributes?: unknown } } | null)?.data?.attributes;
	if (Array.isArray(items) && items.length > REGISTER_LIMITS.units) throw tooMany(items.length);
	const list = parse(listAnswer, parsed, 'error_school_unit_file_format');
	return unique(
		list.data.attributes.map((item) =>
			toUnit(item.schoolUnitCode, item.displayName ?? item.name, item.status, item.schoolTypes ?? [], item.municipalityCode ?? null, item.endDate ?? null, list.meta?.extractDate, options)
		),
		(unit) => unit.code
	);
}

/** Refuses a file over the limit, before it is read. */
export function assertRegisterFileSize(bytes: number): void {
	if (bytes > REGISTER_LIMITS.fileBytes) throw new DomainError('error_register_file_too_large', { max: megabytes(REGISTER_LIMITS.fileBytes) }, { status: 413, field: 'file' });
}

function fromUnitAnswer(answer: z.infer<typeof unitAnswer>, options: RegisterOptions): RegisterUnit {
	const { attributes } = answer.data;
	return toUnit(
		answer.data.schoolUnitCode,
		attributes.displayName ?? attributes.name,
		attributes.status,
		attributes.schoolTypes ?? [],
		attributes.municipalityCode ?? null,
		attributes.endDate ?? null,
		answer.meta?.extractDate,
		options
	);
}

function toUnit(
	unitCode: string,
	name: string | undefined,
	unitStatus: string,
	forms: string[],
	municipalityCode: string | null,
	endDate: string | null,
	extractDate: string | null | undefined,
	options: RegisterOptions
): RegisterUnit {
	if (!name) throw new DomainError('error_register_malformed', { detail: `${unitCode}: name` }, { status: 503 });
	const closed = unitStatus === CLOSED_STATUS;
	const day = (text: string | null | undefined) => (text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined);
	return {
		code: unitCode,
		name,
		status: unitStatus,
		schoolForms: [...new Set(forms)],
		municipalityCode,
		closedOn: closed ? (day(endDate) ?? day(extractDate) ?? options.today ?? new Date().toISOString().slice(0, 10)) : null
	};
}

/** One GET, bounded: a timeout over answer and body, the body read up to `maxBytes` and no further. */
async function getJson(url: string, maxBytes: number, options: RegisterOptions): Promise<unknown> {
	const seconds = options.timeoutSeconds ?? REGISTER_LIMITS.timeoutSeconds;
	const signal = AbortSignal.timeout(seconds * 1000);
	const timedOut = () => new DomainError('error_register_timeout', { seconds }, { status: 503 });
	let response: Response | undefined;
	// A GET is tried twice when the connection fails (a kept-alive connection the server just closed).
	for (let attempt = 1; !response; attempt++) {
		try {
			response = await fetch(url, { signal, redirect: 'error', headers: { accept: 'application/json' } });
		} catch {
			if (signal.aborted) throw timedOut();
			if (attempt === 2) throw new DomainError('error_register_unreachable', { address: new URL(url).host }, { status: 503 });
		}
	}
	if (!response.ok) {
		await response.body?.cancel().catch(() => undefined);
		throw new DomainError('error_register_failed', { status: response.status }, { status: 503 });
	}
	return readBoundedJson(response, maxBytes, {
		tooLarge: () => new DomainError('error_register_too_large', { max: megabytes(maxBytes) }, { status: 503 }),
		interrupted: () => (signal.aborted ? timedOut() : new DomainError('error_register_unreachable', { address: new URL(url).host }, { status: 503 })),
		unreadable: () => new DomainError('error_register_malformed', { detail: 'JSON' }, { status: 503 })
	});
}

function parse<S extends z.ZodType>(schema: S, value: unknown, errorCode: 'error_register_malformed' | 'error_school_unit_file_format'): z.infer<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const detail = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '') || 'JSON';
	if (errorCode === 'error_school_unit_file_format') throw fileFormat(detail);
	throw new DomainError(errorCode, { detail }, { status: 503 });
}

function fileFormat(detail: string) {
	return new DomainError('error_school_unit_file_format', { detail }, { field: 'file' });
}

function tooMany(count: number) {
	return new DomainError('error_register_too_many', { count, max: REGISTER_LIMITS.units }, { status: 413 });
}

function unique<T>(values: T[], key: (value: T) => string): T[] {
	const seen = new Map<string, T>();
	for (const value of values) if (!seen.has(key(value))) seen.set(key(value), value);
	return [...seen.values()];
}

function megabytes(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} kB`;
}
