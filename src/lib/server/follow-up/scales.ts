import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows';
import type { Db } from '../db/client';
import { scaleValues, type Meaning, type ScaleKind } from '../db/schema';

export type ScaleValue = typeof scaleValues.$inferSelect;

type PresetValue = { labelSv: string; labelEn: string; colour: string; meaning: Meaning };

/**
 * The statuses seen in real follow-up reports, each with a meaning so they can be counted. Colours
 * pass 3:1 against white; the label is always shown too.
 */
const STATUSES: PresetValue[] = [
	{ labelSv: 'Ej påbörjad', labelEn: 'Not started', colour: '#6b7280', meaning: 'not_started' },
	{ labelSv: 'Påbörjas under hösten', labelEn: 'Starts in the autumn', colour: '#8a6d00', meaning: 'not_started' },
	{ labelSv: 'Pågående', labelEn: 'In progress', colour: '#1d5fa8', meaning: 'in_progress' },
	{ labelSv: 'Kvarstår', labelEn: 'Remains', colour: '#b45309', meaning: 'in_progress' },
	{ labelSv: 'Genomförd', labelEn: 'Done', colour: '#1e6b35', meaning: 'done' },
	{ labelSv: 'Avslutad', labelEn: 'Closed', colour: '#14532d', meaning: 'done' },
	{ labelSv: 'Avslutad – ej aktuell', labelEn: 'Closed – no longer relevant', colour: '#7f1d1d', meaning: 'cancelled' },
	{ labelSv: 'Ingår i andra projekt', labelEn: 'Part of other projects', colour: '#6d28d9', meaning: 'other' }
];

/** Assessment scales seen in real reports: the common three levels, and a five-level one for goals. */
export const ASSESSMENT_PRESETS = {
	three: [
		{ labelSv: 'Uppfyllt', labelEn: 'Met', colour: '#1e6b35', meaning: 'met' },
		{ labelSv: 'Delvis uppfyllt', labelEn: 'Partly met', colour: '#b45309', meaning: 'partly_met' },
		{ labelSv: 'Ej uppfyllt', labelEn: 'Not met', colour: '#a4161a', meaning: 'not_met' }
	],
	five: [
		{ labelSv: 'Uppnått', labelEn: 'Achieved', colour: '#1e6b35', meaning: 'met' },
		{ labelSv: 'Bedöms kunna uppnås', labelEn: 'Expected to be achieved', colour: '#2f7d4a', meaning: 'met' },
		{ labelSv: 'Osäkert', labelEn: 'Uncertain', colour: '#b45309', meaning: 'partly_met' },
		{ labelSv: 'Bedöms inte kunna uppnås', labelEn: 'Not expected to be achieved', colour: '#a4161a', meaning: 'not_met' },
		{ labelSv: 'Har inte uppnåtts', labelEn: 'Not achieved', colour: '#7f1d1d', meaning: 'not_met' }
	]
} satisfies Record<string, PresetValue[]>;
export type AssessmentPreset = keyof typeof ASSESSMENT_PRESETS;

const PRESET: (PresetValue & { kind: ScaleKind })[] = [
	...STATUSES.map((value) => ({ kind: 'status' as const, ...value })),
	...ASSESSMENT_PRESETS.three.map((value) => ({ kind: 'assessment' as const, ...value }))
];

/** Gives an organisation the preset scales if it has none (new organisations, and older ones on upgrade). */
export async function ensureScales(tx: Db, tenantId: string): Promise<void> {
	const [existing] = await tx.select({ id: scaleValues.id }).from(scaleValues).where(eq(scaleValues.tenantId, tenantId)).limit(1);
	if (existing) return;
	await tx.insert(scaleValues).values(PRESET.map((value, position) => ({ tenantId, position, ...value })));
}

export async function listScale(db: Db, tenantId: string, kind?: ScaleKind): Promise<ScaleValue[]> {
	return db
		.select()
		.from(scaleValues)
		.where(kind ? and(eq(scaleValues.tenantId, tenantId), eq(scaleValues.kind, kind)) : eq(scaleValues.tenantId, tenantId))
		.orderBy(asc(scaleValues.position));
}

/** How many reports use each value, now or in an earlier version: a used value can be retired, not removed. */
export async function countScaleUsage(db: Db, tenantId: string): Promise<Map<string, number>> {
	const rows = rowsOf<{ id: string; uses: number | string }>(
		await db.execute(sql`
			select id, count(distinct report) as uses from (
				select coalesce(status_id, assessment_id) as id, id as report from follow_ups where tenant_id = ${tenantId}
				union all
				select coalesce(status_id, assessment_id), follow_up_id from follow_up_revisions where tenant_id = ${tenantId}
			) used where id is not null group by id`)
	);
	return new Map(rows.map((row) => [row.id, Number(row.uses)]));
}
