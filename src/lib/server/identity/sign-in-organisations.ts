import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { rowsOf } from '../db/rows';

/** What a sign-in form may know of an organisation. No list of organisations ever leaves the server. */
export interface SignInOrganisation {
	id: string;
	slug: string;
	name: string;
}

/** The part of an e-mail address after its last "@", lower-case; empty when there is none. */
export function emailDomain(email: string): string {
	const at = email.lastIndexOf('@');
	return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

/** The organisation at a sign-in address (`/login/<slug>`), if there is one. */
export async function findSignInOrganisation(db: Db, slug: string): Promise<SignInOrganisation | undefined> {
	if (!slug) return undefined;
	const [row] = await db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(eq(tenants.slug, slug));
	return row;
}

/**
 * The organisation a sign-in on the shared address (`/login`) goes to, from the e-mail's domain
 * (`tenants.email_domains`); failing that the server's own default (DEFAULT_TENANT), or its only
 * organisation. Undefined when no single organisation is found: the person is then asked for their
 * organisation's sign-in address, and is told nothing about which organisations exist.
 * One query, whatever the case.
 */
export async function organisationForEmail(db: Db, email: string, fallbackSlug = process.env.DEFAULT_TENANT ?? ''): Promise<SignInOrganisation | undefined> {
	const domain = emailDomain(email);
	const rows = rowsOf<SignInOrganisation & { reason: 'domain' | 'default' | 'only' }>(
		await db.execute(sql`
			(select id, slug, name, 'domain' as reason from tenants where ${domain} <> '' and ${domain} = any(email_domains) limit 2)
			union all
			(select id, slug, name, 'default' as reason from tenants where slug = ${fallbackSlug})
			union all
			(select id, slug, name, 'only' as reason from tenants where (select count(*) from tenants) = 1)`)
	);
	const byDomain = rows.filter((row) => row.reason === 'domain');
	if (byDomain.length > 1) return undefined;
	const found = byDomain[0] ?? rows.find((row) => row.reason === 'default') ?? rows.find((row) => row.reason === 'only');
	return found && { id: found.id, slug: found.slug, name: found.name };
}
