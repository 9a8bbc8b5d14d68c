import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { UNIT_KINDS, units, type UnitKind } from '../db/schema';
import type { Unit } from './organisation-repository';

export interface UnitFilter {
	kind?: string;
	/** A register school form code (GR, FKLASS, GY …): units that have it. */
	schoolForm?: string;
}

const collator = new Intl.Collator('sv');

/** The organisation's units, filtered by kind and school form, in Swedish name order. */
export async function listUnitsFiltered(db: Db, tenantId: string, filter: UnitFilter = {}): Promise<Unit[]> {
	const conditions: SQL[] = [eq(units.tenantId, tenantId)];
	if (filter.kind && (UNIT_KINDS as readonly string[]).includes(filter.kind)) conditions.push(eq(units.kind, filter.kind as UnitKind));
	if (filter.schoolForm && /^[A-Z]{1,12}$/.test(filter.schoolForm)) conditions.push(sql`${filter.schoolForm} = any(${units.schoolForms})`);
	const rows = await db.select().from(units).where(and(...conditions));
	return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** The school forms the organisation's units have, for a filter's choices. */
export async function listSchoolForms(db: Db, tenantId: string): Promise<string[]> {
	const rows = await db.selectDistinct({ form: sql<string>`unnest(${units.schoolForms})` }).from(units).where(eq(units.tenantId, tenantId));
	return rows.map((row) => row.form).sort();
}
