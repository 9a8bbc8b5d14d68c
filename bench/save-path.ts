/**
 * A report's save, statement by statement, on PostgreSQL through one pooled connection: the session
 * (`resolveSession`), the plan with "is responsible" (`findPlanForReport`) and the save (`recordFollowUp`:
 * what the save needs read and the write, one statement, `saveReport`). For each, RUNS calls
 * after a warm-up: wall time, and the CPU it costs the PostgreSQL backend (from /proc) and this Node
 * process — what a save costs without HTTP and SvelteKit around it.
 *
 *   npx tsx bench/save-path.ts        (ITEMS, RUNS, TENANTS can be set)
 */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { rowsOf } from '../src/lib/server/db/rows';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { systemContext, type Ctx } from '../src/lib/server/shared/context';
import { addAccount } from '../src/lib/server/identity/add-account';
import { createSession, resolveSession } from '../src/lib/server/identity/sessions';
import { addPeriod } from '../src/lib/server/follow-up/manage-periods';
import { listScale } from '../src/lib/server/follow-up/scales';
import { findPlanForReport } from '../src/lib/server/follow-up/follow-up-repository';
import { recordFollowUp } from '../src/lib/server/follow-up/record-follow-up';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { grantsFrom } from '../src/lib/server/identity/grants';
import { generatePlan } from './generate-plan';
import { machine, percentile, processCpuMs, reportInBulk, scratchDatabase } from './support';

const ITEMS = Number(process.env.ITEMS ?? 2000);
const RUNS = Number(process.env.RUNS ?? 2000);
const TENANTS = Number(process.env.TENANTS ?? 1);

process.env.DATABASE_POOL_SIZE = '1';
const scratch = await scratchDatabase();
const database = await openDatabase({ databaseUrl: scratch.url });
let exitCode = 0;
try {
	await migrateDatabase(database);
	const db = database.db;
	let seeded: { tenantId: string; planId: string; cookie: string; ctx: Ctx; periodId: string; statuses: string[]; nodes: string[] } | undefined;
	for (let index = 0; index < TENANTS; index++) {
		const tenant = await createTenant(db, 'bench', { slug: `bench-${index + 1}`, name: `Bänkkommun ${index + 1}` });
		const system = systemContext(tenant.id, 'bench');
		const planId = await generatePlan(db, system, ITEMS);
		const periods = [
			await addPeriod(db, system, planId, { name: 'Delår 1', asOf: '2026-04-30', dueOn: '2026-05-15' }),
			await addPeriod(db, system, planId, { name: 'Delår 2', asOf: '2026-08-31', dueOn: '2026-09-15' }),
			await addPeriod(db, system, planId, { name: 'Helår', asOf: '2026-12-31', dueOn: '2027-01-31' })
		];
		await reportInBulk(db, tenant.id, planId, periods.slice(0, 2).map((id) => ({ id, share: 1 })));
		if (index > 0) continue;
		const account = await addAccount(db, system, { email: 'bench@example.se', name: 'Bänk', role: 'planner' });
		const cookie = await createSession(db, tenant.id, account.id);
		const identity = (await resolveSession(db, cookie))!;
		const ctx: Ctx = { tenantId: tenant.id, actor: { id: account.id, name: 'Bänk', personId: identity.personId, grants: grantsFrom(identity.units, identity.assignments) } };
		const data = (await loadPlanData(db, tenant.id, planId))!;
		const levels = new Map(data.framework.levels.map((level) => [level.id, level.followUp]));
		const nodes = data.nodes.filter((node) => levels.get(node.levelId) === 'status').map((node) => node.id);
		seeded = { tenantId: tenant.id, planId, cookie, ctx, periodId: periods[2], statuses: (await listScale(db, tenant.id, 'status')).map((value) => value.id), nodes };
	}
	await db.execute(sql`analyze`);
	const { tenantId, planId, cookie, ctx, periodId, statuses, nodes } = seeded!;
	const [{ pid }] = rowsOf<{ pid: number }>(await db.execute(sql`select pg_backend_pid() as pid`));

	const versions = new Map<string, number>();
	let turn = 0;
	const steps: [string, () => Promise<unknown>][] = [
		['session (resolveSession)', () => resolveSession(db, cookie)],
		['plan and responsible (findPlanForReport)', () => findPlanForReport(db, tenantId, planId, ctx.actor.personId, nodes[turn++ % nodes.length])],
		[
			'the save (recordFollowUp: what it needs and the write, one statement)',
			async () => {
				const nodeId = nodes[turn++ % nodes.length];
				const version = versions.get(nodeId) ?? 0;
				versions.set(nodeId, await recordFollowUp(db, ctx, planId, nodeId, periodId, { statusId: statuses[turn % statuses.length], comment: `Sparning ${turn}.`, version: version || undefined }));
			}
		]
	];
	console.log(`\nA save's statements on PostgreSQL, one connection, ${RUNS} calls each after ${Math.min(RUNS, 200)} warm-up (${TENANTS} organisation(s) × ${ITEMS} items; ${machine()})\n`);
	console.log('| step | wall median / p95 ms | PostgreSQL CPU per call ms | Node CPU per call ms |');
	console.log('|---|---|---|---|');
	for (const [label, step] of steps) {
		for (let i = 0; i < Math.min(RUNS, 200); i++) await step();
		const times: number[] = [];
		const backend0 = processCpuMs(pid);
		const node0 = process.cpuUsage();
		for (let i = 0; i < RUNS; i++) {
			const start = performance.now();
			await step();
			times.push(performance.now() - start);
		}
		const node = process.cpuUsage(node0);
		const backend = processCpuMs(pid) - backend0;
		console.log(`| ${label} | ${percentile(times, 50).toFixed(2)} / ${percentile(times, 95).toFixed(2)} | ${(backend / RUNS).toFixed(3)} | ${((node.user + node.system) / 1000 / RUNS).toFixed(3)} |`);
	}
	console.log(`\nLoad average after: ${machine().split('load average ')[1]}`);
} catch (error) {
	console.error(error);
	exitCode = 1;
} finally {
	await database.close();
	await scratch.drop();
}
process.exit(exitCode);
