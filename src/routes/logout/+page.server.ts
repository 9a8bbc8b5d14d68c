import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { endSession, SESSION_COOKIE } from '$lib/server/identity/sessions';
import type { Actions } from './$types';

export const load = () => redirect(303, '/login');

export const actions: Actions = {
	default: async ({ cookies }) => {
		await endSession(getDb(), cookies.get(SESSION_COOKIE));
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/login');
	}
};
