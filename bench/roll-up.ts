/**
 * The organiser's roll-up of the steering chain: an administration's adopted plan with 10 goals sent
 * down to 60 school units, each unit plan with 40 items of its own under the 10 anchors, and 3 of the
 * organiser's periods opened for the units, the unit items reported in each (anchors assessed with an
 * analysis, activities given a status) but one activity in seven, and every activity with a role title
 * responsible for it (five titles, two holders each: the roll-up names them for what is not reported). Measured: what the roll-up page does on the server for one
 * period (`loadPlanData`, `loadChainRollUp` and `listScale`, then `presentChainRollUp`), beside one
 * raw SQL query that reads the same rows, on PostgreSQL and on the embedded PGlite.
 *
 *   npx tsx bench/roll-up.ts        (UNITS, GOALS, ITEMS, PERIODS, RUNS can be set; EXPLAIN=1 prints the plans)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { migrateDatabase } from '../src/lib/server/db/migrate';
import { rowsOf } from '../src/lib/server/db/rows';
import { followUps, nodeResponsibles, nodes, people, plans, roleTitleHolders, roleTitles } from '../src/lib/server/db/schema';
import { createFramework } from '../src/lib/server/frameworks/create-framework';
import { cascadeGoals } from '../src/lib/server/plans/cascade-goals';
import { loadPlanData } from '../src/lib/server/plans/plan-repository';
import { addPeriod } from '../src/lib/server/follow-up/manage-periods';
import { openChainPeriod } from '../src/lib/server/follow-up/open-chain-period';
import { chainRollUpQuery, loadChainRollUp } from '../src/lib/server/follow-up/chain-roll-up';
import { listScale } from '../src/lib/server/follow-up/scales';
import { presentChainRollUp } from '../src/lib/server/presenters/chain-roll-up';
import { chainOrganiser, percentile, scratchDatabase, time } from './support';

const UNITS = Number(process.env.UNITS ?? 60);
const GOALS = Number(process.env.GOALS ?? 10);
const ITEMS = Number(process.env.ITEMS ?? 40);
const PERIODS = Number(process.env.PERIODS ?? 3);
const RUNS = Number(process.env.RUNS ?? 30);

/**
 * The same rows read in one plain statement: each unit (with its area) and its anchors with their
 * assessment, the unit's items under them with their status, and for an item without one its
 * responsible role titles' holders.
 */
const rawRollUp = (tenantId: string, planId: string, periodId: string) => sql`
	select a.source_node_id, p.owner_unit_id, un.name, un.kind, un.school_forms, area.name as area_name, a.id as anchor_id, up.id as period_id, fa.assessment_id, fa.analysis, n.id as item_id, f.status_id,
		rt.name as role_title, holder.name as holder
	from plans p
	join units un on un.tenant_id = p.tenant_id and un.id = p.owner_unit_id
	left join units area on area.tenant_id = un.tenant_id and area.id = un.parent_id
	join nodes a on a.tenant_id = p.tenant_id and a.plan_id = p.id and a.source_node_id is not null
	left join periods up on up.tenant_id = p.tenant_id and up.plan_id = p.id and up.parent_period_id = ${periodId}
	left join follow_ups fa on fa.tenant_id = p.tenant_id and fa.node_id = a.id and fa.period_id = up.id
	left join nodes n on n.tenant_id = p.tenant_id and n.plan_id = p.id and n.parent_id = a.id
	left join follow_ups f on f.tenant_id = p.tenant_id and f.node_id = n.id and f.period_id = up.id
	left join node_responsibles r on r.tenant_id = p.tenant_id and r.node_id = n.id and f.status_id is null
	left join role_titles rt on rt.tenant_id = p.tenant_id and rt.id = r.role_title_id
	left join role_title_holders h on h.tenant_id = p.tenant_id and h.role_title_id = r.role_title_id
	left join people holder on holder.tenant_id = p.tenant_id and holder.id = h.person_id
	where p.tenant_id = ${tenantId} and p.parent_plan_id = ${planId} and p.state <> 'archived'`;

const summary = (times: number[]) => `${percentile(times, 50).toFixed(1)} / ${Math.max(...times).toFixed(1)} ms`;

async function measure(database: Database, label: string): Promise<{ page: number[]; query: number[]; planData: number[]; presenter: number[]; raw: number[]; rows: number }> {
	await migrateDatabase(database);
	const db = database.db;
	const { tenant, ctx, schools, plan, goals } = await chainOrganiser(db, UNITS, GOALS);
	const unitModel = await createFramework(db, ctx, { name: 'Enhetens plan', preset: 'enkel' });
	const anchorLevel = unitModel.levels.find((level) => level.isRoot)!;
	const activityLevel = unitModel.levels.find((level) => !level.isRoot)!;
	await cascadeGoals(db, ctx, plan.id, { goalIds: goals, unitIds: schools.map((school) => school.id), frameworkId: unitModel.id, levelId: anchorLevel.id });

	// The units' own work: ITEMS items per unit plan, spread over its anchors (written in bulk: the set-up is not what is measured).
	const anchors = await db
		.select({ id: nodes.id, planId: nodes.planId })
		.from(nodes)
		.where(sql`${nodes.tenantId} = ${tenant.id} and ${nodes.sourceNodeId} is not null`);
	const byPlan = Map.groupBy(anchors, (anchor) => anchor.planId);
	const items = [...byPlan].flatMap(([planId, own]) =>
		Array.from({ length: ITEMS }, (_, i) => ({
			tenantId: tenant.id,
			planId,
			levelId: activityLevel.id,
			parentId: own[i % own.length].id,
			position: Math.floor(i / own.length),
			ref: `${i + 1}.`,
			title: `Aktivitet ${i + 1}`
		}))
	);
	const activities = [];
	for (let start = 0; start < items.length; start += 1000) activities.push(...(await db.insert(nodes).values(items.slice(start, start + 1000)).returning({ id: nodes.id, planId: nodes.planId })));

	// Five role titles, two holders each, and every activity with one of the titles responsible for it.
	const titles = [];
	for (let t = 1; t <= 5; t++) {
		const [title] = await db.insert(roleTitles).values({ tenantId: tenant.id, name: `Rektor ${t}` }).returning();
		const holders = await db
			.insert(people)
			.values([1, 2].map((n) => ({ tenantId: tenant.id, name: `Person ${t}.${n}` })))
			.returning();
		await db.insert(roleTitleHolders).values(holders.map((holder) => ({ tenantId: tenant.id, roleTitleId: title.id, personId: holder.id })));
		titles.push(title);
	}
	const responsibles = activities.map((item, i) => ({ tenantId: tenant.id, nodeId: item.id, roleTitleId: titles[i % titles.length].id }));
	for (let start = 0; start < responsibles.length; start += 1000) await db.insert(nodeResponsibles).values(responsibles.slice(start, start + 1000));
	/** One activity in seven is left without a status, so the roll-up has someone to name. */
	const unreported = (i: number) => i % 7 === 0;

	const scale = await listScale(db, tenant.id);
	const statuses = scale.filter((value) => value.kind === 'status');
	const assessments = scale.filter((value) => value.kind === 'assessment');
	const periodIds: string[] = [];
	for (let p = 1; p <= PERIODS; p++) {
		const periodId = await addPeriod(db, ctx, plan.id, { name: `Delår ${p}`, asOf: `2026-${String(p * 3).padStart(2, '0')}-28`, dueOn: `2026-${String(p * 3 + 1).padStart(2, '0')}-10` });
		await openChainPeriod(db, ctx, plan.id, periodId);
		periodIds.push(periodId);
		const unitPeriods = rowsOf<{ id: string; plan_id: string }>(await db.execute(sql`select id, plan_id from periods where tenant_id = ${tenant.id} and parent_period_id = ${periodId}`));
		const periodOf = new Map(unitPeriods.map((row) => [row.plan_id, row.id]));
		const reports = [
			...anchors.map((anchor, i) => ({ tenantId: tenant.id, planId: anchor.planId, nodeId: anchor.id, periodId: periodOf.get(anchor.planId)!, assessmentId: assessments[i % assessments.length].id, analysis: `Analys ${i}`, updatedBy: 'bench' })),
			...activities.flatMap((item, i) => (unreported(i) ? [] : [{ tenantId: tenant.id, planId: item.planId, nodeId: item.id, periodId: periodOf.get(item.planId)!, statusId: statuses[i % statuses.length].id, comment: `Kommentar ${i}`, updatedBy: 'bench' }]))
		];
		for (let start = 0; start < reports.length; start += 1000) await db.insert(followUps).values(reports.slice(start, start + 1000));
	}
	await db.execute(sql`analyze`);
	const [{ count: unitPlans }] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from ${plans} where parent_plan_id = ${plan.id}`));
	if (Number(unitPlans) !== UNITS) throw new Error(`${unitPlans} unit plans`);

	const periodId = periodIds.at(Math.max(-2, -periodIds.length))!; // a middle period: the others are there beside it (the only one when PERIODS=1)
	const page = await time(RUNS, async () => {
		const [data, shares, values] = await Promise.all([loadPlanData(db, tenant.id, plan.id), loadChainRollUp(db, tenant.id, plan.id, periodId), listScale(db, tenant.id)]);
		const goals = presentChainRollUp(data!, shares, values);
		const units = goals.flatMap((goal) => goal.units);
		const missing = units.reduce((sum, unit) => sum + unit.activities - unit.reported, 0);
		if (goals.length !== GOALS || goals[0].units.length !== UNITS || missing !== activities.filter((_, i) => unreported(i)).length || !units.some((unit) => unit.responsibles[0]?.holders.length === 2))
			throw new Error('the roll-up is not complete');
	});
	const query = await time(RUNS, () => loadChainRollUp(db, tenant.id, plan.id, periodId));
	const planData = await time(RUNS, () => loadPlanData(db, tenant.id, plan.id));
	const [data, shares, values] = await Promise.all([loadPlanData(db, tenant.id, plan.id), loadChainRollUp(db, tenant.id, plan.id, periodId), listScale(db, tenant.id)]);
	const presenter = await time(RUNS, async () => presentChainRollUp(data!, shares, values));
	let rows = 0;
	const raw = await time(RUNS, async () => {
		rows = rowsOf(await db.execute(rawRollUp(tenant.id, plan.id, periodId))).length;
	});
	if (process.env.EXPLAIN) {
		const explain = async (statement: ReturnType<typeof sql>) =>
			rowsOf<Record<string, string>>(await db.execute(sql`explain (analyze, buffers) ${statement}`))
				.map((row) => Object.values(row)[0])
				.join('\n');
		console.log(`\n-- ${label}: raw query\n${await explain(rawRollUp(tenant.id, plan.id, periodId))}`);
		console.log(`\n-- ${label}: the roll-up's statement\n${await explain(chainRollUpQuery(tenant.id, plan.id, periodId))}`);
	}
	return { page, query, planData, presenter, raw, rows };
}

const scratch = await scratchDatabase();
const postgres = await openDatabase({ databaseUrl: scratch.url });
const onPostgres = await measure(postgres, 'PostgreSQL').finally(async () => {
	await postgres.close();
	await scratch.drop();
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-bench-pglite-'));
const pglite = await openDatabase({ dataDir: dir });
const onPglite = await measure(pglite, 'PGlite').finally(async () => {
	await pglite.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

console.log(
	`\nThe roll-up of ${GOALS} goals across ${UNITS} units (${ITEMS} items each, ${PERIODS} periods of reports), ${RUNS} runs after a warm-up` +
		` (${os.cpus().length} cores, ${os.cpus()[0].model}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)})\n`
);
console.log('| database | roll-up page (plan, roll-up, scale, presenter): median / slowest | loadChainRollUp alone | loadPlanData alone | presenter alone | raw SQL, same rows | page ÷ raw (medians) |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, result] of [['PostgreSQL', onPostgres], ['PGlite', onPglite]] as const) {
	console.log(
		`| ${name} | ${summary(result.page)} | ${summary(result.query)} | ${summary(result.planData)} | ${summary(result.presenter)} | ${summary(result.raw)} (${result.rows} rows) | ${(percentile(result.page, 50) / percentile(result.raw, 50)).toFixed(1)}× |`
	);
}
