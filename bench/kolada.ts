/**
 * Kolada (issue 13), against the local stub (tests/peers/kolada.ts, size-scaled mode), on PostgreSQL
 * and on the embedded PGlite:
 *
 * The stub answers in pages of up to 5,000 items as Kolada does (its default of 20 is for testing paging).
 *
 * (a) Catalogue search: the stub's catalogue synced, then padded to CATALOGUE key figures (Kolada's
 *     own catalogue is some 6,000) with generated figures in Kolada's wording — variants of the stub's
 *     school, preschool and economy figures, so the queries below hit hundreds of rows, more than they
 *     would in the real, broader catalogue. `searchKpis` timed RUNS times per query (after a warm-up).
 * (b) Sync: an administration's plan with one goal sent down to UNITS school units, each unit matched
 *     and confirmed to the stub's unit of that number; each unit's plan has KPIS indicators under the
 *     goal, one for each of the stub's KPIS key figures, and YEARS yearly periods (2016–2025). So
 *     KPIS × YEARS × UNITS outcomes, filled from the unit's figures. One full `syncValues`, then a
 *     second that finds everything as it was (idempotent).
 *
 *   npx tsx bench/kolada.ts        (UNITS, KPIS, YEARS, CATALOGUE, RUNS can be set; ONLY=postgres or ONLY=pglite)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { rowsOf } from '../src/lib/server/db/rows';
import { indicators, koladaKpis, nodes, periods } from '../src/lib/server/db/schema';
import { createFramework } from '../src/lib/server/frameworks/create-framework';
import { cascadeGoals } from '../src/lib/server/plans/cascade-goals';
import { koladaSource } from '../src/lib/server/kolada/kolada-http';
import { syncCatalogue } from '../src/lib/server/kolada/sync-catalogue';
import { syncValues, type SyncSummary } from '../src/lib/server/kolada/sync-values';
import { setKoladaSettings } from '../src/lib/server/kolada/set-kolada-settings';
import { listPlaces, searchKpis } from '../src/lib/server/kolada/kolada-repository';
import { confirmUnitMatches } from '../src/lib/server/kolada/match-units';
import { recordedKpis, startKolada, type KoladaStub } from '../tests/peers/kolada';
import { chainOrganiser, percentile, scratchDatabase, time } from './support';

const UNITS = Number(process.env.UNITS ?? 60);
const KPIS = Number(process.env.KPIS ?? 50);
const YEARS = Number(process.env.YEARS ?? 10);
const CATALOGUE = Number(process.env.CATALOGUE ?? 6000);
const RUNS = Number(process.env.RUNS ?? 30);
const MUNICIPALITY = '1280';
const LAST_YEAR = 2025;

const QUERIES = ['behöriga yrkesprogram', 'meritvärde', 'trygghet', 'kostnad per elev', 'N15428', 'ingetsådantnyckeltal'];

/** Generated key figures in Kolada's style, beside the stub's: each stub figure in many variants (who, which schools, how measured). */
function padding(count: number) {
	const whom = ['flickor', 'pojkar', 'elever med utländsk bakgrund', 'elever med svensk bakgrund', 'nyinvandrade elever', 'elever med föräldrar med eftergymnasial utbildning', 'elever med föräldrar med förgymnasial utbildning', 'folkbokförda i kommunen', 'alla elever'];
	const where = ['kommunala skolor', 'fristående skolor', 'hemkommun', 'lägeskommun', 'skolor i kommunen'];
	const how = ['andel (%)', 'genomsnitt', 'antal', 'förändring sedan föregående år (%)', 'modellberäknat värde', 'avvikelse från modellberäknat värde', 'median', 'kvartil 1', 'kvartil 3', 'index (2015 = 100)'];
	const base = recordedKpis().map((kpi) => ({ title: kpi.title.replace(/, (andel \(%\)|antal|genomsnitt.*|kr\/.*)$/, ''), area: kpi.operating_area }));
	const rows = [];
	for (let i = 0; rows.length < count; i++) {
		const { title, area } = base[i % base.length];
		const variant = Math.floor(i / base.length);
		const full = `${title}, ${whom[variant % whom.length]}, ${where[Math.floor(variant / whom.length) % where.length]}, ${how[Math.floor(variant / (whom.length * where.length)) % how.length]}`;
		rows.push({
			id: `Z${String(50000 + i).padStart(5, '0')}`,
			title: full,
			description: `${full}. Avser läsåret eller kalenderåret som perioden anger. Källa: SCB och Skolverket (genererat för mätningen).`,
			operatingArea: area,
			hasOuData: variant % 3 === 0,
			dividedByGender: variant % 2 === 0,
			municipalityType: 'K',
			publicationDate: '2026-03-31'
		});
	}
	return rows;
}

interface Result {
	catalogue: number;
	search: { query: string; hits: number; times: number[] }[];
	outcomes: number;
	first: { ms: number; summary: SyncSummary; requests: number };
	second: { ms: number; summary: SyncSummary; requests: number };
	measurements: number;
}

async function measure(database: Database, stub: KoladaStub): Promise<Result> {
	await migrateDatabase(database);
	const db = database.db;
	const source = koladaSource({ baseUrl: stub.url });

	// (a) The catalogue, padded to Kolada's size.
	await syncCatalogue(db, source, MUNICIPALITY);
	const pad = padding(CATALOGUE - recordedKpis().slice(0, KPIS).length);
	for (let i = 0; i < pad.length; i += 500) await db.insert(koladaKpis).values(pad.slice(i, i + 500)).onConflictDoNothing();
	await db.execute(sql`analyze kolada_kpis`);
	const [{ n: catalogue }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from kolada_kpis`));
	const search = [];
	for (const query of QUERIES) {
		const hits = (await searchKpis(db, query, 1000)).length;
		search.push({ query, hits, times: await time(RUNS, () => searchKpis(db, query)) });
	}

	// (b) The organisation: UNITS school units matched to the stub's units, each with a plan of KPIS indicators over YEARS periods.
	const { tenant, ctx, schools, plan, goals } = await chainOrganiser(db, UNITS, 1);
	await setKoladaSettings(db, ctx, { municipalityCode: MUNICIPALITY, comparisonGroupId: 'G124001' });
	const candidates = await listPlaces(db, 'unit', MUNICIPALITY);
	if (candidates.length !== UNITS) throw new Error(`${candidates.length} Kolada units`);
	await confirmUnitMatches(
		db,
		ctx,
		schools.map((school, index) => ({ unitId: school.id, koladaOuId: `V15E${MUNICIPALITY}${String(index + 1).padStart(5, '0')}` })),
		candidates
	);
	const unitModel = await createFramework(db, ctx, { name: 'Enhetens plan', preset: 'enkel' });
	const anchorLevel = unitModel.levels.find((level) => level.isRoot)!;
	await cascadeGoals(db, ctx, plan.id, { goalIds: goals, unitIds: schools.map((school) => school.id), frameworkId: unitModel.id, levelId: anchorLevel.id });
	const anchors = await db
		.select({ id: nodes.id, planId: nodes.planId })
		.from(nodes)
		.where(sql`${nodes.tenantId} = ${tenant.id} and ${nodes.sourceNodeId} is not null`);
	if (anchors.length !== UNITS) throw new Error(`${anchors.length} unit plans`);
	const kpis = recordedKpis().slice(0, KPIS);
	// Written in bulk: the set-up is not what is measured.
	const indicatorRows = anchors.flatMap((anchor) => kpis.map((kpi, position) => ({ tenantId: tenant.id, nodeId: anchor.id, position, name: kpi.title, kind: 'number' as const, koladaKpi: kpi.id })));
	for (let i = 0; i < indicatorRows.length; i += 1000) await db.insert(indicators).values(indicatorRows.slice(i, i + 1000));
	const periodRows = anchors.flatMap((anchor) =>
		Array.from({ length: YEARS }, (_, index) => {
			const year = LAST_YEAR - YEARS + 1 + index;
			return { tenantId: tenant.id, planId: anchor.planId, name: `Helår ${year}`, asOf: `${year}-12-31`, dueOn: `${year + 1}-01-31` };
		})
	);
	for (let i = 0; i < periodRows.length; i += 1000) await db.insert(periods).values(periodRows.slice(i, i + 1000));
	await db.execute(sql`analyze`);

	const run = async () => {
		const before = stub.requests().length;
		const start = performance.now();
		const summary = (await syncValues(db, ctx, source, 'cli', { thisYear: LAST_YEAR }))!;
		return { ms: performance.now() - start, summary, requests: stub.requests().length - before };
	};
	const first = await run();
	console.error(`first sync: ${(first.ms / 1000).toFixed(2)} s`);
	const second = await run();
	console.error(`second sync: ${(second.ms / 1000).toFixed(2)} s`);
	const [{ n: measurements }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from measurements where tenant_id = ${tenant.id} and source = 'kolada'`));
	return { catalogue, search, outcomes: indicatorRows.length * YEARS, first, second, measurements };
}

// Pages as Kolada's own (up to 5,000 items; the client asks 1,000), not the stub's default 20, which is there to test paging.
const stub = await startKolada({ maxPerPage: 5000, scale: { municipality: MUNICIPALITY, units: UNITS, kpis: KPIS, years: YEARS } });
try {
	const only = process.env.ONLY; // 'postgres' or 'pglite': one database only
	const results: [string, Result][] = [];
	if (only !== 'pglite') {
		const scratch = await scratchDatabase();
		const postgres = await openDatabase({ databaseUrl: scratch.url });
		results.push([
			'PostgreSQL',
			await measure(postgres, stub).finally(async () => {
				await postgres.close();
				await scratch.drop();
			})
		]);
	}
	if (only !== 'postgres') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-bench-pglite-'));
		const pglite = await openDatabase({ dataDir: dir });
		results.push([
			'PGlite',
			await measure(pglite, stub).finally(async () => {
				await pglite.close();
				fs.rmSync(dir, { recursive: true, force: true });
			})
		]);
	}

	console.log(
		`\nKolada against the stub: ${results[0][1].catalogue} key figures searched, ${RUNS} runs a query after a warm-up; a sync of ${KPIS} key figures × ${YEARS} years × ${UNITS} units` +
			` (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')})\n`
	);
	const cell = (times: number[]) => `${percentile(times, 50).toFixed(1)} / ${Math.max(...times).toFixed(1)}`;
	console.log(`| query | hits | ${results.map(([name]) => `${name} median / slowest ms`).join(' | ')} |`);
	console.log(`|---|---|${results.map(() => '---|').join('')}`);
	results[0][1].search.forEach((row, index) => console.log(`| ${row.query} | ${row.hits} | ${results.map(([, result]) => cell(result.search[index].times)).join(' | ')} |`));
	console.log('\n| database | sync | seconds | requests to Kolada | filled | updated | kept | failed | outcomes missing at Kolada |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const [name, result] of results) {
		for (const [label, sync] of [['first', result.first], ['second (nothing new)', result.second]] as const) {
			const missing = sync.summary.indicators.reduce((sum, outcome) => sum + outcome.missing, 0);
			console.log(`| ${name} | ${label} | ${(sync.ms / 1000).toFixed(2)} | ${sync.requests} | ${sync.summary.filled} | ${sync.summary.updated} | ${sync.summary.kept} | ${sync.summary.failed} | ${missing} |`);
		}
	}
	console.log(`\n${results[0][1].outcomes} outcomes in all; after the syncs ${results.map(([name, result]) => `${result.measurements} (${name})`).join(' and ')} hold Kolada's value.`);
} finally {
	await stub.close();
}
process.exit(0);
