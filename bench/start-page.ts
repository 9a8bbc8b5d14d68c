/**
 * The start page (`/`) over the bench's generated 2,000-item plan, on PostgreSQL: two open periods
 * (one past due) with reports on part of the items, 5,000 audit records, an administrator (who sees
 * the organisation at a glance) and a reporter holding a role title responsible for about 300 items.
 * Prints, for each, the page's server time measured in the process (`loadStartPage`, the queries and
 * shaping) and over HTTP (session lookup and rendering included): median and p95.
 *
 *   npx tsx bench/start-page.ts        (ITEMS, REQUESTS can be set)
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { auditEvents } from '../src/lib/server/db/schema';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { ALL_UNITS, systemContext, type Ctx } from '../src/lib/server/shared/context';
import { addAccount } from '../src/lib/server/identity/add-account';
import { holdRoleTitle } from '../src/lib/server/identity/hold-role-title';
import { createSession, SESSION_COOKIE } from '../src/lib/server/identity/sessions';
import { addPeriod } from '../src/lib/server/follow-up/manage-periods';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { loadStartPage } from '../src/lib/server/start-page/start-page';
import type { Role } from '../src/lib/server/db/schema';
import { generatePlan } from './generate-plan';
import { percentile, reportInBulk, scratchDatabase, waitForServer } from './support';

const ITEMS = Number(process.env.ITEMS ?? 2000);
const REQUESTS = Number(process.env.REQUESTS ?? 60);
const PORT = 3850 + Math.floor(Math.random() * 40);
const base = `http://127.0.0.1:${PORT}`;
const TODAY = '2026-09-20';

interface Person {
	label: string;
	ctx: Ctx;
	cookie: string;
}

async function seed(database: Database): Promise<Person[]> {
	await migrateDatabase(database);
	const db = database.db;
	const tenant = await createTenant(db, 'bench', { slug: 'bench', name: 'Bänkkommun' });
	const system = systemContext(tenant.id, 'bench');
	const planId = await generatePlan(db, system, ITEMS);
	const periods = [
		await addPeriod(db, system, planId, { name: 'Delår 1', asOf: '2026-04-30', dueOn: '2026-05-15' }),
		await addPeriod(db, system, planId, { name: 'Delår 2', asOf: '2026-08-31', dueOn: '2026-09-15' })
	];
	const people: Person[] = [];
	for (const [label, role, title] of [
		['administrator', 'admin', undefined],
		['reporter (Utvecklingschef)', 'reporter', 'Utvecklingschef']
	] as [string, Role, string | undefined][]) {
		const account = await addAccount(db, system, { email: `${role}@bench.se`, name: `Bänk ${role}`, role });
		if (title) await holdRoleTitle(db, system, account.personId, title, true);
		const ctx: Ctx = { tenantId: tenant.id, actor: { id: account.id, name: label, personId: account.personId, grants: [{ role, units: ALL_UNITS, organisationWide: true }] } };
		people.push({ label, ctx, cookie: `${SESSION_COOKIE}=${await createSession(db, tenant.id, account.id)}` });
	}
	// Reports: every item in the first period, two in three in the second; written in bulk.
	await reportInBulk(db, tenant.id, planId, [{ id: periods[0], share: 1 }, { id: periods[1], share: 2 / 3 }]);
	const data = (await loadPlanData(db, tenant.id, planId))!;
	const followed = new Set(data.framework.levels.filter((level) => level.followUp !== 'none').map((level) => level.id));
	const reported = data.nodes.filter((node) => followed.has(node.levelId));
	// A year's audit log: reports and edits by someone else, spread over the items.
	const audit = Array.from({ length: 5000 }, (_, index) => ({
		tenantId: tenant.id,
		at: new Date(Date.UTC(2026, 0, 1) + index * 3_600_000),
		actor: 'import',
		action: index % 4 ? 'follow_up.save' : 'node.update',
		entityType: 'node',
		entityId: reported[index % reported.length].id,
		planId
	}));
	for (let i = 0; i < audit.length; i += 500) await db.insert(auditEvents).values(audit.slice(i, i + 500));
	await db.execute(sql`analyze`);
	return people;
}

async function timeInProcess(database: Database, person: Person): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < REQUESTS + 5; i++) {
		const start = performance.now();
		await loadStartPage(database.db, person.ctx, TODAY);
		if (i >= 5) times.push(performance.now() - start);
	}
	return times;
}

async function timeOverHttp(person: Person): Promise<{ times: number[]; bytes: number }> {
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < REQUESTS + 5; i++) {
		const start = performance.now();
		const response = await fetch(`${base}/`, { headers: { cookie: person.cookie }, redirect: 'manual' });
		const body = await response.text();
		if (!response.ok) throw new Error(`${response.status} ${body.slice(0, 200)}`);
		if (i >= 5) times.push(performance.now() - start);
		bytes = body.length;
	}
	return { times, bytes };
}

const scratch = await scratchDatabase();
const results: { label: string; inProcess: number[]; http: number[]; bytes: number; counts: string }[] = [];
try {
	const database = await openDatabase({ databaseUrl: scratch.url });
	const people = await seed(database);
	for (const person of people) {
		const page = await loadStartPage(database.db, person.ctx, TODAY);
		const counts = `${page.toReport.count} to report, ${page.myItemCount} own items, ${page.organisation?.length ?? 0} open periods shown`;
		results.push({ label: person.label, inProcess: await timeInProcess(database, person), http: [], bytes: 0, counts });
	}
	await database.close();
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, DATABASE_URL: scratch.url, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: base, DEMO: 'false', DEFAULT_TENANT: 'bench', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	try {
		await waitForServer(base);
		for (const [index, person] of people.entries()) {
			const { times, bytes } = await timeOverHttp(person);
			results[index].http = times;
			results[index].bytes = bytes;
		}
	} finally {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
	}
} finally {
	await scratch.drop();
}

console.log(`\nStart page, plan of ${ITEMS} items, ${REQUESTS} sequential requests after 5 warm-up, PostgreSQL (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)})\n`);
console.log('| who | what the page shows | loadStartPage median / p95 ms | page over HTTP median / p95 ms | page size kB |');
console.log('|---|---|---|---|---|');
for (const r of results) {
	console.log(
		`| ${r.label} | ${r.counts} | ${percentile(r.inProcess, 50).toFixed(1)} / ${percentile(r.inProcess, 95).toFixed(1)} | ${percentile(r.http, 50).toFixed(1)} / ${percentile(r.http, 95).toFixed(1)} | ${(r.bytes / 1024).toFixed(0)} |`
	);
}
