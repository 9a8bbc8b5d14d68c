import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jobRuns } from '../db/schema';
import { DomainError } from '../shared/domain-error';
import type { JobName } from './job-definition';

export type JobRun = typeof jobRuns.$inferSelect;

/** A run begins: written at once (not in the job's own transactions) so admins see a run that hangs or dies. */
export async function startJobRun(db: Db, tenantId: string, job: JobName, attempt: number): Promise<string> {
	const [row] = await db.insert(jobRuns).values({ tenantId, job, attempt }).returning({ id: jobRuns.id });
	return row.id;
}

/** A run ends: with what it did, or with what made it fail (see failureText). */
export async function finishJobRun(db: Db, tenantId: string, id: string, outcome: { summary: Record<string, number> } | { failure: unknown }): Promise<void> {
	await db
		.update(jobRuns)
		.set(
			'failure' in outcome
				? { state: 'failed', error: failureText(outcome.failure).slice(0, 2000), finishedAt: sql`now()` }
				: { state: 'done', summary: outcome.summary, finishedAt: sql`now()` }
		)
		.where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.id, id)));
}

/** An organisation's latest runs of a job, newest first. */
export function recentJobRuns(db: Db, tenantId: string, job: JobName, limit = 10): Promise<JobRun[]> {
	return db
		.select()
		.from(jobRuns)
		.where(and(eq(jobRuns.tenantId, tenantId), eq(jobRuns.job, job)))
		.orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
		.limit(limit);
}

/** A refusal with a message key is kept as its key and values, so admins read it in their own language. */
function failureText(thrown: unknown): string {
	return thrown instanceof DomainError ? JSON.stringify({ code: thrown.code, params: thrown.params }) : thrown instanceof Error ? thrown.message : String(thrown);
}
