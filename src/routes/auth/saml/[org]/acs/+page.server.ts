// The assertion consumer service: the IdP's signed answer arrives here as a form posted from the IdP's
// origin (exempted from the cross-site form check in http/cross-site-forms.ts, and only this address).
// A page with an action rather than an endpoint, so a refusal shows the ordinary error page.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { logger } from '$lib/server/app/logger';
import { SamlRefused, signInWithSaml } from '$lib/server/identity/saml/sign-in-with-saml';
import { takeSamlRequest } from '$lib/server/identity/saml/saml-request-cookie';
import { SESSION_COOKIE, SESSION_HOURS } from '$lib/server/identity/sessions';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import { messageFor } from '$lib/server/presenters/message';
import { isDomainError } from '$lib/server/shared/domain-error';
import { samlOrganisation } from '../organisation.server';
import type { Actions, PageServerLoad } from './$types';

/** Nothing to see without an answer: back to the organisation's sign-in page. */
export const load: PageServerLoad = ({ params }) => redirect(303, `/login/${encodeURIComponent(params.org)}`);

export const actions: Actions = {
	default: async ({ request, url, params, locals, cookies, getClientAddress }) => {
		const { provider, urls } = await samlOrganisation(params.org, url.origin, locals.locale, true);
		const form = await request.formData();
		const samlResponse = form.get('SAMLResponse');
		let cookie: string;
		try {
			cookie = await signInWithSaml(getDb(), provider, urls, typeof samlResponse === 'string' ? samlResponse : '', takeSamlRequest(cookies, url, params.org));
		} catch (thrown) {
			if (!isDomainError(thrown)) throw thrown;
			logger.warn({ reason: thrown instanceof SamlRefused ? thrown.reason : thrown.code, ip: getClientAddress(), entityId: provider.entityId }, 'SAML sign-in refused');
			error(400, { message: messageFor(thrown, locals.locale) });
		}
		cookies.set(SESSION_COOKIE, cookie, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: SESSION_HOURS * 3600 });
		const relayState = form.get('RelayState');
		redirect(303, sameOriginPath(typeof relayState === 'string' ? relayState : '', url.origin));
	}
};
