import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, frameworks, periods, plans, scaleValues, units } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import type { Db } from '../db/client';
import type { Ctx } from '../shared/context';
import type { Role } from '../db/schema';
import { addUnit } from '../organisation/add-unit';
import { addNode } from '../plans/add-node';
import { adoptPlan } from '../plans/adopt-plan';
import { addIndicator } from '../indicators/add-indicator';
import { addPeriod, setPeriodClosed } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { recordMeasurement } from '../follow-up/record-measurement';
import { listScale } from '../follow-up/scales';
import { loadPlanData } from '../plans/plan-repository';
import { exportPlan } from './export-plan';
import { importPlanDocument, readPlanDocument } from './import-plan-json';

/**
 * An adopted plan with boards, an indicator, a closed and an open period, reports and an outcome,
 * exported as JSON from one organisation; the organisation it is imported into has the same boards.
 */
async function setup() {
	const db = await testDb();
	const source = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, source.ctx, source.top.id, 'perspektiv-uppdrag');
	const perspective = await addNode(db, source.ctx, plan.id, { levelId: level('perspektiv').id, title: 'Kunskap' });
	const goal = await addNode(db, source.ctx, plan.id, { levelId: level('kommunmal').id, parentId: perspective.id, title: 'Alla elever lär' });
	const boardGoal = await addNode(db, source.ctx, plan.id, { levelId: level('namndmal').id, parentId: goal.id, title: 'Fler når målen' });
	const activity = await addNode(db, source.ctx, plan.id, {
		levelId: level('aktivitet').id,
		parentId: boardGoal.id,
		title: 'Läsfixare i åk 1',
		values: { boards: [source.boards.bou.id], responsible: 'Rektor', deadline: 'VT26' }
	});
	const indicator = await addIndicator(db, source.ctx, plan.id, boardGoal.id, { name: 'Andel som når målen', kind: 'percent' });
	await adoptPlan(db, source.ctx, plan.id, { adoptedBy: 'Barn- och ungdomsnämnden', adoptedOn: '2024-01-15', registryNumber: 'BUN 2024/1' });
	const spring = await addPeriod(db, source.ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
	const autumn = await addPeriod(db, source.ctx, plan.id, { name: 'Delår 2', asOf: '2024-08-31', dueOn: '2024-09-15' });
	const status = (await listScale(db, source.tenant.id, 'status'))[0];
	await recordFollowUp(db, source.ctx, plan.id, activity.id, spring, { statusId: status.id, comment: 'Startat.' });
	await recordMeasurement(db, source.ctx, { planId: plan.id, nodeId: boardGoal.id, indicatorId: indicator, periodId: spring }, { value: '78' });
	await setPeriodClosed(db, source.ctx, plan.id, spring, true);
	const file = (await exportPlan(db, source.tenant.id, plan.id, { format: 'json', locale: 'sv' })).body;

	const target = await createTestOrganisation(db);
	const school = await addUnit(db, target.ctx, { parentId: target.top.id, kind: 'school_unit', name: 'Norrskolan' });
	// A framework with the same name and levels as the file's: an import uses it rather than adding one.
	const { framework: ownFramework } = await createTestPlan(db, target.ctx, target.top.id, 'perspektiv-uppdrag');
	const as = (role: Role, on: 'top' | 'school' = 'top'): Ctx => ({
		tenantId: target.tenant.id,
		actor: {
			id: `${role}-${on}`,
			name: `${role} ${on}`,
			grants: [{ role, units: new Set(on === 'top' ? [target.top.id, school.id, target.boards.bou.id, target.boards.bin.id] : [school.id]), organisationWide: on === 'top' }]
		}
	});
	const tenantId = target.tenant.id;
	const count = async (table: typeof plans | typeof frameworks | typeof units | typeof scaleValues) =>
		(await db.select().from(table).where(eq(table.tenantId, tenantId))).length;
	const counts = async () => ({ plans: await count(plans), frameworks: await count(frameworks), units: await count(units), scale: await count(scaleValues) });
	const edited = (change: (document: Record<string, any>) => void) => {
		const document = JSON.parse(file.toString());
		change(document);
		return readPlanDocument(Buffer.from(JSON.stringify(document)));
	};
	return { db, file, tenantId, school, ownFramework, as, counts, edited };
}

async function auditOf(db: Db, tenantId: string, actor: string) {
	return db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.actor, actor)));
}

/** The file's extras a planner may not add: a board and a framework not in the organisation, and a status value. */
function withExtras(document: Record<string, any>, colour = '#6a1b9a') {
	document.framework.name = 'Ny modell';
	const activity = document.tree[0].children[0].children[0].children[0];
	activity.boards.push({ id: 'x', name: 'Kulturnämnden', shortName: 'KuN' });
	document.followUps[0].status = { label: { sv: 'Pausad', en: 'Paused' }, meaning: 'other', colour };
}

describe('JSON import: what it may create', () => {
	it('makes a planner\'s import of an adopted plan a draft in the organisation\'s own framework, leaving out the periods only an administrator may add', async () => {
		const { db, file, tenantId, ownFramework, as, counts } = await setup();
		const before = await counts();
		const planner = as('planner');
		const result = await importPlanDocument(db, planner, readPlanDocument(file));
		const data = (await loadPlanData(db, tenantId, result.planId))!;
		expect(data.plan).toMatchObject({ state: 'draft', adoptedBy: null, adoptedOn: null, registryNumber: null, publishedAt: null, frameworkId: ownFramework.id });
		expect(data.nodes).toHaveLength(4);
		expect(await db.select().from(periods).where(and(eq(periods.tenantId, tenantId), eq(periods.planId, result.planId)))).toEqual([]);
		expect(await counts()).toEqual({ ...before, plans: before.plans + 1 });
		expect(result).toMatchObject({ items: 4, followUps: 0, leftOut: { adoption: true, periods: 2, followUps: 1, measurements: 1 } });

		const audit = await auditOf(db, tenantId, planner.actor.id);
		const summary = audit.find((event) => event.action === 'plan.import')!;
		expect(summary.after).toMatchObject({
			state: 'draft',
			framework: { id: ownFramework.id, created: false },
			created: { items: 4, indicators: 1, periods: 0, followUps: 0, measurements: 0, units: [], scaleValues: [] },
			leftOut: { adoption: true, periods: 2, followUps: 1, measurements: 1 }
		});
		expect(audit.filter((event) => event.action === 'node.create')).toHaveLength(4);
	});

	it('makes an administrator\'s import a draft too, with every period open and the reports and outcomes in them', async () => {
		const { db, file, tenantId, as } = await setup();
		const admin = as('admin');
		const result = await importPlanDocument(db, admin, readPlanDocument(file));
		const data = (await loadPlanData(db, tenantId, result.planId))!;
		expect(data.plan).toMatchObject({ state: 'draft', adoptedBy: null, adoptedOn: null, registryNumber: null });
		const imported = await db.select().from(periods).where(and(eq(periods.tenantId, tenantId), eq(periods.planId, result.planId)));
		expect(imported.map((period) => [period.name, period.closedAt, period.publishedAt]).sort()).toEqual([
			['Delår 1', null, null],
			['Delår 2', null, null]
		]);
		expect(result).toMatchObject({ followUps: 1, leftOut: { adoption: true, closedPeriods: 1, periods: 0 } });
		const audit = await auditOf(db, tenantId, admin.actor.id);
		expect(audit.filter((event) => event.action === 'period.create')).toHaveLength(2);
	});

	it('refuses an import that needs a board, a status value or a framework the importer may not add, listing each, and writes nothing', async () => {
		const { db, tenantId, school, as, counts, edited } = await setup();
		const before = await counts();
		const document = edited((file) => withExtras(file));
		// An administrator of one school may add periods to its plans, but not boards, values or frameworks.
		const refusal = importPlanDocument(db, as('admin', 'school'), document, { ownerUnitId: school.id });
		await expect(refusal).rejects.toMatchObject({ code: 'error_import_not_allowed' });
		const missing = ((await refusal.catch((error) => error)) as { params: { missing: { sv: string; en: string } } }).params.missing;
		expect(missing.sv).toBe('styrmodellen "Ny modell", nämnden "Kulturnämnden", statusen "Pausad"');
		expect(missing.en).toBe('the steering model "Ny modell", the board "Kulturnämnden", the status "Pausad"');
		// A planner is refused the framework and the board (the periods, and so the status, are left out).
		await expect(importPlanDocument(db, as('planner'), document)).rejects.toMatchObject({
			code: 'error_import_not_allowed',
			params: { missing: { sv: 'styrmodellen "Ny modell", nämnden "Kulturnämnden"' } }
		});
		expect(await counts()).toEqual(before);
		expect(await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, 'plan.import')))).toEqual([]);
	});

	it('lets an administrator add them through the same checks as the pages, each with its audit record', async () => {
		const { db, tenantId, as, counts, edited } = await setup();
		const before = await counts();
		const admin = as('admin');
		await expect(importPlanDocument(db, admin, edited((file) => withExtras(file, '#ffee58')))).rejects.toMatchObject({
			code: 'error_import_scale_colour',
			params: { label: 'Pausad', ratio: '1,2' }
		});
		expect(await counts()).toEqual(before);

		const result = await importPlanDocument(db, admin, edited((file) => withExtras(file)));
		expect(await counts()).toEqual({ plans: before.plans + 1, frameworks: before.frameworks + 1, units: before.units + 1, scale: before.scale + 1 });
		const audit = await auditOf(db, tenantId, admin.actor.id);
		const actions = audit.map((event) => event.action).sort();
		expect(actions.filter((action) => action !== 'node.create' && action !== 'period.create')).toEqual(['framework.create', 'plan.import', 'scale.add', 'unit.create']);
		const summary = audit.find((event) => event.action === 'plan.import')!;
		expect(summary.entityId).toBe(result.planId);
		expect(summary.after).toMatchObject({
			framework: { name: 'Ny modell', created: true },
			created: { items: 4, periods: 2, followUps: 1, measurements: 1, units: ['Kulturnämnden'], scaleValues: ['Pausad'] }
		});
		const added = audit.find((event) => event.action === 'scale.add')!;
		expect(added.after).toMatchObject({ kind: 'status', labelSv: 'Pausad', colour: '#6a1b9a', meaning: 'other' });
	});

	it('refuses a file nested deeper than any plan, or with more items than a plan holds, before reading its content', () => {
		// Items nested 100,000 deep (5 MB): walking it overflowed the stack ("Något gick fel").
		const open = '{"id":"a","levelId":"l","title":"Punkt","children":[';
		const deep = Buffer.from(`{"format":"styrkedjan.plan","version":1,"tree":[${open.repeat(100_000)}${']}'.repeat(100_000)}]}`);
		expect(() => readPlanDocument(deep)).toThrow(expect.objectContaining({ code: 'error_json_too_deep', params: { max: 64 } }));
		// Brackets inside text are text, not depth.
		expect(() => readPlanDocument(Buffer.from(JSON.stringify({ format: 'styrkedjan.plan', version: 1, plan: { title: '['.repeat(500) } })))).toThrow(
			expect.objectContaining({ code: 'error_json_invalid' })
		);
		let node: unknown = { id: 'leaf', levelId: 'l', title: 'Djupast' };
		for (let depth = 0; depth < 40; depth += 1) node = { id: `n${depth}`, levelId: 'l', title: 'Punkt', children: [node] };
		expect(() => readPlanDocument(Buffer.from(JSON.stringify({ format: 'styrkedjan.plan', tree: [node] })))).toThrow(
			expect.objectContaining({ code: 'error_json_too_deep' })
		);
		const many = { format: 'styrkedjan.plan', version: 1, tree: Array.from({ length: 10_001 }, (_, index) => ({ id: `n${index}`, levelId: 'l', title: 'Punkt' })) };
		expect(() => readPlanDocument(Buffer.from(JSON.stringify(many)))).toThrow(
			expect.objectContaining({ code: 'error_json_too_many', params: { count: 10_001, max: 10_000, what: { sv: 'punkter', en: 'items' } } })
		);
	});
});
