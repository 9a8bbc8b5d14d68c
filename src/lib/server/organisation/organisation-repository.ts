import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { people, roleTitles, tenants, units, type UnitKind } from '../db/schema';
import { isUuid } from '../shared/uuid';

export type Tenant = typeof tenants.$inferSelect;
/** The organisation a request acts in, as the session carries it. */
export type RequestTenant = Pick<Tenant, 'id' | 'slug' | 'name' | 'createdAt'>;
export type Unit = typeof units.$inferSelect;

export async function findTenant(db: Db, tenantId: string): Promise<Tenant | undefined> {
	if (!isUuid(tenantId)) return undefined;
	const [row] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
	return row;
}

export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
	const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
	return row;
}

export async function listTenants(db: Db): Promise<Tenant[]> {
	return db.select().from(tenants).orderBy(asc(tenants.createdAt));
}

export async function listUnits(db: Db, tenantId: string): Promise<Unit[]> {
	return db.select().from(units).where(eq(units.tenantId, tenantId)).orderBy(asc(units.position));
}

export async function listUnitsOfKind(db: Db, tenantId: string, kind: UnitKind): Promise<Unit[]> {
	return db
		.select()
		.from(units)
		.where(and(eq(units.tenantId, tenantId), eq(units.kind, kind)))
		.orderBy(asc(units.position));
}

export async function findUnit(db: Db, tenantId: string, unitId: string): Promise<Unit | undefined> {
	if (!isUuid(unitId)) return undefined;
	const [row] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
	return row;
}

export async function listRoleTitles(db: Db, tenantId: string) {
	return db.select().from(roleTitles).where(eq(roleTitles.tenantId, tenantId));
}

export async function listPeople(db: Db, tenantId: string) {
	return db.select().from(people).where(eq(people.tenantId, tenantId));
}
