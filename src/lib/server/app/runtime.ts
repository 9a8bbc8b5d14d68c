import { sql } from 'drizzle-orm';
import { databaseOptionsFromEnv, openDatabase, type Database, type Db } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { loadDemo } from '../demo/load-demo';
import { listTenants } from '../organisation/organisation-repository';
import { ensureScales } from '../follow-up/scales';
import { logger } from './logger';
import { stopPdfWorker } from '../documents/render-pdf';

let database: Database | undefined;
let demoMode = false;

/**
 * Opens the database, applies migrations and, on an empty database, loads the demo organisation
 * (always on the embedded database; on PostgreSQL only with DEMO=true). Called once at server start.
 */
export async function startRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
	if (database) return database;
	const opened = await openDatabase(databaseOptionsFromEnv(env));
	await migrateDatabase(opened);
	const wantDemo = env.DEMO ? env.DEMO === 'true' : opened.kind === 'pglite';
	demoMode = wantDemo;
	if (wantDemo && (await listTenants(opened.db)).length === 0) {
		const { tenant } = await loadDemo(opened.db);
		logger.info({ tenant: tenant.slug }, 'Demo organisation loaded');
	}
	// Organisations created before follow-up existed get the preset status set and assessment scale.
	for (const tenant of await listTenants(opened.db)) await ensureScales(opened.db, tenant.id);
	database = opened;
	logger.info({ database: opened.kind, location: opened.location }, 'Database ready');
	return opened;
}

/** How long /healthz waits for the database before it calls it unreachable (a probe should not hang). */
export const HEALTH_TIMEOUT_MS = 3_000;

/** For /healthz: does the database answer `select 1` (on PGlite too) within HEALTH_TIMEOUT_MS? */
export async function databaseReachable(timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
	if (!database) return false;
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
	const answered = database.db.execute(sql`select 1`).then(
		() => true,
		(error: unknown) => (logger.warn({ err: error }, 'Health check: the database did not answer'), false)
	);
	try {
		return await Promise.race([answered, timedOut]);
	} finally {
		clearTimeout(timer);
	}
}

export function getDb(): Db {
	if (!database) throw new Error('Runtime not started');
	return database.db;
}

export async function stopRuntime(): Promise<void> {
	await stopPdfWorker();
	await database?.close();
	database = undefined;
}

/** Demo mode: the demo organisation is offered, and its sign-in details are shown on the login page. */
export function isDemoMode(): boolean {
	return demoMode;
}
