/**
 * Follow-up saves and the overview, on PostgreSQL, through the real server (`npm start`):
 *
 *  1. Open-loop load: saves arrive at a fixed rate, Poisson (exponential gaps), whatever the server's
 *     answers do, each on an item nobody is saving at that moment (a report at its current version,
 *     so none is refused as stale). For every offered rate: the rate actually sent and the rate
 *     answered beside it, latency percentiles, failures. A warm-up at the first rate comes first and
 *     is not counted.
 *  2. Saturation: CONCURRENCY clients saving back to back (closed loop), after its own warm-up: the
 *     most saves per second the server manages on this machine.
 *  3. CPU per save, honest on a busy machine: (Δ server process CPU + Δ CPU of the PostgreSQL backends
 *     of the bench's database, both from /proc) ÷ saves, and the load client's own CPU apart.
 *  4. The yardstick: pgbench's simple-update transaction (update an account, read it, insert a history
 *     row: a write with its history, like a save) in the same database, same run, same concurrency,
 *     prepared statements: transactions per second and CPU per transaction; the ratio is printed.
 *  5. The overview of the plan with three periods of reports (sequential GETs after 5 warm-up).
 *
 *   npx tsx bench/follow-up.ts
 *   TENANTS=200 ITEMS=500 npx tsx bench/follow-up.ts     (N organisations, each its plan; saves spread over all)
 *
 * Settings: TENANTS (1), ITEMS per plan (2000), RATES offered saves/s ("50,100,200"), SECONDS per rate
 * (10), WARMUP_SECONDS (5), CONCURRENCY for saturation and pgbench (16), SATURATION_SECONDS (10),
 * REQUESTS overview (40), DATABASE_POOL_SIZE (20), BENCH_NODE_ARGS ("--cpu-prof" profiles the server),
 * PGBENCH=off (the yardstick through node-postgres even where pgbench is installed).
 * The database is PostgreSQL from BENCH_DATABASE_URL (default the local server, which must be on this
 * machine for the CPU accounting).
 */
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { systemContext } from '../src/lib/server/shared/context';
import { addAccount } from '../src/lib/server/identity/add-account';
import { createSession, SESSION_COOKIE } from '../src/lib/server/identity/sessions';
import { addPeriod } from '../src/lib/server/follow-up/manage-periods';
import { listScale } from '../src/lib/server/follow-up/scales';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { generatePlan } from './generate-plan';
import { backendCpu, childrenCpuMs, machine, machineCpuMs, percentile, processCpuMs, reportInBulk, scratchDatabase, waitForServer } from './support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const TENANTS = Number(process.env.TENANTS ?? 1);
const ITEMS = Number(process.env.ITEMS ?? 2000);
const RATES = (process.env.RATES ?? '50,100,200').split(',').map(Number);
const SECONDS = Number(process.env.SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const SATURATION_SECONDS = Number(process.env.SATURATION_SECONDS ?? 10);
const REQUESTS = Number(process.env.REQUESTS ?? 40);
const POOL = process.env.DATABASE_POOL_SIZE ?? '20';
const PORT = 3960 + Math.floor(Math.random() * 30);
const base = `http://127.0.0.1:${PORT}`;
// The load client posts through node:http with kept-alive connections, which costs this (same) machine
// less CPU per request than fetch, so less of the saturation figure is the client's own work.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Item {
	tenant: number;
	planId: string;
	nodeId: string;
	version: number;
}
interface Organisation {
	cookie: string;
	planId: string;
	periods: string[];
	statuses: string[];
}

/** One organisation: a generated plan, three periods (the first two reported on every item), a planner's session. */
async function seedOrganisation(db: Db, index: number): Promise<{ organisation: Organisation; items: Item[] }> {
	const slug = TENANTS === 1 ? 'bench' : `bench-${index + 1}`;
	const tenant = await createTenant(db, 'bench', { slug, name: `Bänkkommun ${index + 1}` });
	const ctx = systemContext(tenant.id, 'bench');
	const planId = await generatePlan(db, ctx, ITEMS);
	const account = await addAccount(db, ctx, { email: `bench@${slug}.example.se`, name: 'Bänk', role: 'planner' });
	const cookie = `${SESSION_COOKIE}=${await createSession(db, tenant.id, account.id)}`;
	const periods = [
		await addPeriod(db, ctx, planId, { name: 'Delår 1', asOf: '2026-04-30', dueOn: '2026-05-15' }),
		await addPeriod(db, ctx, planId, { name: 'Delår 2', asOf: '2026-08-31', dueOn: '2026-09-15' }),
		await addPeriod(db, ctx, planId, { name: 'Helår', asOf: '2026-12-31', dueOn: '2027-01-31' })
	];
	await reportInBulk(db, tenant.id, planId, periods.slice(0, 2).map((id) => ({ id, share: 1 })));
	const data = (await loadPlanData(db, tenant.id, planId))!;
	const statuses = (await listScale(db, tenant.id, 'status')).map((value) => value.id);
	const levels = new Map(data.framework.levels.map((level) => [level.id, level.followUp]));
	const items = data.nodes.filter((node) => levels.get(node.levelId) === 'status').map((node) => ({ tenant: index, planId, nodeId: node.id, version: 0 }));
	return { organisation: { cookie, planId, periods, statuses }, items };
}

const scratch = await scratchDatabase();
const server = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'scripts/start.js'], {
	env: { ...process.env, DATABASE_URL: scratch.url, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: base, DEMO: 'false', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: POOL },
	stdio: ['ignore', 'inherit', 'inherit']
});
const serverExited = new Promise((resolve) => server.once('exit', resolve));
let exitCode = 0;
try {
	const seedStart = performance.now();
	const database = await openDatabase({ databaseUrl: scratch.url });
	await migrateDatabase(database);
	const organisations: Organisation[] = [];
	/** Items nobody is saving now: a queue (taken from the front, given back at the end) that never shifts a long array. */
	const free = { items: [] as Item[], head: 0 };
	const take = (): Item | undefined => {
		if (free.head >= free.items.length) return undefined;
		const item = free.items[free.head++];
		if (free.head > 65_536 && free.head * 2 > free.items.length) {
			free.items = free.items.slice(free.head);
			free.head = 0;
		}
		return item;
	};
	for (let index = 0; index < TENANTS; index++) {
		const { organisation, items } = await seedOrganisation(database.db, index);
		organisations.push(organisation);
		free.items.push(...items);
	}
	// Items in the order of their (random) ids, so saves spread over all organisations.
	free.items.sort((a, b) => a.nodeId.localeCompare(b.nodeId));
	await database.db.execute(sql`analyze`);
	const nodeCount = free.items.length;
	await database.close();
	const seeded = ((performance.now() - seedStart) / 1000).toFixed(0);
	await waitForServer(base);

	const post = (path: string, cookie: string, body: string) =>
		new Promise<{ status: number; text: string }>((resolve, reject) => {
			const request = http.request(
				`${base}${path}`,
				{
					method: 'POST',
					agent,
					headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }
				},
				(response) => {
					let text = '';
					response.setEncoding('utf8');
					response.on('data', (chunk) => (text += chunk));
					response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
					response.on('error', reject);
				}
			);
			request.on('error', reject);
			request.end(body);
		});
	let failures = 0;
	let client = 0;
	/** One save: the next free item, at its current version, back on the list once answered. */
	const save = async (): Promise<number | undefined> => {
		const item = take();
		if (!item) return undefined;
		const organisation = organisations[item.tenant];
		client += 1;
		const body = new URLSearchParams({
			periodId: organisation.periods[2],
			statusId: organisation.statuses[client % organisation.statuses.length],
			comment: `Rapport ${item.version + 1}, sparning ${client}.`,
			version: item.version ? String(item.version) : ''
		});
		const start = performance.now();
		try {
			const response = await post(`/plans/${item.planId}/nodes/${item.nodeId}?/report`, organisation.cookie, body.toString());
			if (response.status === 303) item.version += 1;
			else {
				if (failures === 0) console.error('First failed save:', response.status, /class="notice"[^>]*>([^<]*)/.exec(response.text)?.[1] ?? response.text.slice(0, 200));
				failures += 1;
			}
		} catch (error) {
			if (failures === 0) console.error('First failed save:', error);
			failures += 1;
		}
		free.items.push(item);
		return performance.now() - start;
	};

	/** CPU of the server process, the database's backends and this client over a window, and the machine's. */
	const backends = backendCpu(scratch.admin, scratch.name);
	const window = async <T>(work: () => Promise<T>) => {
		const server0 = processCpuMs(server.pid!);
		const client0 = process.cpuUsage();
		const machine0 = machineCpuMs();
		await backends.start();
		const result = await work();
		const database = await backends.stop();
		const clientUsage = process.cpuUsage(client0);
		const machine1 = machineCpuMs();
		return {
			result,
			cpu: {
				server: processCpuMs(server.pid!) - server0,
				database,
				client: (clientUsage.user + clientUsage.system) / 1000,
				machineBusy: (machine1.busy - machine0.busy) / (machine1.total - machine0.total)
			}
		};
	};

	/** Open loop: arrivals at `rate` per second, Poisson, for `seconds`; every save started is awaited. */
	const openLoop = async (rate: number, seconds: number) => {
		const latencies: number[] = [];
		const pending: Promise<void>[] = [];
		let skipped = 0;
		const start = performance.now();
		let next = 0;
		for (;;) {
			next += (-Math.log(1 - Math.random()) / rate) * 1000;
			if (next >= seconds * 1000) break;
			const wait = start + next - performance.now();
			if (wait > 1) await sleep(wait);
			pending.push(
				save().then((elapsed) => {
					if (elapsed === undefined) skipped += 1;
					else latencies.push(elapsed);
				})
			);
		}
		const sent = pending.length;
		const sentIn = (performance.now() - start) / 1000;
		await Promise.all(pending);
		const answeredIn = (performance.now() - start) / 1000;
		return { rate, sent, offered: sent / sentIn, achieved: latencies.length / answeredIn, latencies, skipped, seconds: answeredIn };
	};

	/** Closed loop: `clients` saving back to back for `seconds`. */
	const closedLoop = async (clients: number, seconds: number) => {
		const latencies: number[] = [];
		const start = performance.now();
		const end = start + seconds * 1000;
		await Promise.all(
			Array.from({ length: clients }, async () => {
				while (performance.now() < end) {
					const elapsed = await save();
					if (elapsed !== undefined) latencies.push(elapsed);
				}
			})
		);
		return { latencies, seconds: (performance.now() - start) / 1000 };
	};

	const load0 = machine();
	// Warm-up (compiled code, pooled connections, PostgreSQL's plan caches), not counted.
	await openLoop(RATES[0], WARMUP_SECONDS);
	await closedLoop(CONCURRENCY, Math.min(WARMUP_SECONDS, 3));
	const failuresBefore = failures;
	const rates = [];
	for (const rate of RATES) rates.push({ ...(await window(() => openLoop(rate, SECONDS))), load: machine() });
	const saturation = { ...(await window(() => closedLoop(CONCURRENCY, SATURATION_SECONDS))), load: machine() };

	// The yardstick: pgbench in the same database, same concurrency, after its own warm-up.
	const pgbench = await runPgbench(scratch.url, backendCpu(scratch.admin, scratch.name));

	// The overview with three periods, the last being reported.
	const overview: number[] = [];
	const first = organisations[0];
	for (let i = 0; i < REQUESTS + 5; i++) {
		const start = performance.now();
		const response = await fetch(`${base}/plans/${first.planId}/overview?period=${first.periods[1]}`, { headers: { cookie: first.cookie }, redirect: 'manual' });
		await response.text();
		if (response.status !== 200) throw new Error(`overview answered ${response.status}`);
		if (i >= 5) overview.push(performance.now() - start);
	}

	const ms = (value: number) => value.toFixed(1);
	const perSave = (cpu: { server: number; database: number; client: number }, saves: number) =>
		`${ms((cpu.server + cpu.database) / saves)} ms (server ${ms(cpu.server / saves)} + PostgreSQL ${ms(cpu.database / saves)}; load client ${ms(cpu.client / saves)})`;
	const percentiles = (latencies: number[]) => [50, 95, 99].map((p) => ms(percentile(latencies, p))).join(' / ');
	console.log(`\nFollow-up saves on PostgreSQL: ${TENANTS} organisation(s) × ${ITEMS} items (${nodeCount} reportable items), seeded in ${seeded} s; pool ${POOL}`);
	console.log(`Machine: ${load0} at the start\n`);
	console.log('| load | offered saves/s (sent) | answered saves/s | p50 / p95 / p99 ms | CPU per save, server + PostgreSQL | machine busy | load average |');
	console.log('|---|---|---|---|---|---|---|');
	for (const { result, cpu, load } of rates) {
		console.log(
			`| open loop, Poisson, ${result.rate}/s for ${SECONDS} s | ${result.offered.toFixed(1)} (${result.sent}${result.skipped ? `, ${result.skipped} found no free item` : ''}) | ${result.achieved.toFixed(1)} | ${percentiles(result.latencies)} | ${perSave(cpu, result.latencies.length)} | ${(cpu.machineBusy * 100).toFixed(0)} % | ${load.split('load average ')[1]} |`
		);
	}
	const saturated = saturation.result.latencies.length / saturation.result.seconds;
	console.log(
		`| saturation: ${CONCURRENCY} clients back to back for ${SATURATION_SECONDS} s | – | **${saturated.toFixed(0)}** | ${percentiles(saturation.result.latencies)} | ${perSave(saturation.cpu, saturation.result.latencies.length)} | ${(saturation.cpu.machineBusy * 100).toFixed(0)} % | ${saturation.load.split('load average ')[1]} |`
	);
	console.log(
		`| pgbench simple-update (${pgbench.how}), ${CONCURRENCY} clients for ${SATURATION_SECONDS} s | – | **${pgbench.tps.toFixed(0)}** transactions/s | – | ${ms(pgbench.databaseCpu / pgbench.transactions)} ms PostgreSQL (its client ${ms(pgbench.clientCpu / pgbench.transactions)}) | ${(pgbench.machineBusy * 100).toFixed(0)} % | ${pgbench.load} |`
	);
	console.log(`\nSaturation ÷ pgbench: **${((saturated / pgbench.tps) * 100).toFixed(1)} %** of pgbench's rate (aim ≥ 25 %).`);
	console.log(`Failed saves: ${failures - failuresBefore} measured (${failuresBefore} in the warm-up).`);
	console.log(`Overview, ${ITEMS} items, 3 periods: median / p95 ${ms(percentile(overview, 50))} / ${ms(percentile(overview, 95))} ms (load average ${machine().split('load average ')[1]}).`);
} catch (error) {
	console.error(error);
	exitCode = 1;
} finally {
	agent.destroy();
	server.kill('SIGTERM');
	await serverExited;
	await scratch.drop();
}
process.exit(exitCode);

/**
 * pgbench's built-in simple-update script (-N: update pgbench_accounts, select its balance, insert into
 * pgbench_history, in one transaction) against tables it creates in the bench's database (scale 10),
 * with prepared statements, CONCURRENCY clients on 2 threads; a warm-up of 3 s first. Without pgbench
 * on the machine the same transaction is run through node-postgres by the same number of connections.
 */
async function runPgbench(url: string, backends: ReturnType<typeof backendCpu>) {
	const tool = process.env.PGBENCH !== 'off' && spawnSync('pgbench', ['--version']).status === 0;
	const connection = new URL(url);
	const args = ['-h', connection.hostname, '-p', connection.port || '5432', '-U', decodeURIComponent(connection.username || 'postgres')];
	const env = { ...process.env, PGPASSWORD: decodeURIComponent(connection.password) };
	const database = connection.pathname.slice(1);
	const clients = String(CONCURRENCY);
	const { default: pg } = await import('pg');
	if (tool) {
		const init = spawnSync('pgbench', [...args, '-i', '-q', '-s', '10', database], { env, encoding: 'utf8' });
		if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
		spawnSync('pgbench', [...args, '-N', '-M', 'prepared', '-c', clients, '-j', '2', '-T', '3', database], { env });
	} else {
		const setup = new pg.Client({ connectionString: url });
		await setup.connect();
		await setup.query(`create table pgbench_accounts (aid int primary key, bid int, abalance int, filler char(84));
			insert into pgbench_accounts select i, 1 + (i - 1) / 100000, 0, '' from generate_series(1, 1000000) i;
			create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22)); analyze`);
		await setup.end();
	}
	let machine0 = machineCpuMs();
	let tps: number;
	let transactions: number;
	let clientCpu: number;
	let how: string;
	const runFor = async (seconds: number) => {
		const clientsList = await Promise.all(
			Array.from({ length: CONCURRENCY }, async () => {
				const one = new pg.Client({ connectionString: url });
				await one.connect();
				return one;
			})
		);
		const start = performance.now();
		let done = 0;
		await Promise.all(
			clientsList.map(async (one, index) => {
				while (performance.now() - start < seconds * 1000) {
					const aid = 1 + Math.floor(Math.random() * 1_000_000);
					const delta = Math.floor(Math.random() * 10_001) - 5000;
					await one.query('begin');
					await one.query({ name: 'u', text: 'update pgbench_accounts set abalance = abalance + $1 where aid = $2', values: [delta, aid] });
					await one.query({ name: 's', text: 'select abalance from pgbench_accounts where aid = $1', values: [aid] });
					await one.query({ name: 'i', text: 'insert into pgbench_history (tid, bid, aid, delta, mtime) values ($1, $2, $3, $4, current_timestamp)', values: [index, 1, aid, delta] });
					await one.query('commit');
					done += 1;
				}
			})
		);
		const elapsed = (performance.now() - start) / 1000;
		await Promise.all(clientsList.map((one) => one.end()));
		return { done, elapsed };
	};
	if (tool) {
		machine0 = machineCpuMs();
		await backends.start();
		const children0 = childrenCpuMs();
		const child = spawn('pgbench', [...args, '-N', '-M', 'prepared', '-c', clients, '-j', '2', '-T', String(SATURATION_SECONDS), database], { env });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		await new Promise((resolve) => child.once('exit', resolve));
		transactions = Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1] ?? NaN);
		tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? NaN);
		clientCpu = childrenCpuMs() - children0;
		how = 'pgbench -N -M prepared';
	} else {
		await runFor(3);
		machine0 = machineCpuMs();
		await backends.start();
		const used = process.cpuUsage();
		const { done, elapsed } = await runFor(SATURATION_SECONDS);
		const spent = process.cpuUsage(used);
		transactions = done;
		tps = done / elapsed;
		clientCpu = (spent.user + spent.system) / 1000;
		how = 'the same transaction through node-postgres, prepared';
	}
	const databaseCpu = await backends.stop();
	const machine1 = machineCpuMs();
	return { tps, transactions, databaseCpu, clientCpu, how, machineBusy: (machine1.busy - machine0.busy) / (machine1.total - machine0.total), load: machine().split('load average ')[1] };
}
