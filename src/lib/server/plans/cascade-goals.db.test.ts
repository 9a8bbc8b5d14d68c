import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { nodes, plans } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addUnit } from '../organisation/add-unit';
import { createFramework } from '../frameworks/create-framework';
import { listAuditEvents } from '../audit/audit-repository';
import { addNode } from './add-node';
import { adoptPlan } from './adopt-plan';
import { cascadeGoals } from './cascade-goals';
import { updateNode } from './update-node';
import { removeNode } from './remove-node';
import { removePlan } from './remove-plan';
import { carryOverPlan } from '../follow-up/carry-over';

/** An administration's adopted plan with two goals, three schools below it, one school outside, and a model for the schools' plans. */
async function chain() {
	const db = await testDb();
	const { ctx, top } = await createTestOrganisation(db);
	const office = await addUnit(db, ctx, { parentId: top.id, kind: 'administration', name: 'Utbildningsförvaltningen' });
	const area = await addUnit(db, ctx, { parentId: office.id, kind: 'school_area', name: 'Område Norr' });
	const schools = [
		await addUnit(db, ctx, { parentId: area.id, kind: 'school_unit', name: 'Norrskolan' }),
		await addUnit(db, ctx, { parentId: area.id, kind: 'school_unit', name: 'Åsskolan' }),
		await addUnit(db, ctx, { parentId: office.id, kind: 'preschool_unit', name: 'Förskolan Lärkan' })
	];
	const outside = await addUnit(db, ctx, { parentId: top.id, kind: 'school_unit', name: 'Fristående enheten' });
	const { plan, level } = await createTestPlan(db, ctx, office.id, 'perspektiv-uppdrag');
	const root = level('perspektiv');
	const goals = [
		await addNode(db, ctx, plan.id, { levelId: root.id, ref: '1', title: 'Alla elever når målen', description: 'Kunskapsresultaten ska öka.' }),
		await addNode(db, ctx, plan.id, { levelId: root.id, ref: '2', title: 'Trygghet och studiero' })
	];
	await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Barn- och ungdomsnämnden', adoptedOn: '2024-01-30' });
	const unitModel = await createFramework(db, ctx, { name: 'Enhetens plan', preset: 'omrade-insatser' });
	const anchorLevel = unitModel.levels.find((candidate) => candidate.isRoot)!;
	const childLevel = unitModel.levels.find((candidate) => !candidate.isRoot)!;
	const send = (goalIds: string[], unitIds: string[], levelId = anchorLevel.id) => cascadeGoals(db, ctx, plan.id, { goalIds, unitIds, frameworkId: unitModel.id, levelId });
	const unitPlans = () => db.select().from(plans).where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.parentPlanId, plan.id)));
	const anchorsIn = (planId: string) => db.select().from(nodes).where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.planId, planId))).orderBy(asc(nodes.position));
	return { db, ctx, plan, goals, schools, outside, unitModel, anchorLevel, childLevel, send, unitPlans, anchorsIn };
}

describe('the steering chain: goals sent down to the units', () => {
	it("gives every chosen unit its own plan with the goals as anchors, once, and audits it", async () => {
		const { db, ctx, plan, goals, schools, unitModel, send, unitPlans, anchorsIn } = await chain();
		const first = await send(goals.map((goal) => goal.id), [schools[0].id, schools[1].id]);
		expect(first.plansCreated).toHaveLength(2);
		expect(first.anchorsAdded).toBe(4);
		const made = await unitPlans();
		expect(made.map((row) => row.title).sort()).toEqual([`${plan.title} – Norrskolan`, `${plan.title} – Åsskolan`]);
		for (const row of made) {
			expect(row).toMatchObject({ kind: 'lokal_plan', state: 'draft', frameworkId: unitModel.id, startYear: plan.startYear, periodKind: plan.periodKind });
			const anchors = await anchorsIn(row.id);
			expect(anchors.map((anchor) => [anchor.ref, anchor.title, anchor.sourceNodeId])).toEqual([
				['1', 'Alla elever når målen', goals[0].id],
				['2', 'Trygghet och studiero', goals[1].id]
			]);
			expect(anchors[0].description).toBe('Kunskapsresultaten ska öka.');
		}

		// A unit added later gets the same goals; those who have them get nothing twice.
		const again = await send(goals.map((goal) => goal.id), schools.map((school) => school.id));
		expect(again).toMatchObject({ anchorsAdded: 2 });
		expect(again.plansCreated).toHaveLength(1);
		expect(await unitPlans()).toHaveLength(3);
		expect(await send([goals[0].id], schools.map((school) => school.id))).toEqual({ plansCreated: [], anchorsAdded: 0 });

		const audit = (await listAuditEvents(db, ctx.tenantId, { entityId: plan.id })).filter((event) => event.action === 'plan.cascade');
		expect(audit).toHaveLength(3);
	});

	it('refuses what the chain cannot hold, writing nothing', async () => {
		const { db, plan, goals, schools, outside, childLevel, send, unitPlans } = await chain();
		await expect(send([goals[0].id], [outside.id])).rejects.toMatchObject({ code: 'error_cascade_unit_outside', params: { unit: 'Fristående enheten' } });
		await expect(send([goals[0].id], [schools[0].id, outside.id])).rejects.toMatchObject({ code: 'error_cascade_unit_outside' });
		await expect(send([goals[0].id], [schools[0].id], childLevel.id)).rejects.toMatchObject({ code: 'error_cascade_level' });
		await expect(send([crypto.randomUUID()], [schools[0].id])).rejects.toMatchObject({ code: 'error_not_found' });
		expect(await unitPlans()).toEqual([]);

		// Another organisation's unit or goal is simply not found.
		const other = await createTestOrganisation(db);
		await expect(send([goals[0].id], [other.top.id])).rejects.toMatchObject({ code: 'error_not_found' });
		const otherPlan = await createTestPlan(db, other.ctx, other.top.id);
		await adoptPlan(db, other.ctx, otherPlan.plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2024-01-30' });
		const otherSchool = await addUnit(db, other.ctx, { parentId: other.top.id, kind: 'school_unit', name: 'Deras skola' });
		const theirModel = { frameworkId: otherPlan.framework.id, levelId: otherPlan.level('perspektiv').id };
		await expect(cascadeGoals(db, other.ctx, otherPlan.plan.id, { goalIds: [goals[0].id], unitIds: [otherSchool.id], ...theirModel })).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(cascadeGoals(db, other.ctx, plan.id, { goalIds: [goals[0].id], unitIds: [otherSchool.id], ...theirModel })).rejects.toMatchObject({ code: 'error_not_found' });
		expect(await unitPlans()).toEqual([]);

		// A draft plan's goals are not sent.
		await db.update(plans).set({ state: 'draft' }).where(eq(plans.id, plan.id));
		await expect(send([goals[0].id], [schools[0].id])).rejects.toMatchObject({ code: 'error_cascade_not_adopted' });
	});

	it("shows the goal's new wording in every unit's plan, marked as changed; the unit cannot change it but works under it", async () => {
		const { db, ctx, plan, goals, schools, childLevel, send, unitPlans, anchorsIn } = await chain();
		await send([goals[0].id], [schools[0].id, schools[1].id]);
		// The organiser revises the plan (back to draft, as a revision does) and rewords the goal.
		await db.update(plans).set({ state: 'draft' }).where(eq(plans.id, plan.id));
		await updateNode(db, ctx, plan.id, goals[0].id, { ref: '1', title: 'Alla elever når minst godtagbara kunskaper', description: 'Kunskapsresultaten ska öka.' });
		for (const row of await unitPlans()) {
			const [anchor] = await anchorsIn(row.id);
			expect(anchor.title).toBe('Alla elever når minst godtagbara kunskaper');
			expect(anchor.sourceChangedAt).not.toBeNull();
		}

		const [unitPlan] = await unitPlans();
		const [anchor] = await anchorsIn(unitPlan.id);
		await expect(updateNode(db, ctx, unitPlan.id, anchor.id, { ref: '1', title: 'Vår egen formulering' })).rejects.toMatchObject({ code: 'error_anchor_wording' });
		const work = await addNode(db, ctx, unitPlan.id, { levelId: childLevel.id, parentId: anchor.id, title: 'Läsfixare i åk 1' });

		// The goal cannot go while units carry it; the anchor cannot go while the unit works under it; the plan cannot go while units have plans under it.
		await expect(removeNode(db, ctx, plan.id, goals[0].id)).rejects.toMatchObject({ code: 'error_goal_in_unit_plans', params: { count: 2 } });
		await expect(removeNode(db, ctx, unitPlan.id, anchor.id)).rejects.toMatchObject({ code: 'error_anchor_has_work', params: { count: 1 } });
		await expect(removePlan(db, ctx, plan.id)).rejects.toMatchObject({ code: 'error_plan_has_unit_plans', params: { count: 2 } });
		await removeNode(db, ctx, unitPlan.id, work.id);
		await removeNode(db, ctx, unitPlan.id, anchor.id);
		await expect(removeNode(db, ctx, plan.id, goals[0].id)).rejects.toMatchObject({ params: { count: 1 } });
	});

	it("carries the chain over to next year when asked: the units' plans under next year's plan, their anchors on next year's goals", async () => {
		const { db, ctx, plan, goals, schools, childLevel, send, unitPlans, anchorsIn } = await chain();
		await send([goals[0].id, goals[1].id], [schools[0].id, schools[1].id]);
		const [first] = await unitPlans();
		const [anchor] = await anchorsIn(first.id);
		await addNode(db, ctx, first.id, { levelId: childLevel.id, parentId: anchor.id, title: 'Läsfixare i åk 1' });

		const alone = await carryOverPlan(db, ctx, plan.id, { title: 'Verksamhetsplan 2025', startYear: 2025 });
		expect(await db.select().from(plans).where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.parentPlanId, alone)))).toEqual([]);

		const next = await carryOverPlan(db, ctx, plan.id, { title: 'Verksamhetsplan 2025', startYear: 2025, chain: true });
		const nextGoals = await anchorsIn(next);
		const carried = await db.select().from(plans).where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.parentPlanId, next)));
		expect(carried.map((row) => row.ownerUnitId).sort()).toEqual([schools[0].id, schools[1].id].sort());
		expect(carried.every((row) => row.startYear === 2025 && row.title.includes('2025'))).toBe(true);
		const unitNext = carried.find((row) => row.ownerUnitId === first.ownerUnitId)!;
		const items = await anchorsIn(unitNext.id);
		const anchors = items.filter((item) => item.sourceNodeId);
		expect(anchors.map((item) => item.sourceNodeId).sort()).toEqual(nextGoals.map((goal) => goal.id).sort());
		// The unit's own work came along under its anchor.
		const work = items.find((item) => item.title === 'Läsfixare i åk 1')!;
		expect(anchors.map((item) => item.id)).toContain(work.parentId);
	});
});

