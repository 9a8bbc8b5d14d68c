import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerDatabase } from '../testing/test-database';
import { createTestOrganisation } from '../testing/factories';
import type { Database } from '../db/client';
import type { JobDefinition } from './job-definition';
import { startJobRunner, type JobRunner } from './job-runner';
import { recentJobRuns } from './job-runs';
import { nextRun } from './next-run';

/**
 * The real runner (pg-boss on this database: its own pool on PostgreSQL, the one connection on
 * PGlite) with a job of the test's own whose first attempts fail: it is retried with back-off,
 * every attempt is recorded for admins, and a second tick (as from a second server) queues an
 * organisation that is already waiting no second time.
 */
const until = async (check: () => Promise<boolean>, what: string) => {
	for (let tries = 0; tries < 600; tries++) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`Never happened: ${what}`);
};

describe('job runner', () => {
	let database: Database;
	let runner: JobRunner;
	let tenants: string[] = [];
	const calls = new Map<string, number>();
	const failFirst = new Map<string, number>();
	const job: JobDefinition = {
		name: 'reminders',
		cron: '0 7 * * *',
		tenants: async () => tenants,
		async run(_db, tenantId) {
			const count = (calls.get(tenantId) ?? 0) + 1;
			calls.set(tenantId, count);
			if (count <= (failFirst.get(tenantId) ?? 0)) throw new Error(`The mail server did not answer (attempt ${count})`);
			return { sent: 2, skipped: 1 };
		}
	};

	beforeAll(async () => {
		database = await workerDatabase();
		runner = await startJobRunner(database, { jobs: [job], schedule: false, pollingIntervalSeconds: 0.5, retry: { retryDelay: 1, retryDelayMax: 2 } });
	});
	afterAll(async () => {
		await runner?.stop();
	});

	it('retries a failing run with back-off and records every attempt', async () => {
		const org = await createTestOrganisation(database.db);
		failFirst.set(org.tenant.id, 2);
		expect(await runner.runNow('reminders', org.tenant.id)).toBe(true);
		await until(async () => (await recentJobRuns(database.db, org.tenant.id, 'reminders')).some((run) => run.state === 'done'), 'a successful run');
		const runs = (await recentJobRuns(database.db, org.tenant.id, 'reminders')).reverse();
		expect(runs.map((run) => [run.attempt, run.state])).toEqual([
			[1, 'failed'],
			[2, 'failed'],
			[3, 'done']
		]);
		expect(runs[0].error).toContain('The mail server did not answer');
		expect(runs[2].summary).toEqual({ sent: 2, skipped: 1 });
	});

	it('runs each organisation once per slot, however many servers tick', async () => {
		const [a, b] = [await createTestOrganisation(database.db), await createTestOrganisation(database.db)];
		tenants = [a.tenant.id, b.tenant.id];
		const second = await startJobRunner(database, { jobs: [job], schedule: false, pollingIntervalSeconds: 0.5 });
		try {
			await runner.tick('reminders');
			await until(async () => calls.has(a.tenant.id) && calls.has(b.tenant.id), 'both organisations run');
			// The second server's tick for the same slot comes after the first runs are done: still nothing more.
			await Promise.all([second.tick('reminders'), runner.tick('reminders')]);
			await new Promise((resolve) => setTimeout(resolve, 3000));
		} finally {
			await second.stop();
		}
		expect(calls.get(a.tenant.id)).toBe(1);
		expect(calls.get(b.tenant.id)).toBe(1);
		expect((await recentJobRuns(database.db, a.tenant.id, 'reminders')).map((run) => run.state)).toEqual(['done']);
	});

	it('tells when a schedule next fires, in Swedish time', () => {
		// 06:30 UTC on a winter Monday is 07:30 in Stockholm: the next 07:00 is Tuesday's.
		expect(nextRun('0 7 * * *', new Date('2026-11-23T06:30:00Z')).toISOString()).toBe('2026-11-24T06:00:00.000Z');
	});
});
