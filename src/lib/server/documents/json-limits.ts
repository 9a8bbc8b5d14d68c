import { DomainError, type Bilingual } from '../shared/domain-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../shared/json-depth';

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

/** Refuses a plan file nested deeper than `max`, before anything walks it. */
export function assertJsonDepth(bytes: Uint8Array, max = MAX_JSON_DEPTH): void {
	if (nestsDeeperThan(bytes, max)) throw new DomainError('error_json_too_deep', { max });
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
