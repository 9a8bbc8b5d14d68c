import { fail, redirect } from '@sveltejs/kit';
import { getDb, isDemoMode } from '$lib/server/app/runtime';
import { listTenants } from '$lib/server/organisation/organisation-repository';
import { signIn } from '$lib/server/identity/sign-in';
import { signInOrganisations } from '$lib/server/identity/sign-in-organisations';
import { SESSION_COOKIE, SESSION_HOURS } from '$lib/server/identity/sessions';
import { countAttempt, isThrottled } from '$lib/server/identity/login-throttle';
import { findIdentityProvider } from '$lib/server/identity/oidc';
import { DEMO_TENANT, DEMO_USERS } from '$lib/server/demo/demo-content';
import { runAction } from '$lib/server/http/run-action';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
import type { Actions, PageServerLoad } from './$types';

const safeTarget = (target: string | null) => (target && target.startsWith('/') && !target.startsWith('//') ? target : '/plans');

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.ctx) redirect(303, safeTarget(url.searchParams.get('redirectTo')));
	const { tenants, preferred } = await signInOrganisations(getDb(), url.searchParams.get('org'));
	const provider = preferred ? await findIdentityProvider(getDb(), preferred.id) : undefined;
	return {
		tenants,
		selected: preferred?.slug ?? '',
		redirectTo: safeTarget(url.searchParams.get('redirectTo')),
		sso: provider ? { label: provider.displayName, slug: preferred!.slug } : null,
		demoUsers: isDemoMode() && preferred?.slug === DEMO_TENANT.slug ? DEMO_USERS.map(({ email, name, role, password }) => ({ email, name, role, password })) : []
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const slug = String(form.get('org') ?? '');
		const address = getClientAddress();
		if (isThrottled(address)) {
			return fail(429, { error: messageFor(new DomainError('error_too_many_attempts'), locals.locale), email });
		}
		const tenant = (await listTenants(getDb())).find((candidate) => candidate.slug === slug);
		const result = await runAction(locals.locale, async () => {
			if (!tenant) throw new DomainError('error_sign_in_failed');
			return signIn(getDb(), tenant.id, email, String(form.get('password') ?? ''));
		}, { email });
		if (!('cookie' in result)) {
			countAttempt(address);
			return result;
		}
		cookies.set(SESSION_COOKIE, result.cookie, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: SESSION_HOURS * 3600
		});
		redirect(303, safeTarget(String(form.get('redirectTo') ?? '')));
	}
};
