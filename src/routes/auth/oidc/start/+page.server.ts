// A page rather than an endpoint, so a refusal shows the ordinary error page in the user's language.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findTenantBySlug } from '$lib/server/organisation/organisation-repository';
import { findIdentityProvider, OIDC_COOKIE, startOidcSignIn } from '$lib/server/identity/oidc';
import { logger } from '$lib/server/app/logger';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const tenant = await findTenantBySlug(getDb(), url.searchParams.get('org') ?? '');
	const provider = tenant && (await findIdentityProvider(getDb(), tenant.id));
	if (!provider) error(404, { message: locals.locale === 'en' ? 'Single sign-on is not set up.' : 'Inloggning med organisationens konto är inte inställd.' });
	let started;
	try {
		started = await startOidcSignIn(provider, `${url.origin}/auth/oidc/callback`, sameOriginPath(url.searchParams.get('redirectTo'), url.origin));
	} catch (thrown) {
		logger.error({ err: thrown, issuer: provider.issuer }, 'OIDC discovery failed');
		error(502, { message: locals.locale === 'en' ? 'The identity provider did not answer.' : 'Organisationens inloggningstjänst svarar inte.' });
	}
	cookies.set(OIDC_COOKIE, JSON.stringify(started.pending), { path: '/auth/oidc', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 600 });
	redirect(303, started.url.toString());
};
