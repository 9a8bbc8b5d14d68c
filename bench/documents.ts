/**
 * Documents of a large plan, on PostgreSQL, through the same code the pages and the CLI use
 * (`exportPlan`, `importWorkbook`): DOCX, XLSX, PDF (Typst) and HTML export of the plan and of a period's
 * follow-up report, and the Excel round trip of every row (unchanged, and every title edited).
 *
 *   npx tsx bench/documents.ts        (ITEMS, RUNS can be set)
 */
import os from 'node:os';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { followUps, plans } from '../src/lib/server/db/schema';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { systemContext } from '../src/lib/server/shared/context';
import { addPeriod } from '../src/lib/server/follow-up/manage-periods';
import { listScale } from '../src/lib/server/follow-up/scales';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { exportPlan } from '../src/lib/server/documents/export-plan';
import { importWorkbook } from '../src/lib/server/documents/import-workbook';
import { stopPdfWorker } from '../src/lib/server/documents/render-pdf';
import { clearStoredPdfs } from '../src/lib/server/documents/pdf-store';
import { generatePlan } from './generate-plan';
import { percentile, scratchDatabase } from './support';

const ITEMS = Number(process.env.ITEMS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 7);

const scratch = await scratchDatabase();
const url = new URL(scratch.url);
const database = await openDatabase({ databaseUrl: url.toString() });
try {
	await migrateDatabase(database);
	const db = database.db;
	const tenant = await createTenant(db, 'bench', { slug: 'bench', name: 'Bänkkommun' });
	const ctx = systemContext(tenant.id, 'bench');
	const planId = await generatePlan(db, ctx, ITEMS);
	const periodId = await addPeriod(db, ctx, planId, { name: 'Delår 1', asOf: '2026-04-30', dueOn: '2026-05-15' });
	const data = (await loadPlanData(db, tenant.id, planId))!;
	const statuses = await listScale(db, tenant.id, 'status');
	const followed = data.nodes.filter((node) => data.framework.levels.find((level) => level.id === node.levelId)?.followUp === 'status');
	const rows = followed.map((node, index) => ({ tenantId: tenant.id, planId, nodeId: node.id, periodId, statusId: statuses[index % statuses.length].id, comment: 'Arbetet fortgår enligt plan.', updatedBy: 'bench' }));
	for (let i = 0; i < rows.length; i += 500) await db.insert(followUps).values(rows.slice(i, i + 500));
	await db.execute(sql`analyze`);

	const time = async (run: () => Promise<unknown>, runs = RUNS) => {
		await run(); // warm-up
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const start = performance.now();
			await run();
			times.push(performance.now() - start);
		}
		return `${percentile(times, 50).toFixed(0)} / ${Math.max(...times).toFixed(0)} ms`;
	};
	const sizes = new Map<string, number>();
	const exported = (format: string, period?: string) => async () => {
		const file = await exportPlan(db, tenant.id, planId, { format, periodId: period, locale: 'sv' });
		sizes.set(`${format}${period ? '+' : ''}`, file.body.length);
		return file;
	};

	const figures: [string, string][] = [];
	for (const format of ['docx', 'xlsx', 'html', 'json']) figures.push([`${format.toUpperCase()} export, plan`, await time(exported(format))]);
	for (const format of ['docx', 'xlsx']) figures.push([`${format.toUpperCase()} export, follow-up report`, await time(exported(format, periodId))]);
	// PDF: made by Typst each time. Cold: a new worker with Typst's caches emptied (they belong to the
	// process), as for the first PDF after a start; warm: the worker running and the document changed
	// since the last PDF (Typst reuses the layout of what did not change, as during a reporting round).
	// Also the process's CPU time (every thread: the Typst worker's included), which a busy machine
	// does not stretch the way it stretches wall time; the database's own work is not in it.
	const timeEach = async (prepare: () => Promise<unknown>, run: () => Promise<unknown>, runs = RUNS) => {
		const times: number[] = [];
		const cpu: number[] = [];
		for (let i = 0; i <= runs; i++) {
			await prepare();
			const start = performance.now();
			const used = process.cpuUsage();
			await run();
			const spent = process.cpuUsage(used);
			if (i) {
				// the first is a warm-up
				times.push(performance.now() - start);
				cpu.push((spent.user + spent.system) / 1000);
			}
		}
		return `${percentile(times, 50).toFixed(0)} / ${Math.max(...times).toFixed(0)} ms (CPU ${percentile(cpu, 50).toFixed(0)} ms)`;
	};
	const cold = async () => {
		await stopPdfWorker();
		clearStoredPdfs();
	};
	let edits = 0;
	const commentChanged = () => db.update(followUps).set({ comment: `Arbetet fortgår enligt plan (${++edits}).` }).where(eq(followUps.nodeId, followed[0].id));
	const planChanged = () => db.update(plans).set({ title: `Genererad plan med ${ITEMS} punkter (${++edits})` }).where(eq(plans.id, planId));
	figures.push(['PDF/UA-1 export, plan, cold (new Typst worker, caches empty)', await timeEach(cold, exported('pdf'))]);
	figures.push(['PDF/UA-1 export, plan, warm (its title changed: every page)', await timeEach(planChanged, exported('pdf'))]);
	figures.push(['PDF/UA-1 export, follow-up report, cold (new Typst worker, caches empty)', await timeEach(cold, exported('pdf', periodId))]);
	figures.push(['PDF/UA-1 export, follow-up report, warm (one comment changed)', await timeEach(commentChanged, exported('pdf', periodId))]);
	figures.push(['PDF/A-2a export, follow-up report, cold (new Typst worker, caches empty)', await timeEach(cold, exported('pdfa', periodId))]);
	figures.push(['PDF export, follow-up report, already made (as after closing the period)', await time(exported('pdf', periodId))]);

	// The round trip: every row back unchanged, then every row's title edited (each a real update, with its audit record).
	const workbook = (await exportPlan(db, tenant.id, planId, { format: 'xlsx', locale: 'sv' })).body;
	figures.push([`XLSX import, ${data.nodes.length} rows unchanged`, await time(() => importWorkbook(db, ctx, planId, workbook))]);
	const edited = async (round: number) => {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await exportPlan(db, tenant.id, planId, { format: 'xlsx', locale: 'sv' })).body as unknown as ArrayBuffer);
		const sheet = book.getWorksheet('Punkter')!;
		const title = (sheet.getRow(1).values as string[]).indexOf('Rubrik');
		sheet.eachRow((row, number) => {
			if (number > 1) row.getCell(title).value = `${String(row.getCell(title).value).replace(/ \(v\d+\)$/, '')} (v${round})`;
		});
		return Buffer.from(await book.xlsx.writeBuffer());
	};
	const editedTimes: number[] = [];
	for (let round = 1; round <= 3; round++) {
		const file = await edited(round);
		const start = performance.now();
		const result = await importWorkbook(db, ctx, planId, file);
		editedTimes.push(performance.now() - start);
		if (!('created' in result) || result.updated !== data.nodes.length) throw new Error(`import did not update every row: ${JSON.stringify(result).slice(0, 300)}`);
	}
	figures.push([`XLSX import, ${data.nodes.length} rows all edited`, `${percentile(editedTimes, 50).toFixed(0)} / ${Math.max(...editedTimes).toFixed(0)} ms`]);

	console.log(`\nDocuments of a ${data.nodes.length}-item plan on PostgreSQL (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})\n`);
	console.log('| measurement | median / slowest |');
	console.log('|---|---|');
	for (const [label, figure] of figures) console.log(`| ${label} | ${figure} |`);
	console.log(`\nSizes: ${[...sizes.entries()].map(([format, bytes]) => `${format} ${(bytes / 1024).toFixed(0)} kB`).join(', ')}`);
} finally {
	await stopPdfWorker();
	await database.close();
	await scratch.drop();
}
