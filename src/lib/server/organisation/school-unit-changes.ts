import { and, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { units, type UnitKind } from '../db/schema';
import { REGISTER_LIMITS, type RegisterUnit } from './school-unit-register';

/**
 * What an import of the register's units changes, by school unit code: units to add, rename, mark
 * closed (or open again), or whose school forms or municipality changed. Nothing is ever removed:
 * a unit the register no longer lists is left as it is. Shared by the preview and the import, so
 * the admin applies exactly what was shown.
 */

/** The register has no code for förskola today; a unit whose only form is one of these is a preschool unit. */
export const PRESCHOOL_FORMS = ['FS', 'FORSKOLA'] as const;

export type SchoolUnitChange = 'added' | 'renamed' | 'closed' | 'reopened' | 'updated';

export interface SchoolUnitImportRow {
	code: string;
	name: string;
	/** The unit's name before, when it is renamed. */
	previousName: string | null;
	kind: UnitKind;
	schoolForms: string[];
	municipalityCode: string | null;
	closedOn: string | null;
	/** The unit already here, when there is one, and what it had. */
	unitId: string | null;
	before: { name: string; schoolForms: string[]; municipalityCode: string | null; closedOn: string | null } | null;
	changes: SchoolUnitChange[];
}

export interface SchoolUnitImportPlan {
	rows: SchoolUnitImportRow[];
	counts: Record<SchoolUnitChange | 'unchanged', number>;
}

/** The register's units as the import command takes them again (a preview's hidden field, the CLI). */
export const registerUnitsInput = z
	.array(
		z.object({
			code: z.string().regex(/^\d{8}$/),
			name: z.string().trim().min(1).max(200),
			status: z.string().trim().min(1).max(40),
			schoolForms: z.array(z.string().regex(/^[A-Z]{1,12}$/)).max(20),
			municipalityCode: z.string().regex(/^\d{4}$/).nullable(),
			closedOn: z.iso.date().nullable()
		})
	)
	.min(1)
	.max(REGISTER_LIMITS.units);

export function kindForForms(forms: readonly string[]): UnitKind {
	return forms.length > 0 && forms.every((form) => (PRESCHOOL_FORMS as readonly string[]).includes(form)) ? 'preschool_unit' : 'school_unit';
}

export async function planSchoolUnitImport(db: Db, tenantId: string, incoming: readonly RegisterUnit[]): Promise<SchoolUnitImportPlan> {
	const existing = await db
		.select()
		.from(units)
		.where(and(eq(units.tenantId, tenantId), isNotNull(units.schoolUnitCode)));
	const byCode = new Map(existing.map((unit) => [unit.schoolUnitCode!, unit]));
	const counts: SchoolUnitImportPlan['counts'] = { added: 0, renamed: 0, closed: 0, reopened: 0, updated: 0, unchanged: 0 };
	const rows = incoming.map((unit): SchoolUnitImportRow => {
		const here = byCode.get(unit.code);
		const changes: SchoolUnitChange[] = [];
		if (!here) changes.push('added');
		else {
			if (here.name !== unit.name) changes.push('renamed');
			if (unit.closedOn && !here.closedOn) changes.push('closed');
			if (!unit.closedOn && here.closedOn) changes.push('reopened');
			if (!sameForms(here.schoolForms, unit.schoolForms) || here.municipalityCode !== unit.municipalityCode) changes.push('updated');
		}
		for (const change of changes) counts[change] += 1;
		if (!changes.length) counts.unchanged += 1;
		return {
			code: unit.code,
			name: unit.name,
			previousName: changes.includes('renamed') ? here!.name : null,
			kind: here?.kind ?? kindForForms(unit.schoolForms),
			schoolForms: unit.schoolForms,
			municipalityCode: unit.municipalityCode,
			// A unit closed here before keeps its day; the register's day is taken when it closes now.
			closedOn: unit.closedOn ? (here?.closedOn ?? unit.closedOn) : null,
			unitId: here?.id ?? null,
			before: here ? { name: here.name, schoolForms: here.schoolForms, municipalityCode: here.municipalityCode, closedOn: here.closedOn } : null,
			changes
		};
	});
	return { rows, counts };
}

function sameForms(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
