import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findSignInOrganisation, organisationForEmail } from '$lib/server/identity/sign-in-organisations';
import { requestPasswordReset } from '$lib/server/identity/password-links';
import { countAttempt } from '$lib/server/identity/login-throttle';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
import type { Actions, PageServerLoad } from './$types';

// The organisation comes from its sign-in address (?org=, set by the link on /login/<organisation>)
// or from the e-mail's domain, as on the sign-in page: no list of organisations is shown.
export const load: PageServerLoad = async ({ url }) => ({ org: url.searchParams.get('org') ?? '' });

export const actions: Actions = {
	default: async ({ request, url, locals, getClientAddress }) => {
		// Every request counts (none is given back): a brake on mailing links to guessed addresses.
		if (!(await countAttempt(getDb(), getClientAddress())).allowed) {
			return fail(429, { error: messageFor(new DomainError('error_too_many_attempts'), locals.locale) });
		}
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const slug = String(form.get('org') ?? '');
		const tenant = slug ? await findSignInOrganisation(getDb(), slug) : await organisationForEmail(getDb(), email);
		if (!slug && !tenant) {
			return fail(400, { error: messageFor(new DomainError('error_sign_in_organisation_unknown', { address: `${url.origin}/login/…` }), locals.locale) });
		}
		if (tenant) await requestPasswordReset(getDb(), tenant.id, email, url.origin);
		return { sent: true };
	}
};
