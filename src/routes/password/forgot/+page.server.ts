import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findTenantBySlug } from '$lib/server/organisation/organisation-repository';
import { signInOrganisations } from '$lib/server/identity/sign-in-organisations';
import { requestPasswordReset } from '$lib/server/identity/password-links';
import { countAttempt } from '$lib/server/identity/login-throttle';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { tenants, preferred } = await signInOrganisations(getDb(), url.searchParams.get('org'));
	return { tenants, selected: preferred?.slug ?? '' };
};

export const actions: Actions = {
	default: async ({ request, url, locals, getClientAddress }) => {
		// Every request counts (none is given back): a brake on mailing links to guessed addresses.
		if (!(await countAttempt(getDb(), getClientAddress())).allowed) {
			return fail(429, { error: messageFor(new DomainError('error_too_many_attempts'), locals.locale) });
		}
		const form = await request.formData();
		const tenant = await findTenantBySlug(getDb(), String(form.get('org') ?? ''));
		if (tenant) await requestPasswordReset(getDb(), tenant.id, String(form.get('email') ?? ''), url.origin);
		return { sent: true };
	}
};
