import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../shared/parse-input';
import { DomainError } from '../shared/domain-error';
import { findPlaces } from './kolada-repository';
import type { Ctx } from '../shared/context';

const settingsInput = z.object({
	municipalityCode: z
		.string()
		.trim()
		.regex(/^(\d{4})?$/)
		.default(''),
	comparisonGroupId: z.string().trim().max(20).default('')
});

/**
 * The organisation's place in Kolada: its municipality (whose figures are its own) and the group it
 * compares itself with. A code or group Kolada's catalogue does not have is refused, naming it.
 */
export async function setKoladaSettings(db: Db, ctx: Ctx, input: unknown): Promise<void> {
	const data = parseInput(settingsInput, input, { municipalityCode: { sv: 'Kommunkod', en: 'Municipality code' }, comparisonGroupId: { sv: 'Jämförelsegrupp', en: 'Comparison group' } });
	const wanted = [data.municipalityCode, data.comparisonGroupId].filter(Boolean);
	const known = new Map((await findPlaces(db, wanted)).map((place) => [place.id, place]));
	if (data.municipalityCode && known.get(data.municipalityCode)?.kind !== 'municipality') {
		throw new DomainError('error_kolada_unknown_place', { id: data.municipalityCode }, { field: 'municipalityCode' });
	}
	if (data.comparisonGroupId && known.get(data.comparisonGroupId)?.kind !== 'group') {
		throw new DomainError('error_kolada_unknown_place', { id: data.comparisonGroupId }, { field: 'comparisonGroupId' });
	}
	await db.transaction(async (tx) => {
		const [before] = await tx.select({ municipalityCode: tenants.municipalityCode, comparisonGroupId: tenants.comparisonGroupId }).from(tenants).where(eq(tenants.id, ctx.tenantId));
		const after = { municipalityCode: data.municipalityCode || null, comparisonGroupId: data.comparisonGroupId || null };
		await tx.update(tenants).set(after).where(eq(tenants.id, ctx.tenantId));
		await recordAudit(tx, ctx, { action: 'organisation.kolada', entityType: 'tenant', entityId: ctx.tenantId, before, after });
	});
}
