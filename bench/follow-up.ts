/**
 * Follow-up under load, on PostgreSQL, through the real server:
 *  1. 200 concurrent clients saving follow-ups (each its own item, SAVES times, every save with
 *     its revision and audit record): as people do it (think time between saves, THINK_MS on
 *     average) and back to back (saturation): throughput and latency percentiles;
 *  2. the overview of a 2,000-item plan with three periods of reports: median and p95.
 *
 *   npx tsx bench/follow-up.ts        (CLIENTS, SAVES, ITEMS, REQUESTS can be set;
 *                                      BENCH_NODE_ARGS="--cpu-prof" profiles the server)
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { systemContext } from '../src/lib/server/shared/context';
import { addAccount } from '../src/lib/server/identity/add-account';
import { createSession, SESSION_COOKIE } from '../src/lib/server/identity/sessions';
import { addPeriod } from '../src/lib/server/follow-up/manage-periods';
import { listScale } from '../src/lib/server/follow-up/scales';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { generatePlan } from './generate-plan';
import { percentile, reportInBulk, waitForServer, scratchDatabase } from './support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CLIENTS = Number(process.env.CLIENTS ?? 200);
const SAVES = Number(process.env.SAVES ?? 10);
const ITEMS = Number(process.env.ITEMS ?? 2000);
const REQUESTS = Number(process.env.REQUESTS ?? 40);
const THINK_MS = Number(process.env.THINK_MS ?? 2000);
const PORT = 3960 + Math.floor(Math.random() * 30);
const base = `http://127.0.0.1:${PORT}`;

const scratch = await scratchDatabase();
const url = new URL(scratch.url);
const server = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'scripts/start.js'], {
	env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: base, DEMO: 'false', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20' },
	stdio: ['ignore', 'inherit', 'inherit']
});
try {
	// Seed: a plan, three periods (two with a report on every followed-up item), a planner's session.
	const database = await openDatabase({ databaseUrl: url.toString() });
	await migrateDatabase(database);
	const db = database.db;
	const tenant = await createTenant(db, 'bench', { slug: 'bench', name: 'Bänkkommun' });
	const ctx = systemContext(tenant.id, 'bench');
	const planId = await generatePlan(db, ctx, ITEMS);
	const account = await addAccount(db, ctx, { email: 'bench@example.se', name: 'Bänk', role: 'planner' });
	const cookie = `${SESSION_COOKIE}=${await createSession(db, tenant.id, account.id)}`;
	const periods = [
		await addPeriod(db, ctx, planId, { name: 'Delår 1', asOf: '2026-04-30', dueOn: '2026-05-15' }),
		await addPeriod(db, ctx, planId, { name: 'Delår 2', asOf: '2026-08-31', dueOn: '2026-09-15' }),
		await addPeriod(db, ctx, planId, { name: 'Helår', asOf: '2026-12-31', dueOn: '2027-01-31' })
	];
	await reportInBulk(db, tenant.id, planId, periods.slice(0, 2).map((id) => ({ id, share: 1 })));
	const data = (await loadPlanData(db, tenant.id, planId))!;
	const statuses = await listScale(db, tenant.id, 'status');
	const levels = new Map(data.framework.levels.map((level) => [level.id, level.followUp]));
	await db.execute(sql`analyze`);
	await database.close();

	await waitForServer(base);

	// 1. Saves into the open third period, by 200 clients each on their own item, two ways:
	//    a. people: each saves, reads for a while (exponential think time, mean THINK_MS) and saves
	//       again, so arrivals do not wait on answers: latency as people feel it;
	//    b. saturation: each saves again the moment the last one is answered: the most saves per
	//       second the server manages (latency there is queueing, not the save).
	const activities = data.nodes.filter((node) => levels.get(node.levelId) === 'status').slice(0, CLIENTS);
	const versions = new Map<string, number>();
	let failures = 0;
	const save = async (node: { id: string }, client: number, round: number): Promise<number> => {
		const version = versions.get(node.id) ?? 0;
		const body = new URLSearchParams({
			periodId: periods[2],
			statusId: statuses[(client + round) % statuses.length].id,
			comment: `Rapport ${round + 1} från klient ${client + 1}.`,
			version: version ? String(version) : ''
		});
		const start = performance.now();
		const response = await fetch(`${base}/plans/${planId}/nodes/${node.id}?/report`, {
			method: 'POST',
			headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body,
			redirect: 'manual'
		});
		const text = await response.text();
		const elapsed = performance.now() - start;
		if (response.status === 303) versions.set(node.id, version + 1);
		else {
			if (failures === 0) console.error('First failed save:', response.status, /class="notice"[^>]*>([^<]*)/.exec(text)?.[1] ?? text.slice(0, 200));
			failures += 1;
		}
		return elapsed;
	};
	const run = async (pause: () => number) => {
		const latencies: number[] = [];
		const started = performance.now();
		await Promise.all(
			activities.map(async (node, client) => {
				await sleep(pause());
				for (let round = 0; round < SAVES; round++) {
					latencies.push(await save(node, client, round));
					await sleep(pause());
				}
			})
		);
		return { latencies, seconds: (performance.now() - started) / 1000 };
	};
	// Saturation first: it also warms the server (compiled code, connections) for the people.
	const saturation = await run(() => 0);
	const people = await run(() => -Math.log(1 - Math.random()) * THINK_MS);

	// 2. The overview with three periods, the last being reported.
	const overview: number[] = [];
	for (let i = 0; i < REQUESTS + 5; i++) {
		const start = performance.now();
		const response = await fetch(`${base}/plans/${planId}/overview?period=${periods[1]}`, { headers: { cookie }, redirect: 'manual' });
		await response.text();
		if (response.status !== 200) throw new Error(`overview answered ${response.status}`);
		if (i >= 5) overview.push(performance.now() - start);
	}

	console.log(`\nFollow-up on PostgreSQL (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version})\n`);
	console.log('| measurement | figure |');
	console.log('|---|---|');
	const figures = ({ latencies, seconds }: { latencies: number[]; seconds: number }) =>
		`${latencies.length} saves in ${seconds.toFixed(1)} s = ${(latencies.length / seconds).toFixed(0)}/s; p50 / p95 / p99 ${[50, 95, 99].map((p) => percentile(latencies, p).toFixed(1)).join(' / ')} ms`;
	console.log(`| ${CLIENTS} people saving, think time ${THINK_MS / 1000} s on average (≈ ${Math.round(CLIENTS / (THINK_MS / 1000))} saves/s offered) | ${figures(people)} |`);
	console.log(`| ${CLIENTS} clients saving back to back (saturation) | ${figures(saturation)} |`);
	console.log(`| failed saves | ${failures} |`);
	console.log(`| overview, ${ITEMS} items, 3 periods: median / p95 | ${percentile(overview, 50).toFixed(1)} / ${percentile(overview, 95).toFixed(1)} ms |`);
} finally {
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	await scratch.drop();
}
