import type { Db } from '../db/client';
import type { JobName } from './job-definition';
import { recentJobRuns, type JobRun } from './job-runs';
import { JOBS } from './jobs';
import { nextRun } from './next-run';

export interface JobOverview {
	name: JobName;
	/** When it next runs on its schedule (null: the schedule is off in this server). */
	next: Date | null;
	last: JobRun | null;
	/** This organisation's failed attempts among its latest runs. */
	failures: JobRun[];
}

/** What admins see of each job for their organisation: next run, last run, recent failures. */
export async function jobsOverview(db: Db, tenantId: string, scheduled: boolean, now = new Date()): Promise<JobOverview[]> {
	return Promise.all(
		JOBS.map(async (job) => {
			const runs = await recentJobRuns(db, tenantId, job.name, 20);
			return { name: job.name, next: scheduled ? nextRun(job.cron, now) : null, last: runs[0] ?? null, failures: runs.filter((run) => run.state === 'failed').slice(0, 5) };
		})
	);
}
