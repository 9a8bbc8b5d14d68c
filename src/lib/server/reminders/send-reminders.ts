import type { Db } from '../db/client';
import { sendMail, type Mail } from '../app/mailer';
import { swedishToday } from '../shared/calendar-date';
import { itemName } from '../presenters/item-name';
import { reminderMail } from '../presenters/reminder-mails';
import { listUnreported, type ReminderRow } from './reminder-repository';
import { appOrigin, deliver, type Outgoing } from './deliver';

export interface ReminderOptions {
	/** The moment the run is for (its Swedish date decides what is due); now by default. */
	now?: Date;
	/** How a mail goes; the mailer (SMTP_URL) by default. */
	send?: (mail: Mail) => Promise<void>;
	/** Where links in mails point; ORIGIN by default. */
	origin?: string;
}

/**
 * Reminds the people who must report of what is still unreported in open periods, as of `now`: a
 * "due soon" mail within the organisation's days before a period's due date, an "overdue" mail once
 * the date has passed — each once per person and period (claimed in reminder_mails before it goes).
 * Nobody with reminders off, without an address, or without an enabled account is mailed. Throws
 * a ReminderDeliveryError naming how many mails failed (their claims released for the retry).
 */
export async function sendReminders(db: Db, tenantId: string, options: ReminderOptions = {}): Promise<Record<string, number>> {
	const today = swedishToday(options.now);
	const rows = await listUnreported(db, tenantId, today, { onlyDue: true });
	const counts: Record<string, number> = { sent: 0, alreadySent: 0, optedOut: 0, skipped: 0 };
	const outgoing: Outgoing[] = [];
	const origin = options.origin ?? appOrigin();
	for (const group of byPersonAndPeriod(rows)) {
		const [first] = group;
		if (!first.reminders) counts.optedOut += 1;
		else if (!first.email || !first.active) counts.skipped += 1;
		else {
			const kind = first.dueOn < today ? 'overdue' : 'due_soon';
			const mail = reminderMail({
				to: first.email,
				locale: first.locale,
				personName: first.personName,
				kind,
				periodName: first.periodName,
				planTitle: first.planTitle,
				dueOn: first.dueOn,
				items: group.map((row) => itemName(row, row.level) || row.ref),
				origin
			});
			outgoing.push({ personId: first.personId, kind, subject: first.periodId, mail });
		}
	}
	return deliver(db, tenantId, outgoing, options.send ?? sendMail, counts);
}

/** The rows (ordered by period, then person) as one group per person and period. */
export function byPersonAndPeriod(rows: ReminderRow[]): ReminderRow[][] {
	const groups = new Map<string, ReminderRow[]>();
	for (const row of rows) {
		const key = `${row.periodId}/${row.personId}`;
		const group = groups.get(key);
		if (group) group.push(row);
		else groups.set(key, [row]);
	}
	return [...groups.values()];
}
