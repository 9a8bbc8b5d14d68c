import { and, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { units } from '../db/schema';
import { recordAudits, type AuditEntry } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findUnit } from './organisation-repository';
import { planSchoolUnitImport, registerUnitsInput, type SchoolUnitImportPlan } from './school-unit-changes';
import { SCHOOL_UNIT_IMPORT_LABELS } from './preview-school-unit-import';

const importInput = z.object({ parentId: z.uuid(), units: registerUnitsInput });

/**
 * Brings the register's units into the unit tree in one transaction: new codes come in under the
 * chosen parent (school or preschool unit by their forms); known codes get the register's name,
 * forms and municipality, and are marked closed (closed_on) or open again. Nothing is deleted and
 * a known unit keeps its place and kind. Every change is audited.
 */
export async function importSchoolUnits(db: Db, ctx: Ctx, input: unknown): Promise<SchoolUnitImportPlan> {
	const data = parseInput(importInput, input, SCHOOL_UNIT_IMPORT_LABELS);
	return db.transaction(async (tx) => {
		if (!(await findUnit(tx, ctx.tenantId, data.parentId))) throw notFound();
		const plan = await planSchoolUnitImport(tx, ctx.tenantId, data.units);
		const audits: AuditEntry[] = [];
		const added = plan.rows.filter((row) => row.changes.includes('added'));
		if (added.length) {
			const [{ last }] = await tx.select({ last: max(units.position) }).from(units).where(eq(units.tenantId, ctx.tenantId));
			const created = await tx
				.insert(units)
				.values(
					added.map((row, index) => ({
						tenantId: ctx.tenantId,
						parentId: data.parentId,
						kind: row.kind,
						name: row.name,
						position: (last ?? 0) + 1 + index,
						schoolUnitCode: row.code,
						schoolForms: row.schoolForms,
						municipalityCode: row.municipalityCode,
						closedOn: row.closedOn
					}))
				)
				.returning();
			for (const unit of created) audits.push({ action: 'unit.create', entityType: 'unit', entityId: unit.id, after: unit });
		}
		for (const row of plan.rows) {
			if (!row.unitId || !row.changes.length) continue;
			const after = { name: row.name, schoolForms: row.schoolForms, municipalityCode: row.municipalityCode, closedOn: row.closedOn };
			await tx
				.update(units)
				.set(after)
				.where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, row.unitId)));
			audits.push({ action: 'unit.update', entityType: 'unit', entityId: row.unitId, before: row.before, after });
		}
		await recordAudits(tx, ctx, audits);
		return plan;
	});
}
