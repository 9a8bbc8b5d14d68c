import type { Database, Db } from '../db/client';
import { logger } from '../app/logger';
import { koladaTenants, syncKoladaTonight } from '../kolada/kolada-schedule';
import { sendReminders } from '../reminders/send-reminders';
import { sendWeeklyDigests } from '../reminders/send-weekly-digests';
import { listTenants } from '../organisation/organisation-repository';
import type { JobDefinition, JobName } from './job-definition';
import { startJobRunner, type JobRunner } from './job-runner';

/** Kolada's figures for the organisations that chose a municipality, each night from 03:00 (03–06 catches a server that was down). */
const koladaSync: JobDefinition = {
	name: 'kolada-sync',
	cron: '15 3-6 * * *',
	tenants: (db) => koladaTenants(db),
	run: (db, tenantId, now, options) => syncKoladaTonight(db, tenantId, now, options)
};

const everyOrganisation = async (db: Db) => (await listTenants(db)).map((tenant) => tenant.id);

/**
 * Reminders before a period's due date and when it is overdue: every weekday hour 07–18, so they go
 * out in the morning and a server that was down catches up; each mail goes once (reminder_mails).
 */
const reminders: JobDefinition = {
	name: 'reminders',
	cron: '0 7-18 * * 1-5',
	tenants: everyOrganisation,
	run: (db, tenantId, now) => sendReminders(db, tenantId, { now })
};

/** The strategists' weekly digest: Monday morning, or the first weekday hour after it the server is up (once per week). */
const weeklyDigest: JobDefinition = {
	name: 'weekly-digest',
	cron: '30 7-18 * * 1-5',
	tenants: everyOrganisation,
	run: (db, tenantId, now) => sendWeeklyDigests(db, tenantId, { now })
};

/** Every job Styrkedjan runs, in the order admins see them. */
export const JOBS: JobDefinition[] = [reminders, weeklyDigest, koladaSync];

export function jobDefinition(name: JobName): JobDefinition | undefined {
	return JOBS.find((job) => job.name === name);
}

let runner: JobRunner | undefined;

/**
 * Starts the job runner with the server. JOB_SCHEDULE=off keeps the jobs off their schedules (test
 * servers; a site that runs them from the CLI): they still run when an admin asks.
 */
export async function startJobs(database: Database, env: NodeJS.ProcessEnv = process.env): Promise<JobRunner> {
	runner ??= await startJobRunner(database, { jobs: JOBS, schedule: env.JOB_SCHEDULE !== 'off' });
	logger.info({ scheduled: runner.scheduled, jobs: JOBS.map((job) => job.name) }, 'Job runner started');
	return runner;
}

/** The running job runner, if the server started one. */
export function jobRunner(): JobRunner | undefined {
	return runner;
}

export async function stopJobs(): Promise<void> {
	await runner?.stop();
	runner = undefined;
}
