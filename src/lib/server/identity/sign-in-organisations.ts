import type { Db } from '../db/client';
import { listTenants } from '../organisation/organisation-repository';

/** The organisations a sign-in form offers, and the one preselected (?org=, DEFAULT_TENANT, else the first). */
export async function signInOrganisations(db: Db, requested: string | null) {
	const tenants = await listTenants(db);
	const preferred = tenants.find((tenant) => tenant.slug === (requested ?? process.env.DEFAULT_TENANT)) ?? tenants[0];
	return { tenants: tenants.map(({ id, slug, name }) => ({ id, slug, name })), preferred };
}
