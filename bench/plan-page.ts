/**
 * The plan page of a generated 2,000-item plan: server response time over HTTP (median, p95, time to first byte) on
 * PostgreSQL and on PGlite, against one raw SQL query reading the same data. Prints the figures.
 *
 *   npm run bench                     (PostgreSQL from BENCH_DATABASE_URL, default the local server)
 *   ITEMS=2000 REQUESTS=60 npm run bench
 *   QUERY='q=Nämndmål 1.1' npm run bench               (the page searched: every item looked through)
 *   BENCH_NODE_ARGS="--max-semi-space-size=4" npm run bench   (flags for the server's Node)
 *   ONLY=postgres PROFILE_DIR=/tmp/prof npm run bench   (PostgreSQL's page only; the server writes a
 *                                                       V8 CPU profile there, for Chrome's DevTools)
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
import { machine, percentile, waitForServer, scratchDatabase } from './support';
import { addAccount } from '../src/lib/server/identity/add-account';
import { createSession, SESSION_COOKIE } from '../src/lib/server/identity/sessions';

const ITEMS = Number(process.env.ITEMS ?? 2000);
const REQUESTS = Number(process.env.REQUESTS ?? 60);
const ONLY_POSTGRES = process.env.ONLY === 'postgres';
/** A search instead of the plain page, e.g. QUERY='q=Nämndmål 1.1' (PostgreSQL only). */
const QUERY = process.env.QUERY ? `?${process.env.QUERY}` : '';
const PROFILE_DIR = process.env.PROFILE_DIR;
const PORT = 3900 + Math.floor(Math.random() * 50);
let cookie = '';

/**
 * The yardstick: the fastest single statement we could write that returns what the page shows, and no
 * more — built from the page (routes/plans/[planId]: presentPlanPage, presentOutline), not from the
 * page's own queries:
 *  - the outline as the page cuts it: items under their parents and again (linked) under each linked
 *    parent, walked once (a recursive CTE over the plan's items and links, never back into its own
 *    branch); every depth whose entries, with those above, fit OUTLINE_BUDGET (400) is shown, and an
 *    entry at the last shown depth carries the count of what is under it (the page's "n punkter");
 *  - per shown entry: ref, title (and description, which names an untitled row), level, linked,
 *    carried over, anchor and whether its goal changed, field values, deadline, responsible labels,
 *    board short names, number of indicators, and its latest status or assessment with the period's
 *    name (the latest period by "as of" whose report gives one: one index lookup per shown entry);
 *  - the head: the plan, its owner unit, framework and levels, chapters, periods (whether any), the
 *    organisation's scale, and the search form's choice of responsible (every label in the plan);
 * as one JSON value, in the outline's order (own children by position, then linked ones).
 */
const RAW_QUERY = (tenantId: string, planId: string) => sql`
	with recursive edges as (
		select n.id as child, n.parent_id as parent, false as linked, n.position from nodes n
		where n.tenant_id = ${tenantId} and n.plan_id = ${planId}
		union all
		select l.node_id, l.parent_id, true, n.position from node_links l
		join nodes n on n.tenant_id = l.tenant_id and n.id = l.node_id
		where l.tenant_id = ${tenantId} and n.plan_id = ${planId}
	),
	tree as (
		select e.child as id, 0 as depth, false as linked, array[e.child] as path, array[e.position] as sort from edges e where e.parent is null and not e.linked
		union all
		select e.child, t.depth + 1, t.linked or e.linked, t.path || e.child, t.sort || (e.position + case when e.linked then 1000000 else 0 end)
		from tree t join edges e on e.parent = t.id
		where e.child <> all (t.path)
	),
	cut as (
		select coalesce(max(depth), 0) as depth from (select depth, sum(count(*)) over (order by depth) as used from tree group by depth) d where used <= 400
	),
	hidden as (
		select t.path[cut.depth + 1] as id, count(*) as n from tree t, cut where t.depth > cut.depth group by 1
	)
	select json_build_object(
		'plan', (select json_build_object('id', pl.id, 'title', pl.title, 'state', pl.state, 'kind', pl.kind, 'startYear', pl.start_year,
			'adoptedBy', pl.adopted_by, 'adoptedOn', pl.adopted_on, 'publishedAt', pl.published_at, 'parentPlanId', pl.parent_plan_id,
			'ownerUnit', u.name, 'framework', f.name)
			from plans pl join units u on u.tenant_id = pl.tenant_id and u.id = pl.owner_unit_id
			join frameworks f on f.tenant_id = pl.tenant_id and f.id = pl.framework_id
			where pl.tenant_id = ${tenantId} and pl.id = ${planId}),
		'levels', (select json_agg(json_build_object('id', l.id, 'nameSv', l.name_sv, 'nameEn', l.name_en, 'namePluralSv', l.name_plural_sv,
			'namePluralEn', l.name_plural_en, 'followUp', l.follow_up, 'fields', l.fields, 'untitled', l.untitled) order by l.position)
			from levels l join plans pl on pl.tenant_id = l.tenant_id and pl.framework_id = l.framework_id
			where pl.tenant_id = ${tenantId} and pl.id = ${planId}),
		'chapters', (select json_agg(json_build_object('title', c.title, 'body', c.body, 'placement', c.placement) order by c.position)
			from chapters c where c.tenant_id = ${tenantId} and c.plan_id = ${planId}),
		'hasPeriods', exists (select 1 from periods p where p.tenant_id = ${tenantId} and p.plan_id = ${planId}),
		'scale', (select json_agg(json_build_object('id', s.id, 'labelSv', s.label_sv, 'labelEn', s.label_en, 'colour', s.colour, 'retired', s.retired) order by s.kind, s.position)
			from scale_values s where s.tenant_id = ${tenantId}),
		'responsibleChoices', (select json_agg(distinct coalesce(r.name, pe.name)) from node_responsibles nr
			join nodes n on n.tenant_id = nr.tenant_id and n.id = nr.node_id
			left join role_titles r on r.tenant_id = nr.tenant_id and r.id = nr.role_title_id
			left join people pe on pe.tenant_id = nr.tenant_id and pe.id = nr.person_id
			where nr.tenant_id = ${tenantId} and n.plan_id = ${planId}),
		'entries', (select json_agg(json_build_object('id', n.id, 'depth', t.depth, 'linked', t.linked, 'ref', n.ref, 'title', n.title,
				'description', n.description, 'levelId', n.level_id, 'carriedOver', n.carried_over, 'anchor', n.source_node_id is not null,
				'anchorChanged', n.source_changed_at is not null, 'fieldValues', n.field_values, 'deadline', n.deadline_text,
				'responsible', (select json_agg(coalesce(r.name, pe.name) || case when nr.note <> '' then ' (' || nr.note || ')' else '' end order by nr.position)
					from node_responsibles nr
					left join role_titles r on r.tenant_id = nr.tenant_id and r.id = nr.role_title_id
					left join people pe on pe.tenant_id = nr.tenant_id and pe.id = nr.person_id
					where nr.tenant_id = n.tenant_id and nr.node_id = n.id),
				'boards', (select json_agg(coalesce(b.short_name, b.name) order by nb.position) from node_boards nb
					join units b on b.tenant_id = nb.tenant_id and b.id = nb.unit_id where nb.tenant_id = n.tenant_id and nb.node_id = n.id),
				'indicators', (select count(*) from indicators i where i.tenant_id = n.tenant_id and i.node_id = n.id),
				'hidden', coalesce(h.n, 0),
				'status', (select json_build_object('valueId', coalesce(fu.status_id, fu.assessment_id), 'period', p.name) from follow_ups fu
					join periods p on p.tenant_id = fu.tenant_id and p.id = fu.period_id
					where fu.tenant_id = n.tenant_id and fu.node_id = n.id and coalesce(fu.status_id, fu.assessment_id) is not null
					order by p.as_of desc, p.created_at desc limit 1)
			) order by t.sort)
			from tree t cross join cut
			join nodes n on n.tenant_id = ${tenantId} and n.id = t.id
			left join hidden h on h.id = t.id
			where t.depth <= cut.depth)
	) as page`;

interface Figures {
	database: string;
	pageMedian: number;
	pageP95: number;
	firstByteMedian: number;
	pageBytes: number;
	rawMedian: number;
	rawP95: number;
	rss: number[];
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

/** The server's resident memory (RSS) in MB, read after each answer. */
function residentMegabytes(pid: number) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function timePage(env: Record<string, string>, planId: string, query = '') {
	const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
	const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
	const server = spawn(process.execPath, [...profile, ...nodeArgs, 'scripts/start.js'], {
		env: { ...process.env, ...env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${PORT}`, DEMO: 'false', DEFAULT_TENANT: 'bench', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'inherit', 'inherit']
	});
	try {
		const url = `http://127.0.0.1:${PORT}/plans/${planId}${query}`;
		await waitForServer(`http://127.0.0.1:${PORT}`);
		const times: number[] = [];
		const firstBytes: number[] = [];
		const rss: number[] = [];
		let bytes = 0;
		for (let i = 0; i < REQUESTS + 5; i++) {
			const start = performance.now();
			const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
			// The whole body is read (a streamed page is timed to its end); the first chunk's arrival is its time to first byte.
			const reader = response.body!.getReader();
			const chunks: Uint8Array[] = [];
			let firstByte = 0;
			for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
				firstByte ||= performance.now() - start;
				chunks.push(chunk.value);
			}
			const body = Buffer.concat(chunks).toString('utf8');
			if (!response.ok) throw new Error(`${response.status} ${body.slice(0, 200)}`);
			if (i >= 5) {
				times.push(performance.now() - start);
				firstBytes.push(firstByte);
			}
			rss.push(residentMegabytes(server.pid!));
			bytes = body.length;
		}
		return { times, firstBytes, bytes, rss };
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
		const page = await timePage({ DATABASE_URL: url.toString() }, planId, QUERY);
		if (ONLY_POSTGRES || QUERY) return [figures(QUERY ? `PostgreSQL, search ${QUERY}` : 'PostgreSQL', page, raw)];
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

function figures(database: string, page: { times: number[]; firstBytes: number[]; bytes: number; rss: number[] }, raw: number[]): Figures {
	return {
		database,
		pageMedian: percentile(page.times, 50),
		pageP95: percentile(page.times, 95),
		firstByteMedian: percentile(page.firstBytes, 50),
		pageBytes: page.bytes,
		rawMedian: percentile(raw, 50),
		rawP95: percentile(raw, 95),
		rss: page.rss
	};
}

const results = [...(await benchPostgres()), ...(ONLY_POSTGRES || QUERY ? [] : [await benchPglite()])];
console.log(`\nPlan page, ${ITEMS} items, ${REQUESTS} sequential requests after 5 warm-up (${machine()})\n`);
console.log('| database | page median ms | page p95 ms | first byte median ms | page size kB | raw SQL median ms | raw SQL p95 ms | page / raw (median) | server RSS MB: after 1st, max |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
	console.log(
		`| ${r.database} | ${r.pageMedian.toFixed(1)} | ${r.pageP95.toFixed(1)} | ${r.firstByteMedian.toFixed(1)} | ${(r.pageBytes / 1024).toFixed(0)} | ${r.rawMedian.toFixed(1)} | ${r.rawP95.toFixed(1)} | ${(r.pageMedian / r.rawMedian).toFixed(1)}× | ${r.rss[0].toFixed(0)}, ${Math.max(...r.rss).toFixed(0)} |`
	);
}
process.exit(0);
