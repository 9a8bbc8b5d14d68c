import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { resetPassword } from '$lib/server/identity/password-links';
import { runAction } from '$lib/server/http/run-action';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const password = String(form.get('password') ?? '');
		if (password !== String(form.get('confirm') ?? '')) {
			return fail(400, { error: messageFor(new DomainError('error_passwords_differ'), locals.locale), field: 'confirm' });
		}
		const result = await runAction(locals.locale, () => resetPassword(getDb(), String(form.get('token') ?? ''), password));
		if (result) return result;
		redirect(303, '/login?reset=1');
	}
};
