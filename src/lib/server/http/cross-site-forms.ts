import { json, text, type Handle } from '@sveltejs/kit';

/**
 * The cross-site form check SvelteKit makes (csrf.checkOrigin), made here instead so that exactly one
 * address may take a form from another site: a SAML identity provider answers by making the browser
 * post its signed response to our assertion consumer service (`/auth/saml/<organisation>/acs`), from
 * the IdP's own origin — that post carries no session cookie (SameSite=Lax) and is accepted only
 * as a signed answer to a request of ours (see identity/saml/). Every other form post (POST, PUT,
 * PATCH, DELETE with a form content type) whose Origin is not ours is refused 403, as SvelteKit would.
 * svelte.config.js turns SvelteKit's own check off (`trustedOrigins: ['*']`) for this one to stand.
 */
const EXEMPT = /^\/auth\/saml\/[^/]+\/acs$/;
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isForbiddenCrossSiteForm(request: Request, url: URL): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();
	if (!WRITES.has(request.method) || !FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !(request.method === 'POST' && EXEMPT.test(url.pathname));
}

export const crossSiteForms: Handle = ({ event, resolve }) => {
	if (!isForbiddenCrossSiteForm(event.request, event.url)) return resolve(event);
	const message = `Cross-site ${event.request.method} form submissions are forbidden`;
	return event.request.headers.get('accept') === 'application/json' ? json({ message }, { status: 403 }) : text(message, { status: 403 });
};
