import { m } from '../../paraglide/messages.js';
import type { JobName } from '../jobs/job-definition';
import type { JobOverview } from '../jobs/jobs-overview';
import type { JobRun } from '../jobs/job-runs';
import { DomainError, type MessageParam } from '../shared/domain-error';
import { messageFor } from './message';

type Locale = 'sv' | 'en';

const NAMES: Record<JobName, (locale: Locale) => string> = {
	reminders: (locale) => m.job_name_reminders({}, { locale }),
	'weekly-digest': (locale) => m.job_name_weekly_digest({}, { locale }),
	'kolada-sync': (locale) => m.job_name_kolada_sync({}, { locale })
};
const SCHEDULES: Record<JobName, (locale: Locale) => string> = {
	reminders: (locale) => m.job_schedule_reminders({}, { locale }),
	'weekly-digest': (locale) => m.job_schedule_weekly_digest({}, { locale }),
	'kolada-sync': (locale) => m.job_schedule_kolada_sync({}, { locale })
};

export function jobName(name: JobName, locale: Locale): string {
	return NAMES[name](locale);
}

const when = (date: Date, locale: Locale) =>
	new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(date);

const stateLabel = (state: JobRun['state'], locale: Locale) =>
	state === 'done' ? m.job_state_done({}, { locale }) : state === 'failed' ? m.job_state_failed({}, { locale }) : m.job_state_running({}, { locale });

/** A run's error as admins read it: a refusal kept as its message key and values is put in their language. */
export function jobError(error: string | null, locale: Locale): string {
	if (!error) return '';
	if (error.startsWith('{')) {
		try {
			const { code, params } = JSON.parse(error) as { code: string; params: Record<string, MessageParam> };
			return messageFor(new DomainError(code, params), locale);
		} catch {
			/* plain text that happens to start with a brace */
		}
	}
	return error;
}

/** What a run did, in words: "sent 3, already sent 1". Counts of zero are left out. */
export function jobSummary(summary: Record<string, number>, locale: Locale): string {
	const parts = Object.entries(summary)
		.filter(([, count]) => count > 0)
		.map(([key, count]) => m.job_summary_count({ what: summaryWord(key, locale), count }, { locale }));
	return parts.length ? parts.join(', ') : m.job_summary_nothing({}, { locale });
}

function summaryWord(key: string, locale: Locale): string {
	const words: Record<string, () => string> = {
		sent: () => m.job_word_sent({}, { locale }),
		alreadySent: () => m.job_word_already_sent({}, { locale }),
		skipped: () => m.job_word_skipped({}, { locale }),
		optedOut: () => m.job_word_opted_out({}, { locale }),
		failed: () => m.job_word_failed({}, { locale }),
		filled: () => m.job_word_filled({}, { locale }),
		kept: () => m.job_word_kept({}, { locale }),
		alreadyRun: () => m.job_word_already_run({}, { locale }),
		nothing: () => m.job_word_nothing({}, { locale })
	};
	return words[key]?.() ?? key;
}

/** The jobs page's rows. */
export function presentJobs(jobs: JobOverview[], locale: Locale) {
	return jobs.map((job) => ({
		name: job.name,
		label: jobName(job.name, locale),
		schedule: SCHEDULES[job.name](locale),
		next: job.next ? when(job.next, locale) : null,
		last: job.last
			? { when: when(job.last.startedAt, locale), state: job.last.state, stateLabel: stateLabel(job.last.state, locale), attempt: job.last.attempt, summary: job.last.state === 'done' ? jobSummary(job.last.summary, locale) : jobError(job.last.error, locale) }
			: null,
		failures: job.failures.map((run) => ({ id: run.id, when: when(run.startedAt, locale), attempt: run.attempt, error: jobError(run.error, locale) }))
	}));
}
