import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { DomainError, notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';
import type { Ctx } from '../shared/context';

/** A unit as Kolada knows it (from the catalogue's places). */
export interface Candidate {
	id: string;
	title: string;
}

/** Letters and digits only, lower case, dashes and spaces alike: "Lindskolan F–6" ~ "Lindskolan F-6". */
const comparable = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Suggests the Kolada unit of each school unit: Kolada's unit ids for schools carry the school unit
 * code ("V15E" + code…), so a unit whose id contains the code is the match; otherwise the same name
 * in the same municipality. A suggestion is not a confirmation: a person confirms or corrects it.
 */
export function suggestMatch(unit: { name: string; schoolUnitCode: string | null }, candidates: readonly Candidate[]): Candidate | undefined {
	if (unit.schoolUnitCode) {
		const byCode = candidates.find((candidate) => candidate.id.includes(unit.schoolUnitCode!));
		if (byCode) return byCode;
	}
	const name = comparable(unit.name);
	const byName = candidates.filter((candidate) => comparable(candidate.title) === name);
	return byName.length === 1 ? byName[0] : undefined;
}

/** The organisation's school and preschool units with their Kolada match, confirmed or suggested. */
export async function listUnitMatches(db: Db, tenantId: string, candidates: readonly Candidate[]) {
	const rows = await db
		.select({ id: units.id, name: units.name, kind: units.kind, schoolUnitCode: units.schoolUnitCode, koladaOuId: units.koladaOuId, confirmed: units.koladaOuConfirmed })
		.from(units)
		.where(and(eq(units.tenantId, tenantId), or(isNotNull(units.schoolUnitCode), eq(units.kind, 'school_unit'), eq(units.kind, 'preschool_unit'))));
	const collator = new Intl.Collator('sv');
	return rows
		.sort((a, b) => collator.compare(a.name, b.name))
		.map((row) => ({ ...row, suggestion: row.confirmed ? undefined : suggestMatch(row, candidates) }));
}

/**
 * Confirms (or corrects, or clears with an empty id) the Kolada unit of each unit given: one
 * transaction, one audit record per unit changed. A Kolada id not among the municipality's units is refused.
 */
export async function confirmUnitMatches(db: Db, ctx: Ctx, choices: { unitId: string; koladaOuId: string }[], candidates: readonly Candidate[]): Promise<number> {
	const known = new Set(candidates.map((candidate) => candidate.id));
	for (const choice of choices) {
		if (!isUuid(choice.unitId)) throw notFound();
		if (choice.koladaOuId && !known.has(choice.koladaOuId)) throw new DomainError('error_kolada_unknown_place', { id: choice.koladaOuId }, { field: `ou-${choice.unitId}` });
	}
	return db.transaction(async (tx) => {
		let changed = 0;
		for (const choice of choices) {
			const key = and(eq(units.tenantId, ctx.tenantId), eq(units.id, choice.unitId));
			const [before] = await tx.select({ koladaOuId: units.koladaOuId, confirmed: units.koladaOuConfirmed }).from(units).where(key);
			if (!before) throw notFound();
			const after = { koladaOuId: choice.koladaOuId || null, confirmed: Boolean(choice.koladaOuId) };
			if (before.koladaOuId === after.koladaOuId && before.confirmed === after.confirmed) continue;
			await tx.update(units).set({ koladaOuId: after.koladaOuId, koladaOuConfirmed: after.confirmed }).where(key);
			await recordAudit(tx, ctx, { action: 'unit.kolada', entityType: 'unit', entityId: choice.unitId, before, after });
			changed++;
		}
		return changed;
	});
}
