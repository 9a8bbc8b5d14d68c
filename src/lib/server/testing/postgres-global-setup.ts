import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** Every run gets its own databases (one per worker, named with this prefix), dropped at the end. */
export default async function setup(project: TestProject) {
	const prefix = `styrkedjan_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
	project.provide('postgresPrefix', prefix);
	return async () => {
		const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
		await client.connect();
		const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
		for (const row of rows) await client.query(`drop database if exists "${row.datname}" with (force)`);
		await client.end();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		postgresPrefix: string;
	}
}
