import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { followUpRevisions, followUps, levels, nodes, people, accounts } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { isUuid } from '../shared/uuid';
import { findPeriod } from './period-repository';
import { listScale } from './scales';

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
	return db.transaction(async (tx) => {
		const period = await findPeriod(tx, ctx.tenantId, planId, periodId);
		if (!period) throw notFound();
		if (period.closedAt) throw new DomainError('error_period_closed', {}, { status: 409 });
		if (!isUuid(nodeId)) throw notFound();
		const [row] = await tx
			.select({ node: nodes, followUp: levels.followUp })
			.from(nodes)
			.innerJoin(levels, and(eq(levels.tenantId, nodes.tenantId), eq(levels.id, nodes.levelId)))
			.where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.planId, planId), eq(nodes.id, nodeId)));
		if (!row) throw notFound();
		if (row.followUp === 'none') throw new DomainError('error_not_followed_up', {}, { status: 409 });

		const scale = await listScale(tx, ctx.tenantId, row.followUp);
		const chosen = row.followUp === 'status' ? data.statusId : data.assessmentId;
		const field = row.followUp === 'status' ? 'statusId' : 'assessmentId';
		const value = scale.find((candidate) => candidate.id === chosen && !candidate.retired);
		if (!value) throw new DomainError(chosen ? 'error_field_invalid' : 'error_field_required', { field: labels[field] }, { field });
		const values = {
			statusId: row.followUp === 'status' ? value.id : null,
			assessmentId: row.followUp === 'assessment' ? value.id : null,
			comment,
			analysis: row.followUp === 'assessment' ? analysis : ''
		};

		const key = and(eq(followUps.tenantId, ctx.tenantId), eq(followUps.nodeId, nodeId), eq(followUps.periodId, periodId));
		const [existing] = await tx.select().from(followUps).where(key);
		let id: string;
		let version: number;
		if (existing) {
			if (data.version !== existing.version) throw await conflict(tx, ctx.tenantId, existing);
			version = existing.version + 1;
			await tx
				.update(followUps)
				.set({ ...values, version: sql`${followUps.version} + 1`, updatedBy: ctx.actor.id, updatedAt: new Date() })
				.where(key);
			id = existing.id;
		} else {
			if (data.version !== undefined && data.version !== 0) throw new DomainError('error_stale_edit', {}, { status: 409 });
			const inserted = await tx
				.insert(followUps)
				.values({ tenantId: ctx.tenantId, planId, nodeId, periodId, ...values, updatedBy: ctx.actor.id })
				.onConflictDoNothing()
				.returning();
			// Someone else's first report landed between our read and our write.
			if (!inserted.length) throw await conflict(tx, ctx.tenantId, (await tx.select().from(followUps).where(key))[0]);
			id = inserted[0].id;
			version = 1;
		}
		await tx.insert(followUpRevisions).values({ tenantId: ctx.tenantId, followUpId: id, version, ...values, changedBy: ctx.actor.id });
		await recordAudit(tx, ctx, {
			action: 'follow_up.save',
			entityType: 'node',
			entityId: nodeId,
			planId,
			before: existing ? { statusId: existing.statusId, assessmentId: existing.assessmentId, comment: existing.comment, analysis: existing.analysis } : undefined,
			after: { periodId, ...values }
		});
		return version;
	});
}

async function conflict(tx: Db, tenantId: string, other: typeof followUps.$inferSelect): Promise<DomainError> {
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
