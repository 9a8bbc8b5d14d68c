import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../db/schema';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addPeriod } from './manage-periods';
import { recordFollowUp } from './record-follow-up';
import { addScaleValue, moveScaleValue, removeScaleValue, updateScaleValue, useAssessmentPreset } from './manage-scale';
import { countScaleUsage, listScale } from './scales';

async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: 'Trygghet' });
	const activity = await addNode(db, org.ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title: 'Rastvärdar' });
	const period = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 1', asOf: '2024-04-30', dueOn: '2024-05-15' });
	const statuses = () => listScale(db, org.tenant.id, 'status');
	const labelsOf = async (kind: 'status' | 'assessment') =>
		(await listScale(db, org.tenant.id, kind)).filter((value) => !value.retired).map((value) => value.labelSv);
	return { db, ...org, plan, goal, activity, period, statuses, labelsOf };
}

const paused = { labelSv: 'Pausad', labelEn: 'Paused', colour: '#5b21b6', meaning: 'in_progress' };

describe('status set and assessment scale', () => {
	it('adds a status at the end, offered in reports, with the change in the audit log', async () => {
		const { db, ctx, plan, activity, period, statuses, labelsOf } = await setup();
		const id = await addScaleValue(db, ctx, 'status', paused);
		expect((await labelsOf('status')).at(-1)).toBe('Pausad');
		expect(await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: id, comment: 'Vilar över sommaren.' })).toBe(1);
		expect((await statuses()).find((value) => value.id === id)).toMatchObject({ labelEn: 'Paused', colour: '#5b21b6', meaning: 'in_progress' });
		const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, ctx.tenantId), eq(auditEvents.entityId, id)));
		expect(audit.map((event) => event.action)).toEqual(['scale.add']);
	});

	it('refuses a colour too pale against white, a label already there, a meaning of the other kind, an unknown kind', async () => {
		const { db, ctx, labelsOf } = await setup();
		const before = await labelsOf('status');
		await expect(addScaleValue(db, ctx, 'status', { ...paused, colour: '#ffee58' })).rejects.toMatchObject({ code: 'error_colour_contrast', field: 'colour' });
		await expect(addScaleValue(db, ctx, 'status', { ...paused, colour: 'red' })).rejects.toMatchObject({ code: 'error_field_invalid', field: 'colour' });
		await expect(addScaleValue(db, ctx, 'status', { ...paused, labelSv: ' pågående ' })).rejects.toMatchObject({ code: 'error_scale_label_taken' });
		await expect(addScaleValue(db, ctx, 'status', { ...paused, meaning: 'met' })).rejects.toMatchObject({ code: 'error_field_invalid', field: 'meaning' });
		await expect(addScaleValue(db, ctx, 'mood', paused)).rejects.toMatchObject({ code: 'error_field_invalid', field: 'kind' });
		expect(await labelsOf('status')).toEqual(before);
	});

	it('renames, recolours and retires a value: a retired value is kept on old reports but cannot be chosen', async () => {
		const { db, ctx, plan, activity, period, statuses } = await setup();
		const started = (await statuses()).find((value) => value.labelSv === 'Pågående')!;
		await recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: started.id });
		await updateScaleValue(db, ctx, started.id, { labelSv: 'Pågår', labelEn: '', colour: '#1D4ED8', meaning: 'in_progress', retired: 'on' });
		expect((await statuses()).find((value) => value.id === started.id)).toMatchObject({ labelSv: 'Pågår', labelEn: 'Pågår', colour: '#1d4ed8', retired: true });
		await expect(recordFollowUp(db, ctx, plan.id, activity.id, period, { statusId: started.id, version: 1 })).rejects.toMatchObject({ code: 'error_field_invalid' });
		await expect(removeScaleValue(db, ctx, started.id)).rejects.toMatchObject({ code: 'error_scale_value_in_use', params: { count: 1 } });
		expect((await countScaleUsage(db, ctx.tenantId)).get(started.id)).toBe(1);
	});

	it('keeps at least one value to choose', async () => {
		const { db, ctx } = await setup();
		const assessments = await listScale(db, ctx.tenantId, 'assessment');
		for (const value of assessments.slice(1)) await removeScaleValue(db, ctx, value.id);
		const last = assessments[0];
		await expect(updateScaleValue(db, ctx, last.id, { ...last, retired: 'on' })).rejects.toMatchObject({ code: 'error_scale_needs_value' });
		await expect(removeScaleValue(db, ctx, last.id)).rejects.toMatchObject({ code: 'error_scale_needs_value' });
	});

	it('moves a value up and down in its list', async () => {
		const { db, ctx, labelsOf } = await setup();
		const [first, second] = await listScale(db, ctx.tenantId, 'status');
		await moveScaleValue(db, ctx, second.id, 'up');
		expect((await labelsOf('status')).slice(0, 2)).toEqual([second.labelSv, first.labelSv]);
		await moveScaleValue(db, ctx, second.id, 'up');
		expect((await labelsOf('status')).slice(0, 2)).toEqual([second.labelSv, first.labelSv]);
		await moveScaleValue(db, ctx, second.id, 'down');
		expect((await labelsOf('status')).slice(0, 2)).toEqual([first.labelSv, second.labelSv]);
	});

	it('switches the assessment scale to five levels and back, retiring what is not in it', async () => {
		const { db, ctx, plan, goal, period, labelsOf } = await setup();
		const [met] = await listScale(db, ctx.tenantId, 'assessment');
		await recordFollowUp(db, ctx, plan.id, goal.id, period, { assessmentId: met.id, analysis: 'Bra.' });
		await useAssessmentPreset(db, ctx, 'five');
		expect(await labelsOf('assessment')).toEqual(['Uppnått', 'Bedöms kunna uppnås', 'Osäkert', 'Bedöms inte kunna uppnås', 'Har inte uppnåtts']);
		expect((await listScale(db, ctx.tenantId, 'assessment')).find((value) => value.id === met.id)).toMatchObject({ retired: true });
		await useAssessmentPreset(db, ctx, 'three');
		expect(await labelsOf('assessment')).toEqual(['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt']);
		expect((await listScale(db, ctx.tenantId, 'assessment')).filter((value) => value.id === met.id && !value.retired)).toHaveLength(1);
		await expect(useAssessmentPreset(db, ctx, 'seven')).rejects.toMatchObject({ code: 'error_field_invalid' });
	});

	it("answers another organisation's values as not found", async () => {
		const { db, statuses } = await setup();
		const other = await createTestOrganisation(db);
		const [value] = await statuses();
		await expect(updateScaleValue(db, other.ctx, value.id, paused)).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(moveScaleValue(db, other.ctx, value.id, 'down')).rejects.toMatchObject({ code: 'error_not_found' });
		await expect(removeScaleValue(db, other.ctx, value.id)).rejects.toMatchObject({ code: 'error_not_found' });
	});
});
