import net from 'node:net';
import pg from 'pg';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, test } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { isConnectionError } from './connection-errors';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as net.AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

describe('isConnectionError', () => {
	test('a database that cannot be reached, as node-postgres reports it, also wrapped by drizzle', async () => {
		const client = new pg.Client({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x' });
		const refused = await client.connect().then(() => undefined, (error: unknown) => error);
		expect(isConnectionError(refused)).toBe(true);
		expect(isConnectionError(new DrizzleQueryError('select 1', [], refused as Error))).toBe(true);
	});

	test('a connection ended by PostgreSQL (57P01, 08006) or closed under the driver', () => {
		const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
		expect(isConnectionError(terminated)).toBe(true);
		expect(isConnectionError(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
		expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isConnectionError(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
	});

	test('faults of the request itself are not', () => {
		expect(isConnectionError(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
		expect(isConnectionError(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(false);
		expect(isConnectionError(new DomainError('error_forbidden'))).toBe(false);
		expect(isConnectionError(new Error('Something else'))).toBe(false);
		expect(isConnectionError(undefined)).toBe(false);
	});
});
