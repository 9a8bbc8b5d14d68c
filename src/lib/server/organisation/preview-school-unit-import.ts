import type { Db } from '../db/client';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { z } from 'zod';
import { findUnit } from './organisation-repository';
import { planSchoolUnitImport, registerUnitsInput, type SchoolUnitImportPlan } from './school-unit-changes';

const previewInput = z.object({ parentId: z.uuid(), units: registerUnitsInput });

export const SCHOOL_UNIT_IMPORT_LABELS = {
	parentId: { sv: 'Överordnad enhet', en: 'Parent unit' },
	units: { sv: 'Skolenheter', en: 'School units' }
};

/** What importing these units of the register under `parentId` would add, rename and mark closed; changes nothing. */
export async function previewSchoolUnitImport(db: Db, ctx: Ctx, input: unknown): Promise<SchoolUnitImportPlan & { parentName: string }> {
	const data = parseInput(previewInput, input, SCHOOL_UNIT_IMPORT_LABELS);
	const parent = await findUnit(db, ctx.tenantId, data.parentId);
	if (!parent) throw notFound();
	return { ...(await planSchoolUnitImport(db, ctx.tenantId, data.units)), parentName: parent.name };
}
