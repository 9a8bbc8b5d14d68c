import { describe, expect, it } from 'vitest';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { createFramework } from './create-framework';
import { addLevel } from './add-level';
import { updateLevel } from './update-level';
import { removeLevel } from './remove-level';
import { saveField } from './save-field';
import { removeField } from './remove-field';
import { moveLevel } from './move-level';
import { loadFramework } from './framework-repository';
import { PRESETS } from './presets';

const settings = (level: { nameSv: string; namePluralSv: string; nameEn: string; namePluralEn: string }, extra: object = {}) => ({
	nameSv: level.nameSv,
	namePluralSv: level.namePluralSv,
	nameEn: level.nameEn,
	namePluralEn: level.namePluralEn,
	isRoot: false,
	followUp: 'none',
	documentStyle: 'heading',
	tableColumns: [],
	childLevelIds: [],
	...extra
});

describe('frameworks', () => {
	it.each(PRESETS.map((preset) => preset.key))('creates the preset %s with its levels and rules', async (key) => {
		const db = await testDb();
		const { ctx } = await createTestOrganisation(db);
		const framework = await createFramework(db, ctx, { name: key, preset: key });
		const preset = PRESETS.find((candidate) => candidate.key === key)!;
		expect(framework.levels.map((level) => level.key)).toEqual(preset.levels.map((level) => level.key));
		for (const level of preset.levels) {
			const stored = framework.levels.find((candidate) => candidate.key === level.key)!;
			const childKeys = stored.childLevelIds.map((id) => framework.levels.find((candidate) => candidate.id === id)!.key);
			expect(childKeys.sort()).toEqual([...level.children].sort());
		}
	});

	it('lets an administrator build a framework from nothing', async () => {
		const db = await testDb();
		const { ctx } = await createTestOrganisation(db);
		const framework = await createFramework(db, ctx, { name: 'Egen modell' });
		const area = await addLevel(db, ctx, framework.id, { nameSv: 'Fokusområde', namePluralSv: 'Fokusområden', nameEn: 'Focus area', namePluralEn: 'Focus areas' });
		const step = await addLevel(db, ctx, framework.id, { nameSv: 'Åtgärd', namePluralSv: 'Åtgärder', nameEn: 'Action', namePluralEn: 'Actions' });
		const levels = (await loadFramework(db, ctx.tenantId, framework.id))!.levels;
		await updateLevel(db, ctx, framework.id, area, settings(levels[0], { isRoot: true, childLevelIds: [step] }));
		const key = await saveField(db, ctx, framework.id, step, { type: 'number', labelSv: 'Antal elever', labelEn: 'Number of pupils' });
		expect(key).toBe('antal_elever');
		await saveField(db, ctx, framework.id, step, { type: 'deadline', labelSv: 'Klart', labelEn: 'Due' });
		await updateLevel(db, ctx, framework.id, step, settings(levels[1], { followUp: 'status', documentStyle: 'table_row', tableColumns: ['title', 'antal_elever', 'deadline'] }));
		const stored = (await loadFramework(db, ctx.tenantId, framework.id))!;
		expect(stored.levels.map((level) => [level.nameSv, level.isRoot, level.childLevelIds.length])).toEqual([
			['Fokusområde', true, 1],
			['Åtgärd', false, 0]
		]);
		expect(stored.levels[1].tableColumns).toEqual(['title', 'antal_elever', 'deadline']);
		await moveLevel(db, ctx, framework.id, step, 'up');
		expect((await loadFramework(db, ctx.tenantId, framework.id))!.levels[0].id).toBe(step);
	});

	it('refuses edits that would orphan or drop data in a plan, and allows them once the data is gone', async () => {
		const db = await testDb();
		const { ctx, top } = await createTestOrganisation(db);
		const { plan, framework, level } = await createTestPlan(db, ctx, top.id, 'enkel');
		const goal = await addNode(db, ctx, plan.id, { levelId: level('mal').id, title: 'Höga kunskapsresultat' });
		await addNode(db, ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'Läsa-skriva-räkna', values: { deadline: 'VT' } });

		await expect(removeLevel(db, ctx, framework.id, level('aktivitet').id)).rejects.toMatchObject({
			code: 'error_level_in_use',
			params: { count: 1 }
		});
		await expect(removeField(db, ctx, framework.id, level('aktivitet').id, 'deadline')).rejects.toMatchObject({ code: 'error_field_in_use' });
		await expect(
			saveField(db, ctx, framework.id, level('aktivitet').id, { key: 'deadline', type: 'text', labelSv: 'Klart', labelEn: 'Due' })
		).rejects.toMatchObject({ code: 'error_field_in_use' });
		await expect(updateLevel(db, ctx, framework.id, level('mal').id, settings(level('mal'), { isRoot: true }))).rejects.toMatchObject({
			code: 'error_level_child_in_use'
		});
		await expect(
			updateLevel(db, ctx, framework.id, level('mal').id, settings(level('mal'), { childLevelIds: [level('aktivitet').id] }))
		).rejects.toMatchObject({ code: 'error_level_root_in_use' });
		await expect(
			saveField(db, ctx, framework.id, level('aktivitet').id, { type: 'deadline', labelSv: 'Till', labelEn: 'By' })
		).rejects.toMatchObject({ code: 'error_field_type_once' });

		// An unused field can go.
		await removeField(db, ctx, framework.id, level('aktivitet').id, 'responsible');
		const stored = (await loadFramework(db, ctx.tenantId, framework.id))!;
		const activity = stored.levels.find((candidate) => candidate.key === 'aktivitet')!;
		expect(activity.fields.map((field) => field.key)).toEqual(['deadline']);
		expect(activity.tableColumns).toEqual(['title', 'deadline']);
	});

	it('keeps frameworks apart between organisations', async () => {
		const db = await testDb();
		const one = await createTestOrganisation(db);
		const two = await createTestOrganisation(db);
		const framework = await createFramework(db, one.ctx, { name: 'Ettans', preset: 'enkel' });
		expect(await loadFramework(db, two.ctx.tenantId, framework.id)).toBeUndefined();
		await expect(addLevel(db, two.ctx, framework.id, { nameSv: 'X', namePluralSv: 'X', nameEn: 'X', namePluralEn: 'X' })).rejects.toMatchObject({
			code: 'error_not_found'
		});
	});
});
