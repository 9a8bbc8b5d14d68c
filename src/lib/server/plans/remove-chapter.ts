import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { chapters } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { isUuid } from '../shared/uuid';

export async function removeChapter(db: Db, ctx: Ctx, planId: string, chapterId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		if (!isUuid(chapterId)) throw notFound();
		const inPlan = and(eq(chapters.tenantId, ctx.tenantId), eq(chapters.planId, planId));
		const [before] = await tx.select().from(chapters).where(and(inPlan, eq(chapters.id, chapterId)));
		if (!before) throw notFound();
		await tx.delete(chapters).where(and(inPlan, eq(chapters.id, chapterId)));
		await tx
			.update(chapters)
			.set({ position: sql`${chapters.position} - 1` })
			.where(and(inPlan, sql`${chapters.position} > ${before.position}`));
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'chapter.delete', entityType: 'chapter', entityId: chapterId, planId, before });
	});
}
