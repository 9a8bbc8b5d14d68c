import { describe, expect, it } from 'vitest';
import { createTestOrganisation, testDb } from '../testing/factories';
import { listAuditEvents } from '../audit/audit-repository';
import { createFramework } from './create-framework';
import { loadFramework } from './framework-repository';
import { saveField } from './save-field';
import { removeField } from './remove-field';
import { moveField } from './move-field';
import { documentParts, orderedColumns, partKey, partKeys } from './field-order';

describe("a level's field order", () => {
	it('moves a field above the description, audited, and keeps the description in place when a field goes', async () => {
		const db = await testDb();
		const { ctx } = await createTestOrganisation(db);
		const framework = await createFramework(db, ctx, { name: 'Modell', preset: 'omrade-insatser' });
		const area = framework.levels.find((level) => level.key === 'omrade')!;
		const order = async () => partKeys((await loadFramework(db, ctx.tenantId, framework.id))!.levels.find((level) => level.id === area.id)!);
		expect(await order()).toEqual(['description', 'effekter', 'kontakt']);

		const key = await saveField(db, ctx, framework.id, area.id, { type: 'rich_text', labelSv: 'Bakgrund', labelEn: 'Background' });
		for (let step = 0; step < 3; step++) await moveField(db, ctx, framework.id, area.id, key, 'up');
		expect(await order()).toEqual(['bakgrund', 'description', 'effekter', 'kontakt']);
		// At the top already: nothing moves.
		await moveField(db, ctx, framework.id, area.id, 'bakgrund', 'up');
		expect(await order()).toEqual(['bakgrund', 'description', 'effekter', 'kontakt']);
		await moveField(db, ctx, framework.id, area.id, 'description', 'down');
		expect(await order()).toEqual(['bakgrund', 'effekter', 'description', 'kontakt']);

		const moves = (await listAuditEvents(db, ctx.tenantId, { entityId: area.id })).filter((event) => event.action === 'field.move');
		expect(moves).toHaveLength(4);
		// In documents the area's own items (its interventions) come last until they are moved.
		expect(moves[0].after).toMatchObject({ key: 'description', direction: 'down', order: ['bakgrund', 'effekter', 'description', 'kontakt', 'children'] });

		// Removing a field before the description leaves the description after the same fields as before.
		await removeField(db, ctx, framework.id, area.id, 'effekter');
		expect(await order()).toEqual(['bakgrund', 'description', 'kontakt']);
		await expect(moveField(db, ctx, framework.id, area.id, 'saknas', 'up')).rejects.toMatchObject({ code: 'error_not_found' });
	});

	it("places the item's own items among its parts in documents, kept in place when a field before them goes", async () => {
		const db = await testDb();
		const { ctx } = await createTestOrganisation(db);
		const framework = await createFramework(db, ctx, { name: 'Modell', preset: 'omrade-insatser' });
		const area = framework.levels.find((level) => level.key === 'omrade')!;
		const level = async () => (await loadFramework(db, ctx.tenantId, framework.id))!.levels.find((candidate) => candidate.id === area.id)!;
		const order = async () => documentParts(await level()).map(partKey);
		expect(await order()).toEqual(['description', 'effekter', 'kontakt', 'children']);
		expect((await level()).childrenPosition).toBeNull();

		// Interventions between the description and the effects, as Utbildningskontoret's plan has them.
		await moveField(db, ctx, framework.id, area.id, 'children', 'up');
		await moveField(db, ctx, framework.id, area.id, 'children', 'up');
		expect(await order()).toEqual(['description', 'children', 'effekter', 'kontakt']);
		expect((await level()).childrenPosition).toBe(1);
		// The form's order is the fields' and the description's alone.
		expect(partKeys(await level())).toEqual(['description', 'effekter', 'kontakt']);

		// A new field comes last, after the items; removing one before them keeps them where they stand.
		const key = await saveField(db, ctx, framework.id, area.id, { type: 'rich_text', labelSv: 'Fotnoter', labelEn: 'Notes' });
		expect(await order()).toEqual(['description', 'children', 'effekter', 'kontakt', key]);
		await moveField(db, ctx, framework.id, area.id, 'description', 'down');
		expect(await order()).toEqual(['children', 'description', 'effekter', 'kontakt', key]);
		await removeField(db, ctx, framework.id, area.id, 'kontakt');
		expect(await order()).toEqual(['children', 'description', 'effekter', key]);
		// Moved to the end again, the items are simply last.
		for (let step = 0; step < 4; step++) await moveField(db, ctx, framework.id, area.id, 'children', 'down');
		expect(await order()).toEqual(['description', 'effekter', key, 'children']);
		expect((await level()).childrenPosition).toBeNull();
	});

	it("prints a table level's columns in the level's order, built-in columns keeping their places", () => {
		const field = (key: string) => ({ key, type: 'text' as const, labelSv: key, labelEn: key, helpSv: '', helpEn: '', required: false, options: [] });
		const level = { fields: [field('bakgrund'), field('matt'), field('malvarde')], descriptionPosition: 1, tableColumns: ['matt', 'title', 'description', 'bakgrund'] };
		expect(orderedColumns(level)).toEqual(['bakgrund', 'title', 'description', 'matt']);
	});
});
