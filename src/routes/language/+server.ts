import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post, so it works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale') === 'en' ? 'en' : 'sv';
	cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: false });
	const target = String(form.get('redirectTo') ?? '/');
	redirect(303, sameOriginPath(target, url.origin, '/'));
};
