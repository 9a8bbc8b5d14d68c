import { z } from 'zod';
import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client';
import { UNIT_KINDS, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findUnit, type Unit } from './organisation-repository';

export const addUnitInput = z.object({
	parentId: z.uuid().nullable(),
	kind: z.enum(UNIT_KINDS),
	name: z.string().trim().min(1).max(200),
	shortName: z.string().trim().max(20).optional()
});

export async function addUnit(db: Db, ctx: Ctx, input: unknown): Promise<Unit> {
	const data = parseInput(addUnitInput, input, {
		parentId: { sv: 'Överordnad enhet', en: 'Parent unit' },
		kind: { sv: 'Typ', en: 'Kind' },
		name: { sv: 'Namn', en: 'Name' },
		shortName: { sv: 'Förkortning', en: 'Short name' }
	});
	return db.transaction(async (tx) => {
		if (data.parentId && !(await findUnit(tx, ctx.tenantId, data.parentId))) {
			throw new DomainError('error_not_found', {}, { field: 'parentId', status: 404 });
		}
		const [{ last }] = await tx
			.select({ last: max(units.position) })
			.from(units)
			.where(and(eq(units.tenantId, ctx.tenantId)));
		const [unit] = await tx
			.insert(units)
			.values({ tenantId: ctx.tenantId, ...data, shortName: data.shortName || null, position: (last ?? 0) + 1 })
			.returning();
		await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: unit.id, after: unit });
		return unit;
	});
}
