import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import { DomainError } from '../shared/domain-error';
import type { Ctx } from '../shared/context';
import { ReminderDeliveryError } from './deliver';
import { sendReminders, type ReminderOptions } from './send-reminders';

/**
 * An administrator's "Skicka påminnelser nu": the scheduled job's run, at once (what was sent before
 * is not sent again), recorded in the audit log with its counts. A mail server that does not answer
 * is a refusal naming how many mails wait for the next attempt.
 */
export async function sendRemindersNow(db: Db, ctx: Ctx, options: ReminderOptions = {}): Promise<Record<string, number>> {
	let counts: Record<string, number>;
	let failure: ReminderDeliveryError | undefined;
	try {
		counts = await sendReminders(db, ctx.tenantId, options);
	} catch (thrown) {
		if (!(thrown instanceof ReminderDeliveryError)) throw thrown;
		failure = thrown;
		counts = thrown.counts;
	}
	await db.transaction((tx) => recordAudit(tx, ctx, { action: 'reminders.send', entityType: 'tenant', entityId: ctx.tenantId, after: counts }));
	if (failure) throw new DomainError('error_reminders_failed', { failed: failure.failed, reason: failure.reason.slice(0, 200) }, { status: 503 });
	return counts;
}
