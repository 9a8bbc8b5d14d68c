import { getDb } from '$lib/server/app/runtime';
import { authorize } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { previewReminders } from '$lib/server/reminders/reminder-preview';
import { listSentMails } from '$lib/server/reminders/reminder-repository';
import { setReminderDays } from '$lib/server/reminders/set-reminder-days';
import { sendRemindersNow } from '$lib/server/reminders/send-reminders-now';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

/** "Påminnelser": the days before a due date, who would be reminded, the last mails, and sending at once. */
export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'reminders.manage');
	const db = getDb();
	const [preview, mails] = await Promise.all([previewReminders(db, locals.ctx.tenantId), listSentMails(db, locals.ctx.tenantId, 20)]);
	return {
		...preview,
		mails,
		saved: url.searchParams.has('saved'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/reminders', label: m.reminders_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	days: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['days']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'reminders.manage');
				await setReminderDays(getDb(), locals.ctx, values);
			},
			values
		);
		return result ?? { saved: true as const };
	},
	send: async ({ locals }) => {
		return runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'reminders.manage');
			const counts = await sendRemindersNow(getDb(), locals.ctx);
			return { counts: { sent: counts.sent ?? 0, alreadySent: counts.alreadySent ?? 0, optedOut: counts.optedOut ?? 0, skipped: counts.skipped ?? 0 } };
		});
	}
};
