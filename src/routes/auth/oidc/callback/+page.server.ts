// A page rather than an endpoint, so a refusal shows the ordinary error page in the user's language.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { logger } from '$lib/server/app/logger';
import { findIdentityProvider, finishOidcSignIn, OIDC_COOKIE, type OidcPending } from '$lib/server/identity/oidc';
import { SESSION_COOKIE, SESSION_HOURS } from '$lib/server/identity/sessions';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies, locals, getClientAddress }) => {
	const refuse = (reason: string, thrown?: unknown): never => {
		logger.warn({ reason, err: thrown, ip: getClientAddress() }, 'OIDC sign-in refused');
		error(400, { message: locals.locale === 'en' ? 'The sign-in could not be completed. Please try again.' : 'Inloggningen kunde inte slutföras. Försök igen.' });
	};
	let pending: OidcPending | undefined;
	try {
		pending = JSON.parse(cookies.get(OIDC_COOKIE) ?? 'null');
	} catch {
		pending = undefined;
	}
	cookies.delete(OIDC_COOKIE, { path: '/auth/oidc' });
	if (!pending?.tenantId || !pending.state) return refuse('no pending sign-in');
	const provider = await findIdentityProvider(getDb(), pending.tenantId);
	if (!provider) return refuse('no provider');
	let cookie: string;
	try {
		cookie = await finishOidcSignIn(getDb(), provider, pending, url);
	} catch (thrown) {
		return refuse('provider response rejected', thrown);
	}
	cookies.set(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: SESSION_HOURS * 3600 });
	// Checked again: the cookie comes back from the browser.
	redirect(303, sameOriginPath(pending.redirectTo, url.origin));
};
