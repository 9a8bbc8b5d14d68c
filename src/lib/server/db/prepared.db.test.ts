import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { workerDatabase } from '../testing/test-database';
import { createTestOrganisation, testDb } from '../testing/factories';
import { units } from './schema';
import { rowsOf } from './rows';
import { executePrepared, preparedName } from './client';

describe('named prepared statements', () => {
	it('answer like db.execute, with new values each run, outside and inside a transaction', async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const other = await createTestOrganisation(db);
		const names = (tenantId: string) => sql`select name from units where tenant_id = ${tenantId} and parent_id is not null order by name`;
		for (let run = 0; run < 7; run++) {
			// More than five runs: PostgreSQL may switch to a generic plan after five.
			const tenantId = run % 2 ? other.tenant.id : org.tenant.id;
			expect(rowsOf<{ name: string }>(await executePrepared(db, 'test_units', names(tenantId)))).toEqual(rowsOf(await db.execute(names(tenantId))));
		}
		await db.transaction(async (tx) => {
			expect(rowsOf<{ name: string }>(await executePrepared(tx, 'test_units', names(org.tenant.id))).map((row) => row.name)).toEqual([
				'Barn- och ungdomsnämnden',
				'Bildningsnämnden'
			]);
		});
	});

	it('gives a statement whose text varies a name per text, so a name never meets another text', async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const count = (withParent: boolean) =>
			sql`select count(*)::int as n from units where tenant_id = ${org.tenant.id} ${withParent ? sql`and parent_id is not null` : sql``}`;
		expect(rowsOf<{ n: number }>(await executePrepared(db, 'test_count', count(true)))[0].n).toBe(2);
		expect(rowsOf<{ n: number }>(await executePrepared(db, 'test_count', count(false)))[0].n).toBe(3);
		expect(preparedName('test_count', 'select 1')).not.toBe(preparedName('test_count', 'select 2'));
		expect(preparedName('test_count', 'select 1')).toBe(preparedName('test_count', 'select 1'));
	});

	it("works with a query builder's prepare(name), mapping its rows as usual", async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const query = db
			.select({ name: units.name, parentId: units.parentId })
			.from(units)
			.where(and(eq(units.tenantId, org.tenant.id), eq(units.kind, 'board')));
		const rows = await query.prepare(preparedName('test_boards', query.toSQL().sql)).execute();
		expect(rows.map((row) => row.name).sort()).toEqual(['Barn- och ungdomsnämnden', 'Bildningsnämnden']);
	});

	it('on PostgreSQL, is prepared once on the connection and reused', async () => {
		const database = await workerDatabase();
		if (database.kind !== 'postgres') return;
		const org = await createTestOrganisation(database.db);
		const query = sql`select id from units where tenant_id = ${org.tenant.id} and parent_id is null`;
		// A transaction holds one connection, so the same connection's prepared statements are seen.
		await database.db.transaction(async (tx) => {
			for (let run = 0; run < 3; run++) await executePrepared(tx, 'test_top', query);
			const [row] = rowsOf<{ calls: number }>(
				await tx.execute(sql`select (generic_plans + custom_plans)::int as calls from pg_prepared_statements where name like 'test_top_%'`)
			);
			expect(row.calls).toBe(3);
		});
	});

	it('runs the application\'s PostgreSQL sessions without JIT (a large plan\'s reads would compile longer than they run)', async () => {
		const database = await workerDatabase();
		const [setting] = rowsOf<{ jit: string; available: boolean }>(await database.db.execute(sql`select current_setting('jit') as jit, pg_jit_available() as available`));
		// PGlite is built without JIT (the setting says on, but nothing can compile).
		if (database.kind === 'pglite') expect(setting.available).toBe(false);
		else expect(setting.jit).toBe('off');
	});
});
