// A page rather than an endpoint, so a refusal shows the ordinary error page in the user's language.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { logger } from '$lib/server/app/logger';
import { startSamlSignIn } from '$lib/server/identity/saml/saml-service-provider';
import { rememberSamlRequest } from '$lib/server/identity/saml/saml-request-cookie';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
import { samlOrganisation } from '../organisation.server';
import type { PageServerLoad } from './$types';

/** Sends the browser to the organisation's IdP with an AuthnRequest (HTTP-Redirect); RelayState is only where to go after, a path here. */
export const load: PageServerLoad = async ({ url, params, locals, cookies }) => {
	const { provider, urls } = await samlOrganisation(params.org, url.origin, locals.locale, true);
	let address: string;
	try {
		const started = await startSamlSignIn(getDb(), provider, urls, sameOriginPath(url.searchParams.get('redirectTo'), url.origin));
		rememberSamlRequest(cookies, url, params.org, started.requestId);
		address = started.address;
	} catch (thrown) {
		logger.error({ err: thrown, entityId: provider.entityId }, 'SAML sign-in could not start');
		error(502, { message: messageFor(new DomainError('error_sso_failed'), locals.locale) });
	}
	redirect(303, address);
};
