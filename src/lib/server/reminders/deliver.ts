import type { Db } from '../db/client';
import type { ReminderKind } from '../db/schema';
import type { Mail } from '../app/mailer';
import { logger } from '../app/logger';
import { claimMail, markMailSent, releaseMail } from './reminder-repository';

/** One mail a run means to send, keyed as it is claimed: person, kind and subject (a period's id or an ISO week). */
export interface Outgoing {
	personId: string;
	kind: ReminderKind;
	subject: string;
	mail: Mail;
}

/** After this many failures in a row the mail server is taken to be down: the rest wait for the next run. */
const FAILURES_IN_A_ROW = 3;

/**
 * Mail that could not be sent: the claims were released, so a retry (the job runner's back-off, or the
 * administrator's button) sends them. The message is for the administrator: how many, and why.
 */
export class ReminderDeliveryError extends Error {
	constructor(
		readonly counts: Record<string, number>,
		readonly failed: number,
		readonly reason: string
	) {
		super(`${failed} reminder mail(s) could not be sent and will be retried (${reason})`);
		this.name = 'ReminderDeliveryError';
	}
}

/**
 * Claims each mail (a row in reminder_mails, in its own statement) before sending it, marks it sent
 * after, and releases the claim when sending fails so a later run sends it. A mail claimed already
 * (sent before, or being sent by another run) is counted and left. Failures do not stop the others
 * unless the server fails several times in a row; at the end any failure is thrown.
 */
export async function deliver(
	db: Db,
	tenantId: string,
	outgoing: Outgoing[],
	send: (mail: Mail) => Promise<void>,
	counts: Record<string, number>
): Promise<Record<string, number>> {
	counts.sent ??= 0;
	counts.alreadySent ??= 0;
	let failed = 0;
	let inARow = 0;
	let reason = '';
	for (const [index, item] of outgoing.entries()) {
		if (inARow >= FAILURES_IN_A_ROW) {
			failed += outgoing.length - index;
			break;
		}
		if (!(await claimMail(db, tenantId, item.personId, item.kind, item.subject))) {
			counts.alreadySent += 1;
			continue;
		}
		try {
			await send(item.mail);
		} catch (thrown) {
			failed += 1;
			inARow += 1;
			reason = thrown instanceof Error ? thrown.message : String(thrown);
			logger.warn({ err: thrown, tenantId, kind: item.kind }, 'Reminder mail not sent');
			await releaseMail(db, tenantId, item.personId, item.kind, item.subject);
			continue;
		}
		inARow = 0;
		await markMailSent(db, tenantId, item.personId, item.kind, item.subject);
		counts.sent += 1;
	}
	if (failed) throw new ReminderDeliveryError({ ...counts, failed }, failed, reason);
	return counts;
}

/** The public address links in mails start from (`ORIGIN`, as the server's own start sets it). */
export function appOrigin(): string {
	return (process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}

