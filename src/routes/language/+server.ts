import { redirect } from '@sveltejs/kit';
import { chosenLocale, rememberLocale } from '$lib/server/http/language-choice';
import { sameOriginPath } from '$lib/server/identity/redirect-target';
import { getDb } from '$lib/server/app/runtime';
import { setReminderPreferences } from '$lib/server/reminders/set-reminder-preferences';
import type { RequestHandler } from './$types';

/** The language switch: a plain form post, so it works without JavaScript. Signed in, it is also the language mails to the person are written in. */
export const POST: RequestHandler = async ({ request, cookies, url, locals }) => {
	const form = await request.formData();
	const locale = chosenLocale(form);
	if (locals.ctx?.actor.personId) await setReminderPreferences(getDb(), locals.ctx, { locale });
	rememberLocale(cookies, locale);
	const target = String(form.get('redirectTo') ?? '/');
	redirect(303, sameOriginPath(target, url.origin, '/'));
};
