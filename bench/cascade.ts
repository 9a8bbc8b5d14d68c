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
import { createFramework } from '../src/lib/server/frameworks/create-framework';
import { cascadeGoals } from '../src/lib/server/plans/cascade-goals';
import { chainOrganiser, percentile, scratchDatabase } from './support';

const UNITS = Number(process.env.UNITS ?? 60);
const GOALS = Number(process.env.GOALS ?? 10);
const RUNS = Number(process.env.RUNS ?? 5);

async function measure(database: Database): Promise<string> {
	await migrateDatabase(database);
	const db = database.db;
	const { ctx, schools, plan, goals } = await chainOrganiser(db, UNITS, GOALS);
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
