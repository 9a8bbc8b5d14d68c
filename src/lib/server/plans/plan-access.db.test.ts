import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addUnit } from '../organisation/add-unit';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { listPlans } from './plan-repository';
import { addNode } from './add-node';
import { adoptPlan } from './adopt-plan';
import { readablePlans, readScopeOf } from './plan-access';
import { can } from '../policies';
import { grantsFrom } from '../identity/grants';
import { listUnits } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';

/**
 * Access follows the unit tree: the organiser's strategist reads every plan; a rektor on one school
 * reads the school's draft and every adopted plan, never another school's draft — unless named
 * responsible for one of its items (directly or through a role title), so that she can report it.
 */
describe('who may read which plan', () => {
	it("leaves another school's draft out of a rektor's list and refuses it, and lets the responsible in", async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const north = await addUnit(db, ctx, { parentId: top.id, kind: 'school_unit', name: 'Norrskolan' });
		const south = await addUnit(db, ctx, { parentId: top.id, kind: 'school_unit', name: 'Söderskolan' });
		const organiser = await createTestPlan(db, ctx, top.id, 'enkel');
		await adoptPlan(db, ctx, organiser.plan.id, { adoptedBy: 'Nämnden', adoptedOn: '2024-01-30' });
		const own = await createTestPlan(db, ctx, north.id, 'enkel');
		const other = await createTestPlan(db, ctx, south.id, 'enkel');
		const organiserDraft = await createTestPlan(db, ctx, top.id, 'enkel');

		const rektor = await addAccount(db, ctx, { email: `rektor-${north.id.slice(0, 6)}@example.se`, name: 'Rektor Norr', role: 'planner', unitId: north.id });
		const units = await listUnits(db, ctx.tenantId);
		const as = (unitId: string, personId?: string): Ctx => ({
			tenantId: ctx.tenantId,
			actor: { id: 'test', name: 'test', personId, grants: grantsFrom(units, [{ role: 'planner', unitId }]) }
		});
		const rektorCtx = as(north.id, rektor.personId);
		const titles = async (reader: Ctx) => (await readablePlans(db, reader, await listPlans(db, ctx.tenantId))).map((plan) => plan.id).sort();

		expect(await titles(rektorCtx)).toEqual([organiser.plan.id, own.plan.id].sort());
		expect(await titles(as(top.id))).toEqual([organiser.plan.id, own.plan.id, other.plan.id, organiserDraft.plan.id].sort());
		expect(can(rektorCtx.actor, 'plan.read', await readScopeOf(db, rektorCtx, other.plan))).toBe(false);
		expect(can(rektorCtx.actor, 'plan.read', await readScopeOf(db, rektorCtx, organiserDraft.plan))).toBe(false);

		// Named responsible (through a role title she holds) for an item in the other school's draft: hers to read.
		await holdRoleTitle(db, ctx, rektor.personId, 'Samordnare trygghet', true);
		const goal = (await addNode(db, ctx, other.plan.id, { levelId: other.level('mal').id, title: 'Studiero' })).id;
		await addNode(db, ctx, other.plan.id, { levelId: other.level('aktivitet').id, parentId: goal, title: 'Enkät', values: { responsible: { roles: 'Samordnare trygghet' } } });
		expect(await titles(rektorCtx)).toEqual([organiser.plan.id, own.plan.id, other.plan.id].sort());
		expect(can(rektorCtx.actor, 'plan.read', await readScopeOf(db, rektorCtx, other.plan))).toBe(true);
	});
});
