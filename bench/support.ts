import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import type { Db } from '../src/lib/server/db/client';
import { followUps } from '../src/lib/server/db/schema';
import { listScale } from '../src/lib/server/follow-up/scales';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { createTenant } from '../src/lib/server/organisation/create-tenant';
import { addUnit } from '../src/lib/server/organisation/add-unit';
import { listUnits } from '../src/lib/server/organisation/organisation-repository';
import { createFramework } from '../src/lib/server/frameworks/create-framework';
import { createPlan } from '../src/lib/server/plans/create-plan';
import { addNode } from '../src/lib/server/plans/add-node';
import { adoptPlan } from '../src/lib/server/plans/adopt-plan';
import { systemContext } from '../src/lib/server/shared/context';

/** The p-th percentile of a list of timings. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `work` timed `runs` times in milliseconds, after one warm-up run that is not counted. */
export async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run <= runs; run++) {
		const start = performance.now();
		await work();
		if (run) times.push(performance.now() - start);
	}
	return times;
}

/** Waits until the server at `base` answers its health check (about 150 s at most). */
export async function waitForServer(base: string): Promise<void> {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			if (i > 600) throw new Error('server did not start');
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/**
 * A fresh PostgreSQL database for one benchmark run (BENCH_DATABASE_URL is an admin connection;
 * default the local server): its address, and `drop` to remove it afterwards.
 */
export async function scratchDatabase(): Promise<{ url: string; name: string; admin: pg.Client; drop: () => Promise<void> }> {
	const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const name = `styrkedjan_bench_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		name,
		admin,
		drop: async () => {
			// node-postgres' pool.end() resolves once its connections are told to close, not once they
			// have: dropping `with (force)` at that moment ends them from the server's side, and a
			// connection still open then reports 57P01 (which ended a bench with exit code 1). So wait
			// (5 s at most) until the database has no sessions left, then drop it.
			for (let i = 0; i < 50; i++) {
				const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
				if (rows[0].n === 0) break;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			await admin.query(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	};
}

/**
 * The steering chain's top for a benchmark: an organisation whose administration has `units` school
 * units below it and an adopted plan with `goals` goals at its top level, ready to be sent down.
 */
export async function chainOrganiser(db: Db, units: number, goals: number) {
	const tenant = await createTenant(db, 'bench', { slug: 'bench', name: 'Bänkkommun' });
	const ctx = systemContext(tenant.id, 'bench');
	const [top] = await listUnits(db, tenant.id);
	const office = await addUnit(db, ctx, { parentId: top.id, kind: 'administration', name: 'Utbildningsförvaltningen' });
	const schools = [];
	for (let i = 1; i <= units; i++) schools.push(await addUnit(db, ctx, { parentId: office.id, kind: 'school_unit', name: `Skola ${i}` }));
	const model = await createFramework(db, ctx, { name: 'Huvudmannens plan', preset: 'perspektiv-uppdrag' });
	const plan = await createPlan(db, ctx, { title: 'Verksamhetsplan 2026', kind: 'verksamhetsplan', periodKind: 'calendar_year', startYear: 2026, ownerUnitId: office.id, frameworkId: model.id });
	const root = model.levels.find((level) => level.isRoot)!;
	const goalIds = [];
	for (let i = 1; i <= goals; i++) goalIds.push((await addNode(db, ctx, plan.id, { levelId: root.id, ref: String(i), title: `Mål ${i}` })).id);
	await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2026-01-30' });
	return { tenant, ctx, schools, plan, goals: goalIds };
}

/**
 * Reports on a plan's followed-up items in the given periods, written in bulk (test data, not a user
 * action): a status or an assessment as the item's level asks, and a comment. `share` of the items
 * (from the start of each group of three) per period: 1 is all of them.
 */
export async function reportInBulk(db: Db, tenantId: string, planId: string, periods: { id: string; share: number }[]): Promise<void> {
	const data = (await loadPlanData(db, tenantId, planId))!;
	const statuses = await listScale(db, tenantId, 'status');
	const assessments = await listScale(db, tenantId, 'assessment');
	const levels = new Map(data.framework.levels.map((level) => [level.id, level.followUp]));
	const reported = data.nodes.filter((node) => levels.get(node.levelId) !== 'none');
	for (const period of periods) {
		const rows = reported
			.filter((_, index) => index % 3 < period.share * 3)
			.map((node, index) => ({
				tenantId,
				planId,
				nodeId: node.id,
				periodId: period.id,
				statusId: levels.get(node.levelId) === 'status' ? statuses[index % statuses.length].id : null,
				assessmentId: levels.get(node.levelId) === 'assessment' ? assessments[index % assessments.length].id : null,
				comment: 'Arbetet fortgår enligt plan.',
				updatedBy: 'bench'
			}));
		for (let i = 0; i < rows.length; i += 500) await db.insert(followUps).values(rows.slice(i, i + 500));
	}
}

/** The machine, for every printed figure: cores, CPU model, Node, and the load average (1 min) now. */
export function machine(): string {
	return `${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`;
}

/** CPU time (user + system, every thread) a process has used so far, in milliseconds; 0 if it is gone. */
export function processCpuMs(pid: number): number {
	try {
		// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
	} catch {
		return 0;
	}
}
const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux

/** The whole machine's busy and total CPU time so far (/proc/stat), in milliseconds summed over cores. */
export function machineCpuMs(): { busy: number; total: number } {
	const [cpu] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
	const ticks = cpu.split(/\s+/).slice(1, 9).map(Number);
	const idle = ticks[3] + ticks[4];
	const total = ticks.reduce((sum, value) => sum + value, 0);
	return { busy: ((total - idle) * 1000) / CLOCK_TICKS, total: (total * 1000) / CLOCK_TICKS };
}

/**
 * CPU spent by the PostgreSQL backends serving one database, between `start()` and `stop()`: each
 * backend's own CPU from /proc (the server runs on this machine), so other databases' work on the
 * same server is not counted. Backends are looked up every 200 ms, so one that starts and ends inside
 * the window (pgbench's) is counted up to its last sample; the shared WAL writer and checkpointer are
 * not counted.
 */
export function backendCpu(admin: pg.Client, database: string) {
	const pids = async () =>
		(await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database])).rows.map((row) => row.pid);
	let before = new Map<number, number>();
	let last = new Map<number, number>();
	let sampler: ReturnType<typeof setInterval> | undefined;
	let sampling = Promise.resolve();
	const sample = async () => {
		for (const pid of new Set([...last.keys(), ...(await pids())])) {
			const used = processCpuMs(pid);
			if (used) last.set(pid, used);
		}
	};
	return {
		async start() {
			before = new Map((await pids()).map((pid) => [pid, processCpuMs(pid)]));
			last = new Map(before);
			sampler = setInterval(() => (sampling = sampling.then(sample, () => undefined)), 200);
		},
		async stop(): Promise<number> {
			clearInterval(sampler);
			await sampling;
			await sample();
			let spent = 0;
			for (const [pid, used] of last) spent += Math.max(0, used - (before.get(pid) ?? 0));
			return spent;
		}
	};
}

/** CPU used by this process's finished and reaped child processes so far (/proc/self/stat cutime + cstime), in ms. */
export function childrenCpuMs(): number {
	const stat = fs.readFileSync('/proc/self/stat', 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}
