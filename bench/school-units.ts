/**
 * Importing an organiser's school units from the school unit register: 300 units from the local stub
 * register (never the real service), on PostgreSQL and PGlite, through the code the page and the CLI
 * use: the register's list and each unit's answer read over HTTP (`fetchRegisterUnits`), the preview,
 * and the import in one transaction. Each run is a fresh organisation (300 units added), followed by
 * a re-import of the same organiser with 30 names changed in the register.
 *
 *   npx tsx bench/school-units.ts        (UNITS, RUNS can be set)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { findTenantBySlug, listUnits } from '../src/lib/server/organisation/organisation-repository';
import { fetchRegisterUnits } from '../src/lib/server/organisation/school-unit-register';
import { previewSchoolUnitImport } from '../src/lib/server/organisation/preview-school-unit-import';
import { importSchoolUnits } from '../src/lib/server/organisation/import-school-units';
import { systemContext } from '../src/lib/server/shared/context';
import { generatedUnits, startSchoolUnitRegister } from '../tests/peers/school-unit-register';
import { percentile, scratchDatabase } from './support';

const UNITS = Number(process.env.UNITS ?? 300);
const RUNS = Number(process.env.RUNS ?? 7);

const answers = generatedUnits(UNITS);
const register = await startSchoolUnitRegister({ units: answers });

async function importOnce(database: Database, slug: string, renamed: boolean): Promise<{ ms: number; fetchMs: number }> {
	const db = database.db;
	const started = performance.now();
	const units = await fetchRegisterUnits({ municipalityCode: '0999' }, { baseUrl: register.url });
	const fetchMs = performance.now() - started;
	const tenant = (await findTenantBySlug(db, slug))!;
	const ctx = systemContext(tenant.id, 'bench');
	const [top] = await listUnits(db, tenant.id);
	await previewSchoolUnitImport(db, ctx, { parentId: top.id, units });
	const result = await importSchoolUnits(db, ctx, { parentId: top.id, units });
	const ms = performance.now() - started;
	if (result.counts.added + result.counts.renamed + result.counts.unchanged !== UNITS) throw new Error('not every unit was imported');
	if (renamed && result.counts.renamed !== Math.floor(UNITS / 10)) throw new Error('the renamed units were not seen');
	return { ms, fetchMs };
}

async function measure(label: string, database: Database) {
	await migrateDatabase(database);
	const first: number[] = [];
	const again: number[] = [];
	const fetching: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		register.setUnits(answers);
		const slug = `bench-${run}`;
		await createTenant(database.db, 'bench', { slug, name: `Bänkkommun ${run}` });
		const once = await importOnce(database, slug, false);
		first.push(once.ms);
		fetching.push(once.fetchMs);
		register.setUnits(answers.map((answer, index) => (index % 10 === 0 ? { ...answer, data: { ...answer.data, attributes: { ...answer.data.attributes, displayName: `${answer.data.attributes.displayName} (nytt namn)` } } } : answer)));
		again.push((await importOnce(database, slug, true)).ms);
	}
	const figure = (values: number[]) => `median ${percentile(values, 50).toFixed(0)} ms, slowest ${Math.max(...values).toFixed(0)} ms`;
	console.log(`${label}: ${UNITS} units, first import: ${figure(first)}; re-import with ${Math.floor(UNITS / 10)} renamed: ${figure(again)} (${RUNS} runs); of the first import, reading the register over HTTP: ${figure(fetching)}`);
}

try {
	const scratch = await scratchDatabase();
	const postgres = await openDatabase({ databaseUrl: scratch.url });
	try {
		await measure('PostgreSQL', postgres);
	} finally {
		await postgres.close();
		await scratch.drop();
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-school-units-'));
	const pglite = await openDatabase({ dataDir });
	try {
		await measure('PGlite', pglite);
	} finally {
		await pglite.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
	console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; register requests answered: ${register.requests()}`);
} finally {
	await register.close();
}
