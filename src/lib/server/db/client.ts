import path from 'node:path';
import fs from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; inside a transaction use only this, never the outer Db (PGlite has one connection). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Where the data lives, for messages: a directory or a redacted URL. */
	location: string;
	/** PostgreSQL only: the pool, for work that needs one session (advisory locks). */
	pool?: import('pg').Pool;
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
	const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
	const db = drizzle({ client: pool, schema }) as unknown as Db;
	return { db, kind: 'postgres', location: redactUrl(url), pool, close: () => pool.end() };
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

function redactUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres';
	}
}
