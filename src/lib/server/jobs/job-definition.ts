import type { Db } from '../db/client';

/** The jobs Styrkedjan runs in the background, each for one organisation at a time. */
export const JOB_NAMES = ['reminders', 'weekly-digest', 'kolada-sync'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * What a job is: when it runs (a cron expression in Swedish time), for which organisations, and what
 * it does for one of them. `run` must be idempotent — a retry, or a second server, may run it again
 * for the same organisation — and throws when part of the work failed, so the runner retries it.
 * What it returns (counts: { sent: 3 }) is shown to admins.
 */
export interface JobDefinition {
	name: JobName;
	/** Minute hour day month weekday, Europe/Stockholm. Runs are spread over hours so a down server catches up. */
	cron: string;
	/** The organisations to run for now (e.g. those with a municipality chosen for Kolada). */
	tenants(db: Db): Promise<string[]>;
	/** `byHand`: an admin asked for it now ("Kör nu") rather than the schedule; a job may then skip what waits for its hour. */
	run(db: Db, tenantId: string, now: Date, options: { byHand: boolean }): Promise<Record<string, number>>;
}

export const JOB_TIME_ZONE = 'Europe/Stockholm';

/** Retries: 5 more tries after a failure, after about 1, 2, 4, 8 and 16 minutes (pg-boss's back-off, with jitter), at most an hour apart. */
export const RETRY: { retryLimit: number; retryDelay: number; retryBackoff: boolean; retryDelayMax: number } = { retryLimit: 5, retryDelay: 60, retryBackoff: true, retryDelayMax: 3600 };
