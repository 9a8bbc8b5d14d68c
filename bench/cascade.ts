/**
 * The steering chain: an administration's adopted plan with 10 goals sent down to 60 school units
 * (each gets its own plan with the 10 goals as anchors), on PostgreSQL and on the embedded PGlite,
 * through the command the page uses (`cascadeGoals`). Each run starts from units without plans.
 *
 *   npx tsx bench/cascade.ts        (UNITS, GOALS, RUNS can be set)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { nodes, plans } from '../src/lib/server/db/schema';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { addUnit } from '../src/lib/server/organisation/add-unit';
import { listUnits } from '../src/lib/server/organisation/organisation-repository';
import { createFramework } from '../src/lib/server/frameworks/create-framework';
import { createPlan } from '../src/lib/server/plans/create-plan';
import { addNode } from '../src/lib/server/plans/add-node';
import { adoptPlan } from '../src/lib/server/plans/adopt-plan';
import { cascadeGoals } from '../src/lib/server/plans/cascade-goals';
import { systemContext } from '../src/lib/server/shared/context';
import { percentile, scratchDatabase } from './support';

const UNITS = Number(process.env.UNITS ?? 60);
const GOALS = Number(process.env.GOALS ?? 10);
const RUNS = Number(process.env.RUNS ?? 5);

async function measure(database: Database): Promise<string> {
	await migrateDatabase(database);
	const db = database.db;
	const tenant = await createTenant(db, 'bench', { slug: 'bench', name: 'Bänkkommun' });
	const ctx = systemContext(tenant.id, 'bench');
	const [top] = await listUnits(db, tenant.id);
	const office = await addUnit(db, ctx, { parentId: top.id, kind: 'administration', name: 'Utbildningsförvaltningen' });
	const schools = [];
	for (let i = 1; i <= UNITS; i++) schools.push(await addUnit(db, ctx, { parentId: office.id, kind: 'school_unit', name: `Skola ${i}` }));
	const model = await createFramework(db, ctx, { name: 'Huvudmannens plan', preset: 'perspektiv-uppdrag' });
	const plan = await createPlan(db, ctx, { title: 'Verksamhetsplan 2026', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: 2026, ownerUnitId: office.id, frameworkId: model.id });
	const root = model.levels.find((level) => level.isRoot)!;
	const goals = [];
	for (let i = 1; i <= GOALS; i++) goals.push((await addNode(db, ctx, plan.id, { levelId: root.id, ref: String(i), title: `Mål ${i}` })).id);
	await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2026-01-30' });
	const unitModel = await createFramework(db, ctx, { name: 'Enhetens plan', preset: 'omrade-insatser' });
	const anchorLevel = unitModel.levels.find((level) => level.isRoot)!;
	const times: number[] = [];
	for (let run = 0; run <= RUNS; run++) {
		await db.delete(nodes).where(isNotNull(nodes.sourceNodeId));
		await db.delete(plans).where(eq(plans.parentPlanId, plan.id));
		const start = performance.now();
		const result = await cascadeGoals(db, ctx, plan.id, { goalIds: goals, unitIds: schools.map((school) => school.id), frameworkId: unitModel.id, levelId: anchorLevel.id });
		if (run) times.push(performance.now() - start); // the first is a warm-up
		if (result.anchorsAdded !== UNITS * GOALS) throw new Error(`only ${result.anchorsAdded} anchors`);
	}
	return `${percentile(times, 50).toFixed(0)} / ${Math.max(...times).toFixed(0)} ms`;
}

const scratch = await scratchDatabase();
const postgres = await openDatabase({ databaseUrl: scratch.url });
const onPostgres = await measure(postgres).finally(async () => {
	await postgres.close();
	await scratch.drop();
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-bench-pglite-'));
const pglite = await openDatabase({ dataDir: dir });
const onPglite = await measure(pglite).finally(async () => {
	await pglite.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

console.log(`\nSending ${GOALS} goals to ${UNITS} units (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})\n`);
console.log('| database | median / slowest |');
console.log('|---|---|');
console.log(`| PostgreSQL | ${onPostgres} |`);
console.log(`| PGlite | ${onPglite} |`);
