import type { Cookies } from '@sveltejs/kit';
import { REQUEST_MINUTES } from './saml-request-store';

/** The id of the AuthnRequest this browser started: only an answer to it signs this browser in (login CSRF). */
export const SAML_REQUEST_COOKIE = 'styrkedjan_saml_request';

/**
 * Kept for the organisation's SAML addresses only, as long as a request may be answered. The answer is
 * posted from the IdP's site: over https the cookie must be SameSite=None (and Secure) to come with that
 * post; over plain http (a developer's machine, the IdP on the same host) Lax, which such a post carries.
 */
function options(url: URL, org: string) {
	const https = url.protocol === 'https:';
	return { path: `/auth/saml/${encodeURIComponent(org)}`, httpOnly: true, secure: https, sameSite: https ? ('none' as const) : ('lax' as const), maxAge: REQUEST_MINUTES * 60 };
}

export function rememberSamlRequest(cookies: Cookies, url: URL, org: string, requestId: string) {
	cookies.set(SAML_REQUEST_COOKIE, requestId, options(url, org));
}

/** The request this browser started, and forgotten: an answer is read once. */
export function takeSamlRequest(cookies: Cookies, url: URL, org: string): string | undefined {
	const requestId = cookies.get(SAML_REQUEST_COOKIE);
	if (requestId !== undefined) cookies.delete(SAML_REQUEST_COOKIE, options(url, org));
	return requestId;
}
