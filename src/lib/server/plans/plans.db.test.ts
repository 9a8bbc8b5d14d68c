import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents, nodes } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from './add-node';
import { updateNode } from './update-node';
import { moveNode } from './move-node';
import { shiftNode } from './shift-node';
import { removeNode } from './remove-node';
import { linkNode } from './link-node';
import { adoptPlan } from './adopt-plan';
import { saveChapter } from './save-chapter';
import { loadPlanData } from './plan-repository';
import { buildTree, flattenTree } from './plan-tree';
import type { Db } from '../db/client';

async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const { plan, level, framework } = await createTestPlan(db, org.ctx, org.top.id);
	const perspective = await addNode(db, org.ctx, plan.id, { levelId: level('perspektiv').id, title: 'Medborgare' });
	const municipal = await addNode(db, org.ctx, plan.id, {
		levelId: level('kommunmal').id,
		parentId: perspective.id,
		title: 'Skolor med fokus på kunskap och studiero'
	});
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('namndmal').id, parentId: municipal.id, title: 'Maximalt lärande' });
	return { db, ...org, plan, level, framework, perspective, municipal, goal };
}

const nodeCount = async (db: Db, planId: string) =>
	Number((await db.select({ n: count() }).from(nodes).where(eq(nodes.planId, planId)))[0].n);

describe('items in a plan', () => {
	it('holds items on several levels with their fields, boards, responsible and derived deadline', async () => {
		const { db, ctx, plan, level, goal, boards } = await setup();
		const activity = await addNode(db, ctx, plan.id, {
			levelId: level('aktivitet').id,
			parentId: goal.id,
			ref: '1.',
			title: 'Följa upp heltidsmentorer',
			values: { boards: [boards.bou.id, boards.bin.id], deadline: 'Mars', responsible: 'Skolchef grundskola\nPlaneringschef' }
		});
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		const stored = data.nodes.find((node) => node.id === activity.id)!;
		expect(stored.deadlineText).toBe('Mars');
		expect(stored.deadlineDate).toBe('2024-03-31');
		expect(stored.boardIds).toEqual([boards.bou.id, boards.bin.id]);
		expect(stored.responsibles.map((r) => r.name)).toEqual(['Skolchef grundskola', 'Planeringschef']);
		expect(stored.ref).toBe('1.');
		const outline = flattenTree(buildTree(data)).map((entry) => [entry.depth, entry.level.key, entry.node.title]);
		expect(outline).toEqual([
			[0, 'perspektiv', 'Medborgare'],
			[1, 'kommunmal', 'Skolor med fokus på kunskap och studiero'],
			[2, 'namndmal', 'Maximalt lärande'],
			[3, 'aktivitet', 'Följa upp heltidsmentorer']
		]);
	});

	it('refuses an item where the framework does not allow it, and writes nothing', async () => {
		const { db, ctx, plan, level, perspective } = await setup();
		const before = await nodeCount(db, plan.id);
		await expect(addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, title: 'Fel plats' })).rejects.toMatchObject({
			code: 'error_level_not_allowed_at_top'
		});
		await expect(
			addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: perspective.id, title: 'Fel plats' })
		).rejects.toMatchObject({ code: 'error_level_not_allowed_under', field: 'parentId' });
		expect(await nodeCount(db, plan.id)).toBe(before);
	});

	it('refuses a field that breaks its definition, naming the field, and writes nothing', async () => {
		const { db, ctx, plan, level, goal } = await setup();
		const before = await nodeCount(db, plan.id);
		await expect(
			addNode(db, ctx, plan.id, { levelId: level('uppdrag').id, parentId: goal.id, title: 'Uppdrag', values: { typ: 'Påhittad' } })
		).rejects.toMatchObject({ code: 'error_field_choice', field: 'typ', params: { field: { sv: 'Typ av uppdrag' }, value: 'Påhittad' } });
		await expect(
			addNode(db, ctx, plan.id, { levelId: level('uppdrag').id, parentId: goal.id, title: 'Uppdrag', values: { okand: 'x' } })
		).rejects.toMatchObject({ code: 'error_unknown_field' });
		await expect(
			addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'A', values: { boards: ['not-a-board'] } })
		).rejects.toMatchObject({ code: 'error_field_invalid', field: 'boards' });
		await expect(
			addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'A', values: { boards: [crypto.randomUUID()] } })
		).rejects.toMatchObject({ code: 'error_not_found', field: 'boards' });
		// A blank title is a missing one (a level without titles allows it: untitled-level.db.test.ts).
		await expect(addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: '  ' })).rejects.toMatchObject({
			code: 'error_field_required',
			field: 'title'
		});
		expect(await nodeCount(db, plan.id)).toBe(before);
	});

	it('reorders and moves items, and refuses a move under the item itself', async () => {
		const { db, ctx, plan, level, goal, perspective, municipal } = await setup();
		const add = (title: string) => addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title });
		const a = await add('A');
		const b = await add('B');
		const c = await add('C');
		await shiftNode(db, ctx, plan.id, c.id, 'up');
		await moveNode(db, ctx, plan.id, a.id, { parentId: goal.id, index: 2 });
		const titles = async () =>
			(await loadPlanData(db, ctx.tenantId, plan.id))!.nodes
				.filter((node) => node.parentId === goal.id)
				.sort((x, y) => x.position - y.position)
				.map((node) => node.title);
		expect(await titles()).toEqual(['C', 'B', 'A']);
		expect(b.id).toBeTruthy();

		await expect(moveNode(db, ctx, plan.id, perspective.id, { parentId: goal.id })).rejects.toMatchObject({
			code: 'error_move_into_itself'
		});
		await expect(moveNode(db, ctx, plan.id, goal.id, { parentId: null })).rejects.toMatchObject({
			code: 'error_level_not_allowed_at_top'
		});
		const secondMunicipal = await addNode(db, ctx, plan.id, { levelId: level('kommunmal').id, parentId: perspective.id, title: 'Annat mål' });
		await moveNode(db, ctx, plan.id, goal.id, { parentId: secondMunicipal.id });
		const moved = (await loadPlanData(db, ctx.tenantId, plan.id))!.nodes.find((node) => node.id === goal.id)!;
		expect(moved.parentId).toBe(secondMunicipal.id);
		expect(municipal.id).not.toBe(secondMunicipal.id);
	});

	it('shows a linked item under both goals without copying it', async () => {
		const { db, ctx, plan, level, goal, municipal } = await setup();
		const other = await addNode(db, ctx, plan.id, { levelId: level('namndmal').id, parentId: municipal.id, title: 'Likvärdiga möjligheter' });
		const shared = await addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'Ta fram strategi för föräldraskapsstöd' });
		await linkNode(db, ctx, plan.id, shared.id, other.id);
		await expect(linkNode(db, ctx, plan.id, shared.id, other.id)).rejects.toMatchObject({ code: 'error_already_linked_there' });
		const entries = flattenTree(buildTree((await loadPlanData(db, ctx.tenantId, plan.id))!)).filter((entry) => entry.node.id === shared.id);
		expect(entries.map((entry) => entry.linked)).toEqual([false, true]);
		expect(await nodeCount(db, plan.id)).toBe(5);
	});

	it('refuses a stale edit', async () => {
		const { db, ctx, plan, goal } = await setup();
		await updateNode(db, ctx, plan.id, goal.id, { title: 'Maximalt lärande för alla', version: 1 });
		await expect(updateNode(db, ctx, plan.id, goal.id, { title: 'Annan text', version: 1 })).rejects.toMatchObject({
			code: 'error_stale_edit'
		});
	});

	it('makes an adopted plan read-only', async () => {
		const { db, ctx, plan, level, goal } = await setup();
		await saveChapter(db, ctx, plan.id, null, { title: 'Förord', body: 'Text' });
		await adoptPlan(db, ctx, plan.id, { adoptedBy: 'Förvaltningschef', adoptedOn: '2024-01-15', registryNumber: 'Dnr 2024/938' });
		await expect(addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'Sen' })).rejects.toMatchObject({
			code: 'error_plan_not_editable'
		});
		await expect(removeNode(db, ctx, plan.id, goal.id)).rejects.toMatchObject({ code: 'error_plan_not_editable' });
		await expect(saveChapter(db, ctx, plan.id, null, { title: 'Till' })).rejects.toMatchObject({ code: 'error_plan_not_editable' });
		const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
		expect(data.plan).toMatchObject({ state: 'adopted', registryNumber: 'Dnr 2024/938', adoptedOn: '2024-01-15' });
	});

	it('answers another organisation\'s ids as not found', async () => {
		const { db, plan, goal } = await setup();
		const other = await createTestOrganisation(db);
		expect(await loadPlanData(db, other.ctx.tenantId, plan.id)).toBeUndefined();
		await expect(updateNode(db, other.ctx, plan.id, goal.id, { title: 'Kapad' })).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(removeNode(db, other.ctx, plan.id, goal.id)).rejects.toMatchObject({ code: 'error_not_found' });
	});

	it('writes one audit record per change, in the tenant', async () => {
		const { db, ctx, plan, goal } = await setup();
		const audited = async () =>
			Number((await db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.planId, plan.id))))[0].n);
		const before = await audited();
		await updateNode(db, ctx, plan.id, goal.id, { title: 'Nytt namn' });
		expect(await audited()).toBe(before + 1);
		const [last] = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.action, 'node.update')));
		expect(last.before).toMatchObject({ title: 'Maximalt lärande' });
		expect(last.after).toMatchObject({ title: 'Nytt namn' });
	});
});
