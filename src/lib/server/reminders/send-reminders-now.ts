import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import { DomainError } from '../shared/domain-error';
import type { Ctx } from '../shared/context';
import { ReminderDeliveryError } from './deliver';
import { sendReminders, type ReminderOptions } from './send-reminders';
import { finishJobRun, startJobRun } from '../jobs/job-runs';

/**
 * An administrator's "Skicka påminnelser nu": the scheduled job's run, at once (what was sent before
 * is not sent again), recorded in the audit log with its counts and among the reminder job's runs
 * (Administration → Jobb shows it as the last run). A mail server that does not answer is a refusal
 * naming how many mails wait for the next attempt.
 */
export async function sendRemindersNow(db: Db, ctx: Ctx, options: ReminderOptions = {}): Promise<Record<string, number>> {
	const runId = await startJobRun(db, ctx.tenantId, 'reminders', 1);
	let counts: Record<string, number>;
	let failure: DomainError | undefined;
	try {
		counts = await sendReminders(db, ctx.tenantId, options);
	} catch (thrown) {
		if (!(thrown instanceof ReminderDeliveryError)) {
			await finishJobRun(db, ctx.tenantId, runId, { failure: thrown });
			throw thrown;
		}
		failure = new DomainError('error_reminders_failed', { failed: thrown.failed, reason: thrown.reason.slice(0, 200) }, { status: 503 });
		counts = thrown.counts;
	}
	await finishJobRun(db, ctx.tenantId, runId, failure ? { failure } : { summary: counts });
	await db.transaction((tx) => recordAudit(tx, ctx, { action: 'reminders.send', entityType: 'tenant', entityId: ctx.tenantId, after: counts }));
	if (failure) throw failure;
	return counts;
}
