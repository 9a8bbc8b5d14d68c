import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { tenants } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const setEmailDomainsInput = z.object({ domains: z.string().max(2000).default('') });

/** "Linkoping.se, @skola.linkoping.se" → ["linkoping.se", "skola.linkoping.se"]: lower-case, no "@", each once, sorted. */
export function parseEmailDomains(text: string): string[] {
	return [...new Set(domainWords(text))].sort();
}

const domainWords = (text: string) =>
	text
		.split(/[\s,;]+/)
		.map((word) => word.trim().toLowerCase().replace(/^@/, ''))
		.filter(Boolean);

/**
 * The e-mail domains whose people sign in to this organisation from the shared sign-in page. A
 * domain another organisation also names is allowed: a sign-in from it then asks for the
 * organisation's own sign-in address, so no organisation can take another's sign-ins.
 */
export async function setEmailDomains(db: Db, ctx: Ctx, input: unknown): Promise<string[]> {
	const data = parseInput(setEmailDomainsInput, input, { domains: { sv: 'E-postdomäner', en: 'E-mail domains' } });
	// The first word that is no domain, as the person typed it in order.
	const wrong = domainWords(data.domains).find((domain) => !DOMAIN.test(domain));
	if (wrong) throw new DomainError('error_email_domain_invalid', { value: wrong }, { field: 'domains' });
	const domains = parseEmailDomains(data.domains);
	if (domains.length > 20) throw new DomainError('error_field_invalid', { field: { sv: 'E-postdomäner', en: 'E-mail domains' } }, { field: 'domains' });
	return db.transaction(async (tx) => {
		const [before] = await tx.select({ emailDomains: tenants.emailDomains }).from(tenants).where(eq(tenants.id, ctx.tenantId));
		if (!before) throw notFound();
		await tx.update(tenants).set({ emailDomains: domains }).where(eq(tenants.id, ctx.tenantId));
		await recordAudit(tx, ctx, { action: 'tenant.email_domains', entityType: 'tenant', entityId: ctx.tenantId, before, after: { emailDomains: domains } });
		return domains;
	});
}
