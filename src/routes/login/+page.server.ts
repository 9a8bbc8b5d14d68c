import { fail, redirect } from '@sveltejs/kit';
import { getDb, isDemoMode } from '$lib/server/app/runtime';
import { listTenants } from '$lib/server/organisation/organisation-repository';
import { signIn, signInRefused } from '$lib/server/identity/sign-in';
import { signInOrganisations } from '$lib/server/identity/sign-in-organisations';
import { SESSION_COOKIE, SESSION_HOURS } from '$lib/server/identity/sessions';
import { countAttempt } from '$lib/server/identity/login-throttle';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import { findIdentityProvider } from '$lib/server/identity/oidc';
import { DEMO_TENANT, DEMO_USERS } from '$lib/server/demo/demo-content';
import { runAction } from '$lib/server/http/run-action';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.ctx) redirect(303, sameOriginPath(url.searchParams.get('redirectTo'), url.origin));
	const { tenants, preferred } = await signInOrganisations(getDb(), url.searchParams.get('org'));
	const provider = preferred ? await findIdentityProvider(getDb(), preferred.id) : undefined;
	return {
		tenants,
		selected: preferred?.slug ?? '',
		redirectTo: sameOriginPath(url.searchParams.get('redirectTo'), url.origin),
		sso: provider ? { label: provider.displayName, slug: preferred!.slug } : null,
		demoUsers: isDemoMode() && preferred?.slug === DEMO_TENANT.slug ? DEMO_USERS.map(({ email, name, role, password }) => ({ email, name, role, password })) : []
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const slug = String(form.get('org') ?? '');
		// Counted before any password is checked; a sign-in that succeeds gives it back.
		const attempt = await countAttempt(getDb(), getClientAddress());
		if (!attempt.allowed) {
			return fail(429, { error: messageFor(new DomainError('error_too_many_attempts'), locals.locale), email });
		}
		const tenant = (await listTenants(getDb())).find((candidate) => candidate.slug === slug);
		const result = await runAction(locals.locale, async () => {
			if (!tenant) throw signInRefused();
			return signIn(getDb(), tenant.id, email, String(form.get('password') ?? ''));
		}, { email });
		if (!('cookie' in result)) return result;
		await attempt.giveBack();
		cookies.set(SESSION_COOKIE, result.cookie, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: SESSION_HOURS * 3600
		});
		redirect(303, sameOriginPath(String(form.get('redirectTo') ?? ''), url.origin));
	}
};
