import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findTenantBySlug } from '$lib/server/organisation/organisation-repository';
import { findSamlProvider, type SamlProvider } from '$lib/server/identity/saml/saml-providers';
import { serviceProviderUrls, type ServiceProviderUrls } from '$lib/server/identity/saml/saml-service-provider';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';

/** The organisation named in a SAML address and our addresses for it; 404 when there is none (or, if asked, no SAML provider). */
export async function samlOrganisation(slug: string, origin: string, locale: 'sv' | 'en', needsProvider: true): Promise<{ tenantId: string; urls: ServiceProviderUrls; provider: SamlProvider }>;
export async function samlOrganisation(slug: string, origin: string, locale: 'sv' | 'en', needsProvider: false): Promise<{ tenantId: string; urls: ServiceProviderUrls }>;
export async function samlOrganisation(slug: string, origin: string, locale: 'sv' | 'en', needsProvider: boolean) {
	const tenant = slug.length <= 100 ? await findTenantBySlug(getDb(), slug) : undefined;
	const provider = tenant && needsProvider ? await findSamlProvider(getDb(), tenant.id) : undefined;
	if (!tenant || (needsProvider && !provider)) error(404, { message: messageFor(new DomainError('error_saml_not_set_up'), locale) });
	return { tenantId: tenant.id, urls: serviceProviderUrls(origin, tenant.slug), provider };
}
