import type { koladaSyncs } from '../db/schema';
import type { IndicatorOutcome } from '../kolada/sync-values';
import { DomainError, type MessageParam } from '../shared/domain-error';
import { messageFor } from './message';

/** Why an indicator could not be filled, in the reader's language (the log keeps the message key and its values). */
export function outcomeError(outcome: Pick<IndicatorOutcome, 'error'>, locale: 'sv' | 'en'): string | null {
	return outcome.error ? messageFor(new DomainError(outcome.error.code, outcome.error.params as Record<string, MessageParam>), locale) : null;
}

/** The log of an organisation's Kolada syncs as admins read it: when, how, what was filled, kept and why something failed. */
export function presentSyncs(rows: (typeof koladaSyncs.$inferSelect)[], locale: 'sv' | 'en') {
	return rows.map((row) => ({
		id: row.id,
		startedAt: row.startedAt.toISOString(),
		finished: row.finishedAt !== null,
		trigger: row.trigger,
		filled: row.filled,
		kept: row.kept,
		failed: row.failed,
		indicators: (row.details as IndicatorOutcome[]).map((outcome) => ({
			name: outcome.name,
			kpi: outcome.kpi,
			place: outcome.place,
			filled: outcome.filled + outcome.updated,
			kept: outcome.kept,
			missing: outcome.missing,
			error: outcomeError(outcome, locale)
		}))
	}));
}
