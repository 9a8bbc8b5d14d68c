import path from 'node:path';
import fs from 'node:fs';
import type { Database } from './client';

/** The drizzle-kit migrations folder, found from the working directory or this file's location. */
export function migrationsFolder(): string {
	const candidates = [
		process.env.MIGRATIONS_DIR,
		path.resolve('drizzle'),
		path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../../drizzle')
	].filter((p): p is string => Boolean(p));
	const found = candidates.find((p) => fs.existsSync(path.join(p, 'meta', '_journal.json')));
	if (!found) throw new Error(`Migrations not found (looked in ${candidates.join(', ')})`);
	return found;
}

/** Applies pending migrations. On PostgreSQL an advisory lock keeps two servers from racing. */
export async function migrateDatabase(database: Database): Promise<void> {
	const migrationsDir = migrationsFolder();
	if (database.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as never, { migrationsFolder: migrationsDir });
		return;
	}
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const client = await database.pool!.connect();
	try {
		await client.query('select pg_advisory_lock(7531902)');
		await migrate(drizzle({ client }), { migrationsFolder: migrationsDir });
	} finally {
		await client.query('select pg_advisory_unlock(7531902)').catch(() => undefined);
		client.release();
	}
}
