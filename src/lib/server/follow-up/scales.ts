import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { scaleValues, type Meaning, type ScaleKind } from '../db/schema';

export type ScaleValue = typeof scaleValues.$inferSelect;

/**
 * The statuses seen in real follow-up reports, each with a meaning so they can be counted, and the
 * common three-level assessment scale. Colours pass 3:1 against white; the label is always shown too.
 */
const PRESET: { kind: ScaleKind; labelSv: string; labelEn: string; colour: string; meaning: Meaning }[] = [
	{ kind: 'status', labelSv: 'Ej påbörjad', labelEn: 'Not started', colour: '#6b7280', meaning: 'not_started' },
	{ kind: 'status', labelSv: 'Påbörjas under hösten', labelEn: 'Starts in the autumn', colour: '#8a6d00', meaning: 'not_started' },
	{ kind: 'status', labelSv: 'Pågående', labelEn: 'In progress', colour: '#1d5fa8', meaning: 'in_progress' },
	{ kind: 'status', labelSv: 'Kvarstår', labelEn: 'Remains', colour: '#b45309', meaning: 'in_progress' },
	{ kind: 'status', labelSv: 'Genomförd', labelEn: 'Done', colour: '#1e6b35', meaning: 'done' },
	{ kind: 'status', labelSv: 'Avslutad', labelEn: 'Closed', colour: '#14532d', meaning: 'done' },
	{ kind: 'status', labelSv: 'Avslutad – ej aktuell', labelEn: 'Closed – no longer relevant', colour: '#7f1d1d', meaning: 'cancelled' },
	{ kind: 'status', labelSv: 'Ingår i andra projekt', labelEn: 'Part of other projects', colour: '#6d28d9', meaning: 'other' },
	{ kind: 'assessment', labelSv: 'Uppfyllt', labelEn: 'Met', colour: '#1e6b35', meaning: 'met' },
	{ kind: 'assessment', labelSv: 'Delvis uppfyllt', labelEn: 'Partly met', colour: '#b45309', meaning: 'partly_met' },
	{ kind: 'assessment', labelSv: 'Ej uppfyllt', labelEn: 'Not met', colour: '#a4161a', meaning: 'not_met' }
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
