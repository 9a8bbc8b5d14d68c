import { describe, expect, it } from 'vitest';
import { jobError, jobSummary, presentJobs } from './jobs';

describe('jobs as admins read them', () => {
	it('puts a refusal kept as its message key in the reader language, and leaves plain text as it is', () => {
		const kept = JSON.stringify({ code: 'error_jobs_not_running', params: {} });
		expect(jobError(kept, 'sv')).toBe('Jobbköraren är inte igång i den här servern.');
		expect(jobError(kept, 'en')).toBe('The job runner is not running in this server.');
		expect(jobError('connect ECONNREFUSED 127.0.0.1:2525', 'sv')).toBe('connect ECONNREFUSED 127.0.0.1:2525');
		expect(jobError('{not json', 'sv')).toBe('{not json');
		expect(jobError(null, 'sv')).toBe('');
	});

	it('says what a run did in words, leaving out what it did not do', () => {
		expect(jobSummary({ sent: 3, alreadySent: 1, skipped: 0 }, 'sv')).toBe('skickade 3, redan skickade 1');
		expect(jobSummary({ sent: 0 }, 'en')).toBe('Nothing to do');
		expect(jobSummary({ somethingNew: 2 }, 'en')).toBe('somethingNew 2');
	});

	it('shows the next run in Swedish time, or that the schedule is off, and a failed last run by its reason', () => {
		const failed = { tenantId: 't', id: 'r', job: 'reminders', startedAt: new Date('2026-11-23T06:00:00Z'), finishedAt: null, state: 'failed' as const, attempt: 2, summary: {}, error: 'Mail server down' };
		const [shown] = presentJobs([{ name: 'reminders', next: new Date('2026-11-24T06:00:00Z'), last: failed, failures: [failed] }], 'sv');
		expect(shown.label).toBe('Påminnelser');
		expect(shown.next).toContain('07:00');
		expect(shown.last).toMatchObject({ state: 'failed', stateLabel: 'Misslyckades', attempt: 2, summary: 'Mail server down' });
		expect(shown.failures).toHaveLength(1);
		expect(presentJobs([{ name: 'kolada-sync', next: null, last: null, failures: [] }], 'en')[0]).toMatchObject({ label: 'Kolada figures', next: null, last: null });
	});
});
