import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { scaleValues, SCALE_KINDS, type Meaning, type ScaleKind } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { isUuid } from '../shared/uuid';
import { contrastWithWhite } from '../shared/colour';
import { ASSESSMENT_PRESETS, countScaleUsage, listScale, type AssessmentPreset, type ScaleValue } from './scales';

/** The meanings a value of each kind may have: what the overview and the reports count it as. */
export const MEANINGS_OF: Record<ScaleKind, readonly Meaning[]> = {
	status: ['not_started', 'in_progress', 'done', 'cancelled', 'other'],
	assessment: ['met', 'partly_met', 'not_met', 'other']
};

/** Charts and badges draw the colour beside the label: it must stand out against white (WCAG 1.4.11, 3:1). */
const MIN_CONTRAST = 3;

const valueInput = z.object({
	labelSv: z.string().trim().min(1).max(80),
	labelEn: z.string().trim().max(80).default(''),
	colour: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/),
	meaning: z.string(),
	retired: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()).default(false)
});

const labels = {
	kind: { sv: 'Slag', en: 'Kind' },
	labelSv: { sv: 'Benämning', en: 'Label' },
	labelEn: { sv: 'Benämning på engelska', en: 'Label in English' },
	colour: { sv: 'Färg', en: 'Colour' },
	meaning: { sv: 'Betydelse', en: 'Meaning' },
	retired: { sv: 'Används inte längre', en: 'No longer used' }
};

/** Adds a status ("Pausad") or an assessment value at the end of its list. */
export async function addScaleValue(db: Db, ctx: Ctx, kind: string, input: unknown): Promise<string> {
	const scaleKind = parseKind(kind);
	return db.transaction(async (tx) => {
		const scale = await listScale(tx, ctx.tenantId, scaleKind);
		const data = checkValue(scaleKind, input, scale);
		const [row] = await tx
			.insert(scaleValues)
			.values({ tenantId: ctx.tenantId, kind: scaleKind, position: nextPosition(scale), ...data })
			.returning();
		await recordAudit(tx, ctx, { action: 'scale.add', entityType: 'scale_value', entityId: row.id, after: { kind: scaleKind, ...data } });
		return row.id;
	});
}

/** Changes a value's words, colour, meaning, or retires it (kept on earlier reports, no longer offered). */
export async function updateScaleValue(db: Db, ctx: Ctx, valueId: string, input: unknown): Promise<void> {
	await db.transaction(async (tx) => {
		const value = await findValue(tx, ctx.tenantId, valueId);
		const scale = await listScale(tx, ctx.tenantId, value.kind);
		const data = checkValue(value.kind, input, scale, value.id);
		if (data.retired && !value.retired && !scale.some((other) => other.id !== value.id && !other.retired)) {
			throw new DomainError('error_scale_needs_value', {}, { field: 'retired', status: 409 });
		}
		await tx.update(scaleValues).set(data).where(and(eq(scaleValues.tenantId, ctx.tenantId), eq(scaleValues.id, value.id)));
		await recordAudit(tx, ctx, { action: 'scale.update', entityType: 'scale_value', entityId: value.id, before: describe(value), after: data });
	});
}

/** Moves a value one place up or down in its list (the order menus and charts use). */
export async function moveScaleValue(db: Db, ctx: Ctx, valueId: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		const value = await findValue(tx, ctx.tenantId, valueId);
		const scale = await listScale(tx, ctx.tenantId, value.kind);
		const index = scale.findIndex((candidate) => candidate.id === value.id);
		const other = scale[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		const setPosition = (id: string, position: number) =>
			tx.update(scaleValues).set({ position }).where(and(eq(scaleValues.tenantId, ctx.tenantId), eq(scaleValues.id, id)));
		await setPosition(value.id, other.position);
		await setPosition(other.id, value.position);
		await recordAudit(tx, ctx, { action: 'scale.move', entityType: 'scale_value', entityId: value.id, before: { position: value.position }, after: { position: other.position } });
	});
}

/** Removes a value no report has ever used; a value in use can only be retired, so old reports keep their words. */
export async function removeScaleValue(db: Db, ctx: Ctx, valueId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const value = await findValue(tx, ctx.tenantId, valueId);
		const uses = (await countScaleUsage(tx, ctx.tenantId)).get(value.id) ?? 0;
		if (uses > 0) throw new DomainError('error_scale_value_in_use', { label: value.labelSv, count: uses }, { status: 409 });
		const scale = await listScale(tx, ctx.tenantId, value.kind);
		if (!value.retired && !scale.some((other) => other.id !== value.id && !other.retired)) {
			throw new DomainError('error_scale_needs_value', {}, { status: 409 });
		}
		await tx.delete(scaleValues).where(and(eq(scaleValues.tenantId, ctx.tenantId), eq(scaleValues.id, value.id)));
		await recordAudit(tx, ctx, { action: 'scale.remove', entityType: 'scale_value', entityId: value.id, before: describe(value) });
	});
}

/**
 * Switches the assessment scale to a preset (three levels, or the five-level one some organisations
 * use): its values become the offered ones in its order; others are retired, so old reports keep them.
 */
export async function useAssessmentPreset(db: Db, ctx: Ctx, preset: string): Promise<void> {
	if (!Object.hasOwn(ASSESSMENT_PRESETS, preset)) throw new DomainError('error_field_invalid', { field: { sv: 'Skala', en: 'Scale' } }, { field: 'preset' });
	const wanted = ASSESSMENT_PRESETS[preset as AssessmentPreset];
	await db.transaction(async (tx) => {
		const scale = await listScale(tx, ctx.tenantId, 'assessment');
		const key = (label: string) => label.trim().toLocaleLowerCase('sv');
		const byLabel = new Map(scale.map((value) => [key(value.labelSv), value]));
		const start = nextPosition(scale);
		for (const [index, value] of wanted.entries()) {
			const existing = byLabel.get(key(value.labelSv));
			if (existing) {
				await tx
					.update(scaleValues)
					.set({ position: start + index, retired: false })
					.where(and(eq(scaleValues.tenantId, ctx.tenantId), eq(scaleValues.id, existing.id)));
			} else {
				await tx.insert(scaleValues).values({ tenantId: ctx.tenantId, kind: 'assessment', position: start + index, ...value });
			}
		}
		const kept = new Set(wanted.map((value) => key(value.labelSv)));
		for (const value of scale.filter((candidate) => !kept.has(key(candidate.labelSv)) && !candidate.retired)) {
			await tx.update(scaleValues).set({ retired: true }).where(and(eq(scaleValues.tenantId, ctx.tenantId), eq(scaleValues.id, value.id)));
		}
		await recordAudit(tx, ctx, {
			action: 'scale.preset',
			entityType: 'scale_value',
			entityId: scale[0]?.id ?? ctx.tenantId,
			before: scale.filter((value) => !value.retired).map((value) => value.labelSv),
			after: wanted.map((value) => value.labelSv)
		});
	});
}

function parseKind(kind: string): ScaleKind {
	if (!(SCALE_KINDS as readonly string[]).includes(kind)) throw new DomainError('error_field_invalid', { field: labels.kind }, { field: 'kind' });
	return kind as ScaleKind;
}

async function findValue(tx: Db, tenantId: string, valueId: string): Promise<ScaleValue> {
	if (!isUuid(valueId)) throw notFound();
	const [value] = await tx.select().from(scaleValues).where(and(eq(scaleValues.tenantId, tenantId), eq(scaleValues.id, valueId)));
	if (!value) throw notFound();
	return value;
}

function checkValue(kind: ScaleKind, input: unknown, scale: ScaleValue[], selfId?: string) {
	const data = parseInput(valueInput, input, labels);
	if (!MEANINGS_OF[kind].includes(data.meaning as Meaning)) throw new DomainError('error_field_invalid', { field: labels.meaning }, { field: 'meaning' });
	const ratio = contrastWithWhite(data.colour);
	if (ratio < MIN_CONTRAST) throw new DomainError('error_colour_contrast', { ratio: ratio.toFixed(1).replace('.', ',') }, { field: 'colour' });
	const same = (label: string) => label.trim().toLocaleLowerCase('sv');
	if (scale.some((other) => other.id !== selfId && same(other.labelSv) === same(data.labelSv))) {
		throw new DomainError('error_scale_label_taken', { label: data.labelSv }, { field: 'labelSv', status: 409 });
	}
	return { labelSv: data.labelSv, labelEn: data.labelEn || data.labelSv, colour: data.colour.toLowerCase(), meaning: data.meaning as Meaning, retired: data.retired };
}

function nextPosition(scale: ScaleValue[]): number {
	return scale.reduce((max, value) => Math.max(max, value.position + 1), 0);
}

function describe(value: ScaleValue) {
	return { labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour, meaning: value.meaning, retired: value.retired, position: value.position };
}
