import { randomUUID } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEMO_EMAILS, freePort, get, hasPostgres, postForm, signIn, startServer, type TestServer } from './server';

/**
 * PostgreSQL goes away under a running server: a restart, a failover or a proxy's idle timeout ends
 * its connections (pg_terminate_backend does exactly that), or the database cannot be reached at all.
 * The server must answer "try again" (503) meanwhile and serve again afterwards, never exit.
 * The server reaches PostgreSQL through a TCP proxy the test can cut and restore.
 */
describe.skipIf(!hasPostgres)('a lost PostgreSQL connection', () => {
	let proxy: TcpProxy;
	let server: TestServer;
	let cookie: string;

	// A server of its own per test: a server that died in one test would fail the next ones too.
	beforeEach(async () => {
		const target = new URL(process.env.TEST_DATABASE_URL!);
		proxy = await startProxy(target.hostname, Number(target.port || 5432));
		server = await startServer({
			database: 'postgres',
			// One connection: the save below holds it while it waits, as under a busy deadline.
			env: { DATABASE_POOL_SIZE: '1' },
			serverDatabaseUrl: (url) => {
				const through = new URL(url);
				through.hostname = '127.0.0.1';
				through.port = String(proxy.port);
				return through.toString();
			}
		});
		cookie = await signIn(server, DEMO_EMAILS.admin);
	});
	afterEach(async () => {
		await server?.stop();
		await proxy?.close();
	});

	test('idle pooled connections ended by PostgreSQL: the server replaces them and keeps serving', async () => {
		expect((await get(server, '/plans', cookie)).status).toBe(200);
		await withDatabase(server, async (client) => {
			expect(await terminateOthers(client)).toBeGreaterThan(0);
			await untilAppBackendsGone(client);
		});
		expect((await get(server, '/plans', cookie)).status).toBe(200);
		expect((await saveReport(server, cookie, await openReport(server, cookie), 'Efter avbrottet.')).status).toBe(303);
		expect(server.process.exitCode).toBeNull();
	});

	// A save is one statement on a pooled connection; with an indicator value it is a transaction on a connection of its own.
	test.each([
		['a save', false],
		['a save with an indicator value (a transaction)', true]
	])('%s in flight when its connection is ended answers 503 "try again"; the next page and save succeed', async (_, withValue) => {
		const report = await openReport(server, cookie, withValue);
		let inFlight: Promise<Response | Error> | undefined;
		await withDatabase(server, async (client) => {
			// Hold the report's row so the save waits on it, with the server's only connection.
			await client.query('begin');
			await client.query('select id from follow_ups where id = $1 for update', [report.id]);
			const value = withValue ? { [`value.${report.indicatorId}`]: '5' } : {};
			inFlight = saveReport(server, cookie, report, 'Sparas under avbrottet.', value, { cookie: `${cookie}; PARAGLIDE_LOCALE=en` }).catch(
				(error: Error) => error
			);
			await until(async () => (await otherBackends(client, `and wait_event_type = 'Lock'`)) > 0);
			expect(await terminateOthers(client)).toBeGreaterThan(0);
			await untilAppBackendsGone(client);
			await client.query('rollback');
		});
		const answer = await inFlight!;
		if (answer instanceof Error) throw answer;
		expect(answer.status).toBe(503);
		expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await answer.text()).toContain('try again');
		expect(server.process.exitCode).toBeNull();

		const page = await get(server, `/plans/${report.planId}/nodes/${report.nodeId}`, cookie);
		expect(page.status).toBe(200);
		expect((await saveReport(server, cookie, await openReport(server, cookie, withValue), 'Sparad efter avbrottet.')).status).toBe(303);
	});

	test('/healthz answers 503 while PostgreSQL cannot be reached and 200 when it is back; pages and the API say "try again" meanwhile', async () => {
		const health = await fetch(`${server.baseURL}/healthz`);
		expect(health.status).toBe(200);

		await proxy.cut();
		const down = await fetch(`${server.baseURL}/healthz`);
		expect(down.status).toBe(503);
		expect(down.headers.get('cache-control')).toContain('no-store');

		const page = await get(server, '/plans', cookie);
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(page.headers.get('content-type')).toContain('text/html');
		expect(await page.text()).toContain('Försök igen');

		// A form sent with use:enhance reads the answer as an action result.
		const enhanced = await postForm(server, '/plans?/create', { title: 'x' }, cookie, { accept: 'application/json', 'x-sveltekit-action': 'true' });
		expect(enhanced.status).toBe(503);
		expect(await enhanced.json()).toMatchObject({ type: 'error', error: { message: expect.stringContaining('Försök igen') } });

		// A well-formed token, so that the server must ask the database about it.
		const token = `stk_${randomUUID()}.${'a'.repeat(43)}`;
		const api = await get(server, '/api/v1/plans', undefined, { authorization: `Bearer ${token}`, accept: 'application/json', cookie: 'PARAGLIDE_LOCALE=en' });
		expect(api.status).toBe(503);
		const body = await api.json();
		expect(body.error.code).toBe('error_database_unavailable');
		expect(body.error.message).toContain('try again');
		expect(server.process.exitCode).toBeNull();

		await proxy.restore();
		expect((await fetch(`${server.baseURL}/healthz`)).status).toBe(200);
		expect((await get(server, '/plans', cookie)).status).toBe(200);
	});
});

interface OpenReport {
	id: string;
	planId: string;
	nodeId: string;
	periodId: string;
	/** The form field of the item's follow-up mode and a current value for it. */
	choice: { field: 'statusId' | 'assessmentId'; id: string };
	version: number;
	indicatorId?: string;
}

/** A report of an open period (with an indicator on its item if asked), made first if the demo has none. */
async function openReport(server: TestServer, cookie: string, withIndicator = false): Promise<OpenReport> {
	const read = () =>
		withDatabase(server, async (client) => {
			const { rows } = await client.query(`
				select n.plan_id, n.id as node_id, p.id as period_id, l.follow_up, f.id, f.version,
					(select s.id from scale_values s where s.tenant_id = n.tenant_id and s.kind = l.follow_up and not s.retired order by s.id limit 1) as choice_id,
					(select i.id from indicators i where i.tenant_id = n.tenant_id and i.node_id = n.id order by i.id limit 1) as indicator_id
				from nodes n
				join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
				join periods p on p.tenant_id = n.tenant_id and p.plan_id = n.plan_id and p.closed_at is null
				left join follow_ups f on f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id
				where l.follow_up <> 'none' ${withIndicator ? 'and exists (select 1 from indicators i where i.tenant_id = n.tenant_id and i.node_id = n.id)' : ''}
				order by f.id is null, n.id, p.id limit 1`);
			const [row] = rows;
			if (!row) throw new Error('The demo has no item to report on');
			return {
				id: row.id,
				planId: row.plan_id,
				nodeId: row.node_id,
				periodId: row.period_id,
				choice: { field: row.follow_up === 'status' ? 'statusId' : 'assessmentId', id: row.choice_id },
				version: row.version ?? 0,
				indicatorId: row.indicator_id ?? undefined
			} as OpenReport;
		});
	const report = await read();
	if (report.id) return report;
	expect((await saveReport(server, cookie, report, 'Första rapporten.')).status).toBe(303);
	return read();
}

function saveReport(server: TestServer, cookie: string, report: OpenReport, text: string, values: Record<string, string> = {}, headers: Record<string, string> = {}) {
	return postForm(
		server,
		`/plans/${report.planId}/nodes/${report.nodeId}?/report`,
		{ periodId: report.periodId, [report.choice.field]: report.choice.id, comment: text, analysis: text, version: String(report.version), ...values },
		cookie,
		headers
	);
}

/** A second connection to the server's database, as an operator's psql or PostgreSQL itself. */
async function withDatabase<T>(server: TestServer, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: server.databaseUrl });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** Ends every other connection to this database, as a restart or failover does. */
async function terminateOthers(client: pg.Client): Promise<number> {
	const { rows } = await client.query(
		'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'
	);
	return rows.filter((row) => row.ended).length;
}

/** pg_terminate_backend only signals; wait until the backends have really gone (their sockets are closed then). */
function untilAppBackendsGone(client: pg.Client) {
	return until(async () => (await otherBackends(client)) === 0);
}

/** How many other connections to this database there are now (inside a transaction too: the statistics snapshot is cleared first). */
async function otherBackends(client: pg.Client, condition = ''): Promise<number> {
	await client.query('select pg_stat_clear_snapshot()');
	const { rows } = await client.query(`select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() ${condition}`);
	return Number(rows[0].count);
}

async function until(condition: () => Promise<boolean>) {
	for (let attempt = 0; attempt < 600; attempt++) {
		if (await condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error('Condition not reached');
}

interface TcpProxy {
	port: number;
	/** Stops listening and drops every connection: the database is unreachable. */
	cut(): Promise<void>;
	/** Listens again on the same port. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

/** A TCP proxy to PostgreSQL: a real network peer that can disappear and come back. */
async function startProxy(host: string, port: number): Promise<TcpProxy> {
	const sockets = new Set<net.Socket>();
	const listenPort = await freePort();
	let listener: net.Server | undefined;
	const listen = () =>
		new Promise<void>((resolve, reject) => {
			const server = net.createServer((client) => {
				const upstream = net.connect(port, host);
				for (const socket of [client, upstream]) {
					sockets.add(socket);
					socket.on('close', () => sockets.delete(socket));
					socket.on('error', () => (client.destroy(), upstream.destroy()));
				}
				client.pipe(upstream).pipe(client);
			});
			server.once('error', reject);
			server.listen(listenPort, '127.0.0.1', () => resolve());
			listener = server;
		});
	const cut = async () => {
		const closed = new Promise((resolve) => (listener ? listener.close(resolve) : resolve(undefined)));
		for (const socket of sockets) socket.destroy();
		await closed;
		listener = undefined;
	};
	await listen();
	return { port: listenPort, cut, restore: listen, close: cut };
}

describe('/healthz on the embedded database', () => {
	test('answers 200 "ok" without sign-in (the browser suite waits on it)', async () => {
		const server = await startServer({ database: 'pglite' });
		try {
			const health = await fetch(`${server.baseURL}/healthz`, { redirect: 'manual' });
			expect(health.status).toBe(200);
			expect(await health.text()).toBe('ok');
		} finally {
			await server.stop();
		}
	});
});
