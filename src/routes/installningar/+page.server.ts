import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { chosenLocale, rememberLocale } from '$lib/server/http/language-choice';
import { can } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { formFlag } from '$lib/server/http/form';
import { findPreferences } from '$lib/server/reminders/reminder-repository';
import { setReminderPreferences } from '$lib/server/reminders/set-reminder-preferences';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

/** "Mina inställningar": every signed-in person's own language and mail; the weekly digest for those who oversee reporting. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const personId = locals.ctx.actor.personId;
	const preferences = personId ? await findPreferences(getDb(), locals.ctx.tenantId, personId) : undefined;
	if (!preferences) error(404, { message: locals.locale === 'en' ? 'Not found.' : 'Hittades inte.' });
	return {
		preferences,
		offerDigest: can(locals.ctx.actor, 'followup.overview'),
		saved: url.searchParams.has('saved'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/installningar', label: m.settings_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const form = await request.formData();
		const locale = chosenLocale(form);
		const values = {
			locale,
			reminders: formFlag(form, 'reminders'),
			// Offered only to those who oversee reporting; for others it is left as it is.
			...(can(locals.ctx.actor, 'followup.overview') ? { weeklyDigest: formFlag(form, 'weeklyDigest') } : {})
		};
		const result = await runAction(locals.locale, () => setReminderPreferences(getDb(), locals.ctx, values), values);
		if (result) return result;
		// The pages follow the language chosen, as the header's switch does.
		rememberLocale(cookies, locale);
		redirect(303, '/installningar?saved');
	}
};
