import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { findTenantBySlug, listTenants, type Tenant } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';

/**
 * Which organisation a request works in, and as whom. Until sign-in exists (the identity issue),
 * the server serves one organisation — DEFAULT_TENANT, or the first one created — to a local
 * administrator. Everything downstream already takes its tenant and actor from here alone.
 */
export async function resolveRequestContext(db: Db, _cookies: Cookies): Promise<{ ctx: Ctx; tenant: Tenant } | undefined> {
	const slug = process.env.DEFAULT_TENANT;
	const tenant = slug ? await findTenantBySlug(db, slug) : (await listTenants(db))[0];
	if (!tenant) return undefined;
	return { tenant, ctx: { tenantId: tenant.id, actor: { id: 'local-admin', roles: ['admin'] } } };
}
