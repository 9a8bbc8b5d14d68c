import { z } from 'zod';
import type { Db } from '../db/client';
import { cycles, PERIOD_KINDS } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../shared/parse-input';
import { DomainError } from '../shared/domain-error';
import type { Ctx } from '../shared/context';

const cycleInput = z.object({ periodKind: z.enum(PERIOD_KINDS), startYear: z.coerce.number().int().min(2000).max(2100) });

/** Starts the organisation's annual cycle for a year (one per kind of year: a second is refused). */
export async function createCycle(db: Db, ctx: Ctx, input: unknown): Promise<string> {
	const data = parseInput(cycleInput, input, { periodKind: { sv: 'Typ av år', en: 'Kind of year' }, startYear: { sv: 'År', en: 'Year' } });
	return db.transaction(async (tx) => {
		const [cycle] = await tx.insert(cycles).values({ tenantId: ctx.tenantId, ...data }).onConflictDoNothing().returning();
		if (!cycle) throw new DomainError('error_cycle_exists', {}, { field: 'startYear', status: 409 });
		await recordAudit(tx, ctx, { action: 'cycle.create', entityType: 'cycle', entityId: cycle.id, after: data });
		return cycle.id;
	});
}
