import { beforeAll, beforeEach, inject } from 'vitest';
import { resetDatabase, workerDatabase } from './test-database';

beforeAll(async () => {
	await workerDatabase(process.env.TEST_DB === 'postgres' ? inject('postgresPrefix') : undefined);
});

beforeEach(async () => {
	await resetDatabase(await workerDatabase());
});
