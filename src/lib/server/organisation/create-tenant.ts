import { z } from 'zod';
import type { Db } from '../db/client';
import { tenants, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { systemContext } from '../shared/context';
import { ensureScales } from '../follow-up/scales';
import { findTenantBySlug, type Tenant } from './organisation-repository';

export const createTenantInput = z.object({
	slug: z
		.string()
		.trim()
		.regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
	name: z.string().trim().min(1).max(200)
});

/** A new organisation with its top unit (the municipality or school group itself). */
export async function createTenant(db: Db, actorId: string, input: unknown): Promise<Tenant> {
	const data = parseInput(createTenantInput, input, { slug: { sv: 'Kortnamn', en: 'Slug' }, name: { sv: 'Namn', en: 'Name' } });
	if (await findTenantBySlug(db, data.slug)) {
		throw new DomainError('error_tenant_slug_taken', { slug: data.slug }, { field: 'slug', status: 409 });
	}
	return db.transaction(async (tx) => {
		const [tenant] = await tx.insert(tenants).values(data).returning();
		const ctx = systemContext(tenant.id, actorId);
		const [top] = await tx
			.insert(units)
			.values({ tenantId: tenant.id, kind: 'municipality', name: data.name, position: 0 })
			.returning();
		await ensureScales(tx, tenant.id);
		await recordAudit(tx, ctx, { action: 'tenant.create', entityType: 'tenant', entityId: tenant.id, after: tenant });
		await recordAudit(tx, ctx, { action: 'unit.create', entityType: 'unit', entityId: top.id, after: top });
		return tenant;
	});
}
