import { m } from '../../paraglide/messages.js';
import type { Mail } from '../app/mailer';

/**
 * The reminder and digest mails: plain text in the person's language, with a direct link to where
 * the work is done and one to turn the mails off. Names people typed are printed as written.
 */

type Locale = 'sv' | 'en';

export interface ReminderMailInput {
	to: string;
	locale: Locale;
	personName: string;
	kind: 'due_soon' | 'overdue';
	periodName: string;
	planTitle: string;
	dueOn: string;
	/** The items still to report, by name. */
	items: string[];
	origin: string;
}

export function reminderMail(input: ReminderMailInput): Mail {
	const { locale, periodName: period, planTitle: plan, dueOn: due, origin } = input;
	const subject = input.kind === 'due_soon' ? m.reminder_mail_due_soon_subject({ period, due }, { locale }) : m.reminder_mail_overdue_subject({ period, due }, { locale });
	const intro =
		input.kind === 'due_soon'
			? m.reminder_mail_due_soon_intro({ count: input.items.length, period, plan, due }, { locale })
			: m.reminder_mail_overdue_intro({ count: input.items.length, period, plan, due }, { locale });
	const text = [
		m.reminder_mail_greeting({ name: input.personName }, { locale }),
		'',
		intro,
		'',
		...input.items.map((item) => `- ${plan} › ${item}`),
		'',
		m.reminder_mail_link({}, { locale }),
		`${origin}/att-rapportera`,
		'',
		m.reminder_mail_opt_out({}, { locale }),
		`${origin}/installningar`,
		''
	].join('\n');
	return { to: input.to, subject: oneLine(subject), text };
}

export interface DigestUnit {
	unitName: string;
	periods: { planTitle: string; periodName: string; dueOn: string; pastDue: boolean; reported: number; total: number }[];
}

export function digestMail(input: { to: string; locale: Locale; personName: string; week: string; units: DigestUnit[]; origin: string }): Mail {
	const { locale, origin } = input;
	const week = String(Number(input.week.slice(-2)));
	const lines = input.units.flatMap((unit) => [
		unit.unitName,
		...unit.periods.map((period) => {
			const line = m.digest_mail_period_line(
				{ plan: period.planTitle, period: period.periodName, due: period.dueOn, reported: period.reported, total: period.total, missing: period.total - period.reported },
				{ locale }
			);
			return `  - ${line}${period.pastDue && period.reported < period.total ? ` (${m.digest_mail_past_due({}, { locale })})` : ''}`;
		}),
		''
	]);
	const text = [
		m.reminder_mail_greeting({ name: input.personName }, { locale }),
		'',
		m.digest_mail_intro({}, { locale }),
		'',
		...lines,
		m.digest_mail_link({}, { locale }),
		`${origin}/`,
		'',
		m.digest_mail_opt_out({}, { locale }),
		`${origin}/installningar`,
		''
	].join('\n');
	return { to: input.to, subject: oneLine(m.digest_mail_subject({ week }, { locale })), text };
}

/** A subject line never carries a line break from a name someone typed. */
function oneLine(text: string): string {
	return text.replace(/[\r\n]+/g, ' ');
}
