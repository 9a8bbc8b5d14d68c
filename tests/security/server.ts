import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD, freePort, waitUntilServing } from '../server-process';
import { inject } from 'vitest';

/**
 * A real Styrkedjan server for one test file, started as `npm start` starts it (from the snapshot of
 * the build that the group's global setup made), on a fresh PostgreSQL database or a fresh embedded one, with
 * the demo organisation loaded. Tests talk to it over HTTP as an attacker or an operator would.
 */
export interface TestServer {
	baseURL: string;
	/** PostgreSQL only: the database's own connection string, for a second connection that does harm. */
	databaseUrl?: string;
	/** PGlite only: the data directory. */
	dataDir?: string;
	/** Everything the server printed so far. */
	output(): string;
	process: ChildProcess;
	stop(): Promise<void>;
}

export interface ServerOptions {
	database: 'postgres' | 'pglite';
	env?: Record<string, string>;
	/** PostgreSQL only: rewrites the connection string the server gets (e.g. to go through a proxy the test controls). */
	serverDatabaseUrl?: (databaseUrl: string) => string;
	/** PostgreSQL only: run on this existing database (e.g. another test server's) instead of a fresh one; it is not dropped on stop. */
	databaseUrl?: string;
}

export { DEMO_EMAILS, DEMO_PASSWORD, freePort } from '../server-process';

/** PostgreSQL-backed tests run when TEST_DATABASE_URL is set (always in CI: vitest.config.ts insists). */
export const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function startServer(options: ServerOptions): Promise<TestServer> {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-security-'));
	let databaseUrl: string | undefined;
	let dropDatabase = async () => {};
	if (options.database === 'postgres' && options.databaseUrl) {
		databaseUrl = options.databaseUrl;
	} else if (options.database === 'postgres') {
		const name = `styrkedjan_security_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
		await admin.connect();
		await admin.query(`create database "${name}"`);
		await admin.end();
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		dropDatabase = async () => {
			const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
			await client.connect();
			await client.query(`drop database if exists "${name}" with (force)`);
			await client.end();
		};
	}
	const dataDir = options.database === 'pglite' ? path.join(workDir, 'db') : undefined;
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			DATABASE_URL: databaseUrl ? (options.serverDatabaseUrl?.(databaseUrl) ?? databaseUrl) : '',
			DATA_DIR: dataDir ?? path.join(workDir, 'unused'),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			DEMO: 'true',
			DEFAULT_TENANT: 'exempelkommun',
			SMTP_URL: '',
			// Nothing in the tests reaches the internet: no nightly Kolada sync in a test server.
			JOB_SCHEDULE: 'off',
			LOG_LEVEL: 'warn',
			STYRKEDJAN_BUILD: inject('securityBuild'),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const echo = process.env.E2E_SERVER_LOG === '1';
	server.stdout!.on('data', (chunk) => ((output += chunk), echo && process.stdout.write(chunk)));
	server.stderr!.on('data', (chunk) => ((output += chunk), echo && process.stderr.write(chunk)));
	const stop = async () => {
		if (server.exitCode === null && server.signalCode === null) {
			const exited = new Promise((resolve) => server.once('exit', resolve));
			server.kill('SIGTERM');
			await exited;
		}
		await dropDatabase();
		fs.rmSync(workDir, { recursive: true, force: true });
	};
	try {
		await waitUntilServing(`${baseURL}/login`, server, () => output);
	} catch (error) {
		await stop();
		throw error;
	}
	return { baseURL, databaseUrl, dataDir, output: () => output, process: server, stop };
}

/** A form post as a browser without JavaScript sends it (same Origin, urlencoded, accepts HTML), without following redirects. */
export function postForm(server: TestServer, pathname: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}) {
	return fetch(`${server.baseURL}${pathname}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.baseURL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {}),
			...headers
		},
		body: new URLSearchParams(fields).toString()
	});
}

/** Signs in with email and password; returns the `cookie` header value for later requests. */
export async function signIn(server: TestServer, email: string, password = DEMO_PASSWORD, org = 'exempelkommun'): Promise<string> {
	const response = await postForm(server, '/login', { email, password, org, redirectTo: '/plans' });
	const cookie = response.headers.getSetCookie().find((line) => line.startsWith('styrkedjan_session='));
	if (response.status !== 303 || !cookie) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
	return cookie.split(';')[0];
}

/** A GET with the session cookie, not following redirects. */
export function get(server: TestServer, pathname: string, cookie?: string, headers: Record<string, string> = {}) {
	return fetch(`${server.baseURL}${pathname}`, { redirect: 'manual', headers: { ...(cookie ? { cookie } : {}), ...headers } });
}
