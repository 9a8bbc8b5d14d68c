import { and, eq, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { CHAPTER_PLACEMENTS, chapters } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { loadDraftPlan, touchPlan } from './plan-edit';
import { isUuid } from '../shared/uuid';

export const saveChapterInput = z.object({
	title: z.string().trim().min(1).max(300),
	body: z.string().max(200_000).default(''),
	/** Before or after the plan's items; a new chapter goes before them, an edit keeps its place unless told. */
	placement: z.enum(CHAPTER_PLACEMENTS).optional(),
	/** The version the user started from; a newer one in the database means someone else saved first. */
	version: z.coerce.number().int().optional()
});

const labels = { title: { sv: 'Rubrik', en: 'Heading' }, body: { sv: 'Text', en: 'Text' }, placement: { sv: 'Placering', en: 'Placement' } };

/** Adds a free-text chapter (chapterId null) or saves one. */
export async function saveChapter(db: Db, ctx: Ctx, planId: string, chapterId: string | null, input: unknown): Promise<string> {
	const data = parseInput(saveChapterInput, input, labels);
	const body = data.body.replace(/\r\n/g, '\n');
	return db.transaction(async (tx) => {
		await loadDraftPlan(tx, ctx, planId);
		const inPlan = (id: string) => and(eq(chapters.tenantId, ctx.tenantId), eq(chapters.planId, planId), eq(chapters.id, id));
		let id: string;
		if (chapterId) {
			if (!isUuid(chapterId)) throw notFound();
			const [before] = await tx.select().from(chapters).where(inPlan(chapterId));
			if (!before) throw notFound();
			if (data.version !== undefined && data.version !== before.version) {
				throw new DomainError('error_stale_edit', {}, { status: 409 });
			}
			const placement = data.placement ?? before.placement;
			await tx
				.update(chapters)
				.set({ title: data.title, body, placement, version: sql`${chapters.version} + 1`, updatedAt: new Date() })
				.where(inPlan(chapterId));
			await recordAudit(tx, ctx, { action: 'chapter.update', entityType: 'chapter', entityId: chapterId, planId, before, after: { title: data.title, body, placement } });
			id = chapterId;
		} else {
			const [{ last }] = await tx
				.select({ last: max(chapters.position) })
				.from(chapters)
				.where(and(eq(chapters.tenantId, ctx.tenantId), eq(chapters.planId, planId)));
			const [created] = await tx
				.insert(chapters)
				.values({ tenantId: ctx.tenantId, planId, title: data.title, body, placement: data.placement ?? 'before', position: (last ?? -1) + 1 })
				.returning();
			await recordAudit(tx, ctx, { action: 'chapter.create', entityType: 'chapter', entityId: created.id, planId, after: created });
			id = created.id;
		}
		await touchPlan(tx, ctx, planId);
		return id;
	});
}
