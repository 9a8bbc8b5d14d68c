/**
 * The plan page of a generated 2,000-item plan: server response time over HTTP (median, p95) on
 * PostgreSQL and on PGlite, against one raw SQL query reading the same data. Prints the figures.
 *
 *   npm run bench                     (PostgreSQL from BENCH_DATABASE_URL, default the local server)
 *   ITEMS=2000 REQUESTS=60 npm run bench
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { systemContext } from '../src/lib/server/shared/context';
import { generatePlan } from './generate-plan';
import { percentile, waitForServer, scratchDatabase } from './support';
import { addAccount } from '../src/lib/server/identity/add-account';
import { createSession, SESSION_COOKIE } from '../src/lib/server/identity/sessions';

const ITEMS = Number(process.env.ITEMS ?? 2000);
const REQUESTS = Number(process.env.REQUESTS ?? 60);
const PORT = 3900 + Math.floor(Math.random() * 50);
let cookie = '';

/** Everything the plan page shows, in one statement: the yardstick for the page's own queries. */
const RAW_QUERY = (tenantId: string, planId: string) => sql`
	select n.*, 
		(select coalesce(json_agg(json_build_object('role', r.name, 'person', p.name) order by nr.position), '[]') from node_responsibles nr
			left join role_titles r on r.tenant_id = nr.tenant_id and r.id = nr.role_title_id
			left join people p on p.tenant_id = nr.tenant_id and p.id = nr.person_id
			where nr.tenant_id = n.tenant_id and nr.node_id = n.id) as responsibles,
		(select coalesce(json_agg(nb.unit_id order by nb.position), '[]') from node_boards nb where nb.tenant_id = n.tenant_id and nb.node_id = n.id) as boards,
		(select coalesce(json_agg(nl.parent_id), '[]') from node_links nl where nl.tenant_id = n.tenant_id and nl.node_id = n.id) as links,
		(select coalesce(json_agg(i.* order by i.position), '[]') from indicators i where i.tenant_id = n.tenant_id and i.node_id = n.id) as indicators
	from nodes n where n.tenant_id = ${tenantId} and n.plan_id = ${planId} order by n.parent_id, n.position`;

interface Figures {
	database: string;
	pageMedian: number;
	pageP95: number;
	pageBytes: number;
	rawMedian: number;
	rawP95: number;
}

async function seed(database: Database) {
	await migrateDatabase(database);
	const tenant = await createTenant(database.db, 'bench', { slug: 'bench', name: 'Bänkkommun' });
	const ctx = systemContext(tenant.id, 'bench');
	const planId = await generatePlan(database.db, ctx, ITEMS);
	// The page is measured as a signed-in planner sees it, session lookup included.
	const account = await addAccount(database.db, ctx, { email: 'bench@example.se', name: 'Bänk', role: 'planner' });
	cookie = `${SESSION_COOKIE}=${await createSession(database.db, tenant.id, account.id)}`;
	// Bulk-loaded tables have no planner statistics yet; autovacuum would gather them in real use.
	await database.db.execute(sql`analyze`);
	return { tenantId: tenant.id, planId };
}

async function timeRaw(database: Database, tenantId: string, planId: string) {
	const times: number[] = [];
	for (let i = 0; i < REQUESTS + 5; i++) {
		const start = performance.now();
		await database.db.execute(RAW_QUERY(tenantId, planId));
		if (i >= 5) times.push(performance.now() - start);
	}
	return times;
}

async function timePage(env: Record<string, string>, planId: string, query = '') {
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${PORT}`, DEMO: 'false', DEFAULT_TENANT: 'bench', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	try {
		const url = `http://127.0.0.1:${PORT}/plans/${planId}${query}`;
		await waitForServer(`http://127.0.0.1:${PORT}`);
		const times: number[] = [];
		let bytes = 0;
		for (let i = 0; i < REQUESTS + 5; i++) {
			const start = performance.now();
			const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
			const body = await response.text();
			if (!response.ok) throw new Error(`${response.status} ${body.slice(0, 200)}`);
			if (i >= 5) times.push(performance.now() - start);
			bytes = body.length;
		}
		return { times, bytes };
	} finally {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
	}
}

async function benchPostgres(): Promise<Figures[]> {
	const scratch = await scratchDatabase();
	const url = new URL(scratch.url);
	try {
		const database = await openDatabase({ databaseUrl: url.toString() });
		const { tenantId, planId } = await seed(database);
		const raw = await timeRaw(database, tenantId, planId);
		await database.close();
		const page = await timePage({ DATABASE_URL: url.toString() }, planId);
		const whole = await timePage({ DATABASE_URL: url.toString() }, planId, '?all=1');
		return [figures('PostgreSQL', page, raw), figures('PostgreSQL, whole plan expanded (?all=1)', whole, raw)];
	} finally {
		await scratch.drop();
	}
}

async function benchPglite(): Promise<Figures> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-bench-'));
	try {
		const database = await openDatabase({ dataDir });
		const { tenantId, planId } = await seed(database);
		const raw = await timeRaw(database, tenantId, planId);
		await database.close();
		const page = await timePage({ DATA_DIR: dataDir, DATABASE_URL: '' }, planId);
		return figures('PGlite', page, raw);
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}

function figures(database: string, page: { times: number[]; bytes: number }, raw: number[]): Figures {
	return {
		database,
		pageMedian: percentile(page.times, 50),
		pageP95: percentile(page.times, 95),
		pageBytes: page.bytes,
		rawMedian: percentile(raw, 50),
		rawP95: percentile(raw, 95)
	};
}

const results = [...(await benchPostgres()), await benchPglite()];
console.log(`\nPlan page, ${ITEMS} items, ${REQUESTS} sequential requests after 5 warm-up (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version})\n`);
console.log('| database | page median ms | page p95 ms | page size kB | raw SQL median ms | raw SQL p95 ms | page / raw (median) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of results) {
	console.log(
		`| ${r.database} | ${r.pageMedian.toFixed(1)} | ${r.pageP95.toFixed(1)} | ${(r.pageBytes / 1024).toFixed(0)} | ${r.rawMedian.toFixed(1)} | ${r.rawP95.toFixed(1)} | ${(r.pageMedian / r.rawMedian).toFixed(1)}× |`
	);
}
