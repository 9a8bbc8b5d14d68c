import { DomainError, type Bilingual } from '../shared/domain-error';

/**
 * How deep an interchange file may nest. Every item level adds two (its object and its children),
 * so this leaves room for some thirty item levels, far more than any steering model has, while a
 * file nested 100,000 deep is refused before anything walks it recursively.
 */
export const MAX_JSON_DEPTH = 64;

/** The most a plan file may hold: a plan is read in one request and written in one transaction. */
export const PLAN_DOCUMENT_LIMITS = {
	items: 10_000,
	indicators: 20_000,
	chapters: 500,
	levels: 50,
	periods: 100,
	followUps: 100_000,
	measurements: 100_000
} as const;

const WHAT: Record<keyof typeof PLAN_DOCUMENT_LIMITS, Bilingual> = {
	items: { sv: 'punkter', en: 'items' },
	indicators: { sv: 'indikatorer', en: 'indicators' },
	chapters: { sv: 'kapitel', en: 'chapters' },
	levels: { sv: 'nivåer i styrmodellen', en: 'steering model levels' },
	periods: { sv: 'perioder', en: 'periods' },
	followUps: { sv: 'uppföljningar', en: 'follow-up reports' },
	measurements: { sv: 'utfall', en: 'outcomes' }
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/**
 * Refuses JSON nested deeper than `max`, in one pass over the bytes without parsing: brackets inside
 * strings are skipped (quotes, backslashes and brackets are ASCII, so UTF-8 cannot hide one).
 * Malformed JSON passes here and is refused by the parser.
 */
export function assertJsonDepth(bytes: Uint8Array, max = MAX_JSON_DEPTH): void {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < bytes.length; index += 1) {
		const byte = bytes[index];
		if (inString) {
			if (byte === BACKSLASH) index += 1;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) {
			inString = true;
		} else if (OPENERS.has(byte)) {
			depth += 1;
			if (depth > max) throw new DomainError('error_json_too_deep', { max });
		} else if (CLOSERS.has(byte)) {
			depth -= 1;
		}
	}
}

/** Counts what a parsed (not yet validated) plan file holds and refuses one beyond the limits. */
export function assertPlanDocumentSize(parsed: unknown): void {
	const document = record(parsed);
	const counts: Record<keyof typeof PLAN_DOCUMENT_LIMITS, number> = {
		items: 0,
		indicators: 0,
		chapters: list(document.chapters).length,
		levels: list(record(document.framework).levels).length,
		periods: list(document.periods).length,
		followUps: list(document.followUps).length,
		measurements: list(document.measurements).length
	};
	// Depth is bounded already; a list of pending items keeps this free of recursion all the same.
	const pending = [list(document.tree)];
	while (pending.length) {
		for (const item of pending.pop()!) {
			const node = record(item);
			counts.items += 1;
			counts.indicators += list(node.indicators).length;
			pending.push(list(node.children));
		}
	}
	for (const key of Object.keys(PLAN_DOCUMENT_LIMITS) as (keyof typeof PLAN_DOCUMENT_LIMITS)[]) {
		if (counts[key] > PLAN_DOCUMENT_LIMITS[key]) {
			throw new DomainError('error_json_too_many', { what: WHAT[key], count: counts[key], max: PLAN_DOCUMENT_LIMITS[key] }, { status: 413 });
		}
	}
}

function record(value: unknown): Record<string, unknown> {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}
