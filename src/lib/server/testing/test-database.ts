import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const TABLES = [
	'address_attempts',
	'measurements',
	'follow_up_revisions',
	'follow_ups',
	'periods',
	'scale_values',
	'identity_providers',
	'password_resets',
	'api_tokens',
	'sessions',
	'role_title_holders',
	'role_assignments',
	'accounts',
	'audit_events',
	'indicators',
	'node_boards',
	'node_responsibles',
	'node_links',
	'nodes',
	'chapters',
	'plans',
	'level_children',
	'levels',
	'frameworks',
	'role_titles',
	'people',
	'units',
	'tenants'
];

const holder = globalThis as unknown as { __styrkedjanTestDb?: Promise<Database> };

/** The worker's database: opened and migrated once, shared by every test file the worker runs. */
export function workerDatabase(postgresPrefix?: string): Promise<Database> {
	holder.__styrkedjanTestDb ??= open(postgresPrefix);
	return holder.__styrkedjanTestDb;
}

async function open(postgresPrefix?: string): Promise<Database> {
	if (process.env.TEST_DB !== 'postgres') {
		const database = await openDatabase({ dataDir: 'memory://' });
		await migrateDatabase(database);
		return database;
	}
	const base = process.env.TEST_DATABASE_URL!;
	const name = `${postgresPrefix}_w${process.env.VITEST_POOL_ID ?? '0'}`;
	const admin = new pg.Client({ connectionString: base });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	await admin.end();
	const url = new URL(base);
	url.pathname = `/${name}`;
	const database = await openDatabase({ databaseUrl: url.toString() });
	await migrateDatabase(database);
	return database;
}

export async function resetDatabase(database: Database): Promise<void> {
	await database.db.execute(sql.raw(`truncate ${TABLES.join(', ')} cascade`));
}
