import { z } from 'zod';
import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import { authorize } from '../policies';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { JOB_NAMES } from './job-definition';
import type { JobRunner } from './job-runner';

const input = z.object({ job: z.enum(JOB_NAMES) });

/**
 * An admin runs a job for the organisation now instead of waiting for its schedule: it is queued
 * (the runner takes it within seconds) and audited. 'queued', or 'waiting' when one already waits.
 */
export async function runJobNow(db: Db, ctx: Ctx, runner: JobRunner | undefined, values: unknown): Promise<'queued' | 'waiting'> {
	authorize(ctx.actor, 'jobs.manage');
	const { job } = parseInput(input, values, { job: { sv: 'Jobb', en: 'Job' } });
	if (!runner) throw new DomainError('error_jobs_not_running');
	const queued = await runner.runNow(job, ctx.tenantId);
	if (queued) await db.transaction((tx) => recordAudit(tx, ctx, { action: 'job.run', entityType: 'tenant', entityId: ctx.tenantId, after: { job } }));
	return queued ? 'queued' : 'waiting';
}
