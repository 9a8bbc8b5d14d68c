import { generateServiceProviderMetadata, SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import type { Db } from '../../db/client';
import { certificatePem } from './parse-idp-metadata';
import { REQUEST_MINUTES, samlRequestStore } from './saml-request-store';
import type { SamlProvider } from './saml-providers';

/** Clocks of IdP and SP may differ this much (assertions live minutes; a small allowance only). */
export const CLOCK_SKEW_MS = 60_000;

/** Styrkedjan's own addresses as a SAML service provider for one organisation. */
export interface ServiceProviderUrls {
	/** The SP's entity id: its metadata address. Assertions must name it as their audience. */
	entityId: string;
	/** The assertion consumer service (HTTP-POST). */
	acs: string;
	metadata: string;
}

export function serviceProviderUrls(origin: string, slug: string): ServiceProviderUrls {
	const base = `${origin}/auth/saml/${encodeURIComponent(slug)}`;
	return { entityId: `${base}/metadata`, acs: `${base}/acs`, metadata: `${base}/metadata` };
}

/** Styrkedjan's SP metadata for an organisation, to give its IdP (node-saml writes it). */
export function serviceProviderMetadata(urls: ServiceProviderUrls): string {
	return generateServiceProviderMetadata({ issuer: urls.entityId, callbackUrl: urls.acs, wantAssertionsSigned: true, identifierFormat: null });
}

/**
 * node-saml configured for one organisation's IdP: the AuthnRequest goes by redirect; an answer must
 * carry an assertion signed by one of the IdP's certificates (the whole response may be signed too),
 * name our entity id as audience, be within its validity (a minute's skew) and answer a request
 * of ours from the last ten minutes (InResponseTo, kept in the database).
 */
export function serviceProvider(db: Db, provider: SamlProvider, urls: ServiceProviderUrls, store: CacheProvider = samlRequestStore(db, provider.tenantId)): SAML {
	return new SAML({
		issuer: urls.entityId,
		callbackUrl: urls.acs,
		audience: urls.entityId,
		entryPoint: provider.ssoUrl,
		idpCert: provider.certificates.map(certificatePem),
		idpIssuer: provider.entityId,
		wantAssertionsSigned: true,
		wantAuthnResponseSigned: false,
		acceptedClockSkewMs: CLOCK_SKEW_MS,
		validateInResponseTo: ValidateInResponseTo.always,
		requestIdExpirationPeriodMs: REQUEST_MINUTES * 60_000,
		cacheProvider: store,
		identifierFormat: null,
		disableRequestedAuthnContext: true,
		authnRequestBinding: 'HTTP-Redirect',
		signatureAlgorithm: 'sha256'
	});
}

/**
 * The address to send the browser to: the IdP's sign-in with our AuthnRequest, RelayState = where to go
 * after (a path here); and the request's id, which the browser keeps (a cookie) so that only an answer
 * to its own request signs it in (samlRequestStore's `startedHere`).
 */
export async function startSamlSignIn(db: Db, provider: SamlProvider, urls: ServiceProviderUrls, redirectTo: string): Promise<{ address: string; requestId: string }> {
	const store = samlRequestStore(db, provider.tenantId);
	let requestId = '';
	const address = await serviceProvider(db, provider, urls, {
		...store,
		saveAsync: (key, value) => {
			requestId = key;
			return store.saveAsync(key, value);
		}
	}).getAuthorizeUrlAsync(redirectTo, undefined, {});
	if (!requestId) throw new Error('node-saml saved no request id');
	return { address, requestId };
}
