import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { chapters } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { listChapters } from './plan-repository';

/** Moves a chapter one step up or down among the chapters printed on its side of the items. */
export async function moveChapter(db: Db, ctx: Ctx, planId: string, chapterId: string, direction: 'up' | 'down'): Promise<void> {
	await db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		const all = await listChapters(tx, ctx.tenantId, planId);
		const chapter = all.find((candidate) => candidate.id === chapterId);
		if (!chapter) throw notFound();
		// Among the chapters on the same side of the items; the side itself is chosen on the chapter's form.
		const list = all.filter((candidate) => candidate.placement === chapter.placement);
		const index = list.indexOf(chapter);
		const other = list[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		for (const [id, position] of [
			[chapterId, other.position],
			[other.id, list[index].position]
		] as const) {
			await tx.update(chapters).set({ position }).where(and(eq(chapters.tenantId, ctx.tenantId), eq(chapters.id, id)));
		}
		await touchPlan(tx, ctx, planId);
		await recordAudit(tx, ctx, { action: 'chapter.move', entityType: 'chapter', entityId: chapterId, planId, after: { direction } });
	});
}
