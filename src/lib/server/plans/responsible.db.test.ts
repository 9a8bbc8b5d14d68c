import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roleTitles } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addPerson } from '../organisation/add-person';
import { holdRoleTitle } from '../identity/hold-role-title';
import { isResponsible } from '../follow-up/follow-up-repository';
import { exportPlan } from '../documents/export-plan';
import { importPlanDocument, readPlanDocument } from '../documents/import-plan-json';
import { importedValue } from '../documents/import-values';
import { addNode } from './add-node';
import { updateNode } from './update-node';
import { loadPlanData } from './plan-repository';

describe('responsible with a note', () => {
	async function setup() {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'omrade-insatser');
		const area = await addNode(db, org.ctx, plan.id, { levelId: level('omrade').id, title: 'Läsning' });
		const titles = async () => (await db.select().from(roleTitles).where(eq(roleTitles.tenantId, org.ctx.tenantId))).map((row) => row.name).sort();
		const responsibles = async (nodeId: string) => (await loadPlanData(db, org.ctx.tenantId, plan.id))!.nodes.find((node) => node.id === nodeId)!.responsibles;
		return { db, ...org, plan, level, area, titles, responsibles };
	}

	it('matches "Utvecklingsledare (del 2)" on the role, so its holder is asked to report, and prints the note', async () => {
		const { db, ctx, plan, level, area, titles, responsibles } = await setup();
		const insats = await addNode(db, ctx, plan.id, {
			levelId: level('insats').id,
			parentId: area.id,
			title: 'Läsfrämjande insatser',
			values: { responsible: { roles: 'Utvecklingsledare (del 2)\nRektor (för punkt 3)\nUtvecklingsledare (del 3)' } }
		});
		expect(await titles()).toEqual(['Rektor', 'Utvecklingsledare']);
		expect((await responsibles(insats.id)).map(({ name, note }) => ({ name, note }))).toEqual([
			{ name: 'Utvecklingsledare', note: 'del 2' },
			{ name: 'Rektor', note: 'för punkt 3' },
			{ name: 'Utvecklingsledare', note: 'del 3' }
		]);
		const holder = await addPerson(db, ctx, { name: 'Eva Lind' });
		await holdRoleTitle(db, ctx, holder.id, 'Utvecklingsledare', true);
		expect(await isResponsible(db, ctx.tenantId, holder.id, insats.id)).toBe(true);

		const html = (await exportPlan(db, ctx.tenantId, plan.id, { format: 'html', locale: 'sv' })).body.toString();
		expect(html).toContain('Utvecklingsledare (del 2)');
		expect(html).toContain('Rektor (för punkt 3)');
	});

	it('keeps a title that already has brackets in its name as that title', async () => {
		const { db, ctx, plan, level, area, titles, responsibles } = await setup();
		await db.insert(roleTitles).values({ tenantId: ctx.tenantId, name: 'Rektor (F-6)' });
		const insats = await addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: area.id, title: 'Lågstadiet', values: { responsible: { roles: 'Rektor (F-6)' } } });
		expect(await titles()).toEqual(['Rektor (F-6)']);
		expect((await responsibles(insats.id)).map(({ name, note }) => ({ name, note }))).toEqual([{ name: 'Rektor (F-6)', note: '' }]);
	});

	it('takes "Anna Ek (del 2)" in an imported cell as the person with a note, which the item form keeps and the JSON file carries', async () => {
		const { db, ctx, plan, level, area, responsibles } = await setup();
		const anna = await addPerson(db, ctx, { name: 'Anna Ek' });
		const field = level('insats').fields.find((candidate) => candidate.type === 'responsible')!;
		const imported = importedValue(field, ['Anna Ek (del 2)', 'Skolchef'], { personIds: new Map([['Anna Ek', anna.id]]), boardIds: new Map() } as never, { splitLists: true });
		expect(imported.value).toEqual({ roles: ['Skolchef'], people: [{ id: anna.id, note: 'del 2' }] });
		const insats = await addNode(db, ctx, plan.id, { levelId: level('insats').id, parentId: area.id, title: 'Insats', values: { responsible: imported.value } });
		// The item form sends people as ids without notes: the note an import gave stays.
		await updateNode(db, ctx, plan.id, insats.id, { title: 'Insats', values: { responsible: { roles: 'Skolchef', people: [anna.id] } } });
		expect((await responsibles(insats.id)).map(({ kind, name, note }) => ({ kind, name, note }))).toEqual([
			{ kind: 'role', name: 'Skolchef', note: '' },
			{ kind: 'person', name: 'Anna Ek', note: 'del 2' }
		]);

		const file = (await exportPlan(db, ctx.tenantId, plan.id, { format: 'json', locale: 'sv' })).body;
		const copy = await importPlanDocument(db, ctx, readPlanDocument(file));
		const copied = (await loadPlanData(db, ctx.tenantId, copy.planId))!.nodes.find((node) => node.title === 'Insats')!;
		expect(copied.responsibles.map(({ name, note }) => ({ name, note }))).toEqual([
			{ name: 'Skolchef', note: '' },
			{ name: 'Anna Ek', note: 'del 2' }
		]);
	});
});
