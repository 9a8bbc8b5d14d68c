import { PgBoss, fromPglite } from 'pg-boss';
import type { Database, Db } from '../db/client';
import { errorForLog, logger } from '../app/logger';
import { JOB_TIME_ZONE, RETRY, type JobDefinition, type JobName } from './job-definition';
import { finishJobRun, startJobRun } from './job-runs';

export interface JobRunnerOptions {
	jobs: JobDefinition[];
	/** Put the jobs on their schedules (off: they run only when asked, e.g. in test servers). */
	schedule: boolean;
	/** How often an idle worker looks for work, in seconds. */
	pollingIntervalSeconds?: number;
	/** The back-off between retries (tests shorten it). */
	retry?: Partial<typeof RETRY>;
}

export interface JobRunner {
	/** Queues a job for one organisation now; false when one is already waiting for it. */
	runNow(job: JobName, tenantId: string): Promise<boolean>;
	/** What the schedule does when a job's time comes: queue it for each of its organisations. */
	tick(job: JobName): Promise<void>;
	stop(): Promise<void>;
	readonly scheduled: boolean;
}

const tickQueue = (job: JobName) => `${job}.tick`;

/**
 * The job runner: pg-boss, a queue kept in PostgreSQL (schema `pgboss`) — on the production
 * database through its own small pool, on the embedded PGlite in-process through the one
 * connection. Each job has two queues: `<job>.tick`, fired by pg-boss's cron schedule (one firing
 * per slot however many servers run: pg-boss keeps the schedule in the database), whose handler
 * queues `<job>` once per organisation; and `<job>`, worked by every server, one organisation per
 * job, `stately` with the organisation as singleton key so a second tick or server cannot queue the
 * same organisation twice. A failed run is retried with back-off (RETRY); every attempt is a row in
 * job_runs, which admins see (/admin/jobs).
 */
export async function startJobRunner(database: Database, options: JobRunnerOptions): Promise<JobRunner> {
	const boss =
		database.kind === 'pglite' && database.pglite
			? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schema: 'pgboss' })
			: new PgBoss({ connectionString: database.connectionString, schema: 'pgboss', max: 3, application_name: 'styrkedjan-jobs' });
	boss.on('error', (error: unknown) => logger.warn({ err: errorForLog(error) }, 'Job runner: error'));
	await boss.start();
	const db = database.db;
	const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
	for (const job of options.jobs) {
		await boss.createQueue(tickQueue(job.name), { policy: 'short' });
		await boss.createQueue(job.name, { policy: 'stately', expireInSeconds: 1800, ...RETRY, ...options.retry });
		await boss.work<object>(tickQueue(job.name), polling, async () => {
			// One job per organisation per slot: a second tick in the same ten minutes (another server's, a retry) queues nothing.
			for (const tenantId of await job.tenants(db)) await boss.send(job.name, { tenantId }, { singletonKey: tenantId, singletonSeconds: 600 });
		});
		await boss.work<{ tenantId: string; byHand?: boolean }>(job.name, { ...polling, includeMetadata: true }, async ([queued]) => {
			await runForTenant(db, job, queued.data.tenantId, queued.retryCount + 1, new Date(), { byHand: queued.data.byHand === true });
		});
		if (options.schedule) await boss.schedule(tickQueue(job.name), job.cron, null, { tz: JOB_TIME_ZONE });
		else await boss.unschedule(tickQueue(job.name));
	}
	return {
		scheduled: options.schedule,
		async tick(job) {
			await boss.send(tickQueue(job));
		},
		async runNow(job, tenantId) {
			return (await boss.send(job, { tenantId, byHand: true }, { singletonKey: tenantId })) !== null;
		},
		async stop() {
			await boss.stop({ graceful: true, timeout: 10_000, close: true });
		}
	};
}

/** One attempt for one organisation, recorded before it starts and when it ends; a failure is rethrown for pg-boss to retry. */
export async function runForTenant(
	db: Db,
	job: JobDefinition,
	tenantId: string,
	attempt: number,
	now = new Date(),
	options = { byHand: false }
): Promise<Record<string, number>> {
	const runId = await startJobRun(db, tenantId, job.name, attempt);
	try {
		const summary = await job.run(db, tenantId, now, options);
		await finishJobRun(db, tenantId, runId, { summary });
		return summary;
	} catch (thrown) {
		logger.warn({ job: job.name, tenantId, attempt, err: errorForLog(thrown) }, 'Job failed');
		await finishJobRun(db, tenantId, runId, { failure: thrown });
		throw thrown;
	}
}
