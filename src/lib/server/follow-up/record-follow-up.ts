import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { followUps, people, accounts } from '../db/schema';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { isUuid } from '../shared/uuid';
import { saveReport } from './follow-up-repository';

export const followUpInput = z.object({
	statusId: z.string().optional(),
	assessmentId: z.string().optional(),
	comment: z.string().max(20_000).default(''),
	analysis: z.string().max(50_000).default(''),
	/** The version the form was made from; absent for a first report. */
	version: z.coerce.number().int().optional()
});

const labels = {
	statusId: { sv: 'Status', en: 'Status' },
	assessmentId: { sv: 'Bedömning', en: 'Assessment' },
	comment: { sv: 'Kommentar', en: 'Comment' },
	analysis: { sv: 'Analys', en: 'Analysis' }
};

/**
 * Saves an item's report for a period: status and comment for activity-like levels, assessment and
 * analysis for goal-like ones. Every save is kept as a revision. Two people saving the same report:
 * the second is refused with the first one's text, so nothing is lost.
 */
export async function recordFollowUp(db: Db, ctx: Ctx, planId: string, nodeId: string, periodId: string, input: unknown): Promise<number> {
	const data = parseInput(followUpInput, input, labels);
	const comment = data.comment.replace(/\r\n/g, '\n').trim();
	const analysis = data.analysis.replace(/\r\n/g, '\n').trim();
	// No transaction of its own: one statement reads what the save needs and writes the report, its
	// revision and its audit record only if all of it allows and the report is still at the version the
	// form showed (a first report is made from version 0). Inside a caller's transaction, pass its handle.
	const expected = data.version ?? 0;
	const target = await saveReport(db, ctx, { planId, nodeId, periodId }, { statusId: data.statusId, assessmentId: data.assessmentId, comment, analysis }, expected);
	if (!target) throw notFound();
	if (target.periodClosed) throw new DomainError('error_period_closed', {}, { status: 409 });
	if (!target.followUp) throw notFound();
	if (target.followUp === 'none') throw new DomainError('error_not_followed_up', {}, { status: 409 });
	const isStatus = target.followUp === 'status';
	const chosen = isStatus ? data.statusId : data.assessmentId;
	const field = isStatus ? 'statusId' : 'assessmentId';
	if (!target.choiceValid) throw new DomainError(chosen ? 'error_field_invalid' : 'error_field_required', { field: labels[field] }, { field });
	// A stale edit, or someone else's save landed between the form and the write.
	if (target.saved === undefined) throw await conflictWith(db, ctx.tenantId, nodeId, periodId);
	return target.saved;
}

/** The refusal for a stale edit: whoever saved last, and what they wrote (a vanished report: plainly stale). */
async function conflictWith(tx: Db, tenantId: string, nodeId: string, periodId: string): Promise<DomainError> {
	const [other] = await tx
		.select()
		.from(followUps)
		.where(and(eq(followUps.tenantId, tenantId), eq(followUps.nodeId, nodeId), eq(followUps.periodId, periodId)));
	if (!other) return new DomainError('error_stale_edit', {}, { status: 409 });
	const [who] = isUuid(other.updatedBy)
		? await tx
				.select({ name: people.name })
				.from(accounts)
				.innerJoin(people, and(eq(people.tenantId, accounts.tenantId), eq(people.id, accounts.personId)))
				.where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, other.updatedBy)))
		: [{ name: other.updatedBy }];
	return new DomainError(
		'error_follow_up_conflict',
		{ who: who?.name ?? other.updatedBy, comment: other.comment || other.analysis || '–' },
		{ status: 409 }
	);
}
