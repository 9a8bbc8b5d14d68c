import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from './rows';
import { testDb } from '../testing/factories';

/**
 * Ready to be distributed by tenant (Citus): every table's primary key, and every foreign key, starts
 * with tenant_id — except the tables that hold no organisation's data, named here with the reason.
 */
const WITHOUT_TENANT: Record<string, string> = {
	tenants: 'the organisations themselves (their id is the tenant id)',
	address_attempts: 'an address is counted before the organisation is known',
	kolada_kpis: "Kolada's public catalogue, the same for everyone (a reference table)",
	kolada_places: "Kolada's municipalities, groups and units (a reference table)",
	kolada_values: "Kolada's published figures (a reference table)",
	__drizzle_migrations: 'the migrations applied'
};

describe('tenant-first keys', () => {
	it('starts every primary and foreign key with tenant_id, but for the public tables', async () => {
		const db = await testDb();
		const keys = rowsOf<{ table: string; kind: string; name: string; first: string }>(
			await db.execute(sql`
				select c.relname as table, k.contype as kind, k.conname as name, a.attname as first
				from pg_constraint k
				join pg_class c on c.oid = k.conrelid
				join pg_namespace n on n.oid = c.relnamespace
				join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
				where n.nspname = 'public' and k.contype in ('p', 'f')`)
		);
		const tables = new Set(keys.map((key) => key.table));
		expect(tables.size).toBeGreaterThan(20);
		const wrong = keys.filter((key) => !(key.table in WITHOUT_TENANT) && key.first !== 'tenant_id').map((key) => `${key.table}.${key.name}`);
		expect(wrong).toEqual([]);
		// A foreign key from an organisation's table into a public one would tie them together: none.
		const intoPublic = rowsOf<{ name: string }>(
			await db.execute(sql`
				select k.conname as name from pg_constraint k join pg_class target on target.oid = k.confrelid
				where k.contype = 'f' and target.relname in ('kolada_kpis', 'kolada_places', 'kolada_values', 'address_attempts')`)
		);
		expect(intoPublic).toEqual([]);
	});
});
