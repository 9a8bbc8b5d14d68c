import path from 'node:path';
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock';
import { logger } from '../app/logger';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; inside a transaction use only this, never the outer Db (PGlite has one connection). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Runs a raw statement as a named prepared statement, for the hot paths (the session, the report's
 * save): on PostgreSQL each pooled connection parses and plans it once, and after five runs the
 * server may keep a generic plan, so a request no longer pays for planning. The name is `name` plus a
 * hash of the statement's text, so a statement whose text varies (an optional condition) gets one
 * name per variant and a name never meets a different text (node-postgres refuses that). Works on a
 * transaction handle too. PGlite (one embedded connection) ignores the name and runs it as usual.
 * Only for statements whose text is a fixed template: values go in as parameters, never into the text,
 * or each value would leave a prepared statement behind on every connection.
 */
export function executePrepared(db: Db, name: string, query: SQL): Promise<unknown> {
	// drizzle's db.execute, with the name its query builders' .prepare(name) would pass (not offered for raw SQL).
	const internal = db as unknown as {
		dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
		session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(): Promise<unknown> } };
	};
	const built = internal.dialect.sqlToQuery(query);
	return internal.session.prepareQuery(built, undefined, preparedName(name, built.sql), false).execute();
}

/** The name of a prepared statement: `name` and a hash of its text (for a query builder's `.prepare(…)` too). */
export function preparedName(name: string, text: string): string {
	let statement = statementNames.get(text);
	if (!statement) {
		statement = `${name}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
		if (statementNames.size < 1000) statementNames.set(text, statement);
	}
	return statement;
}
const statementNames = new Map<string, string>();

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Where the data lives, for messages: a directory or a redacted URL. */
	location: string;
	/** PostgreSQL only: the pool, for work that needs one session (advisory locks). */
	pool?: import('pg').Pool;
	/** PostgreSQL only: the connection string (the job runner opens its own small pool). */
	connectionString?: string;
	/** PGlite only: the instance (the job runner works through its one connection). */
	pglite?: import('@electric-sql/pglite').PGlite;
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** PostgreSQL connection string; when absent the embedded PGlite in dataDir is used. */
	databaseUrl?: string;
	/** PGlite data directory; 'memory://' for an in-memory database (tests). */
	dataDir?: string;
}

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
	return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || './data' };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	if (options.databaseUrl) return openPostgres(options.databaseUrl);
	return openPglite(options.dataDir ?? './data');
}

async function openPostgres(url: string): Promise<Database> {
	const { Pool } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	// JIT off for the application's sessions: its statements are short and many, and PostgreSQL's cost
	// estimate crosses jit_above_cost on a large plan's reads, compiling for 180 ms to run a 10 ms query
	// (docs/BENCHMARKS.md, #15). Reports and analyses run outside the app can still use it.
	const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: '-c jit=off' });
	keepServingWhenConnectionsDrop(pool);
	const db = drizzle({ client: pool, schema }) as unknown as Db;
	return { db, kind: 'postgres', location: redactUrl(url), pool, connectionString: url, close: () => pool.end() };
}

async function openPglite(dataDir: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const inMemory = dataDir.startsWith('memory://');
	let lock: DirectoryLock | undefined;
	if (!inMemory) {
		fs.mkdirSync(dataDir, { recursive: true });
		lock = acquireDirectoryLock(dataDir);
	}
	try {
		const client = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir));
		await client.waitReady;
		const db = drizzle({ client, schema }) as unknown as Db;
		return {
			db,
			kind: 'pglite',
			location: inMemory ? 'memory' : path.resolve(dataDir),
			pglite: client,
			close: async () => {
				await client.close();
				lock?.release();
			}
		};
	} catch (error) {
		lock?.release();
		throw error;
	}
}

/**
 * PostgreSQL ends connections on a restart, a failover or a proxy's idle timeout. node-postgres then
 * emits 'error' on the pool (an idle connection) or on the client (one in use); unheard, either
 * ends the process. The pool has already dropped an idle connection and opens a new one on demand;
 * a connection in use fails its query (the request answers 503, see http/database-unavailable.ts)
 * and is dropped when it is released, being no longer queryable.
 */
function keepServingWhenConnectionsDrop(pool: import('pg').Pool): void {
	pool.on('error', (error) => logger.warn({ err: error }, 'An idle database connection was lost; a new one is opened when needed'));
	pool.on('connect', (client) =>
		// The query in flight gets the same error and reports it; this only keeps the process alive.
		client.on('error', (error) => logger.debug({ err: error }, 'A database connection in use was lost'))
	);
}

function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres';
	}
}
