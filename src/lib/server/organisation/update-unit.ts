import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findUnit } from './organisation-repository';

const updateUnitInput = z.object({
	name: z.string().trim().min(1).max(200),
	shortName: z.string().trim().max(20).default('')
});

/** Renames a unit (boards keep their short names "BoU", "BiN" here). */
export async function updateUnit(db: Db, ctx: Ctx, unitId: string, input: unknown): Promise<void> {
	const data = parseInput(updateUnitInput, input, { name: { sv: 'Namn', en: 'Name' }, shortName: { sv: 'Förkortning', en: 'Short name' } });
	await db.transaction(async (tx) => {
		const before = await findUnit(tx, ctx.tenantId, unitId);
		if (!before) throw notFound();
		const after = { name: data.name, shortName: data.shortName || null };
		await tx.update(units).set(after).where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, unitId)));
		await recordAudit(tx, ctx, { action: 'unit.update', entityType: 'unit', entityId: unitId, before, after });
	});
}
