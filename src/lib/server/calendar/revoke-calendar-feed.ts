import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarFeeds } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';
import type { Ctx } from '../shared/context';

/** Turns a calendar feed's address off: from now on it answers 404, like an address that never existed. */
export async function revokeCalendarFeed(db: Db, ctx: Ctx, feedId: string): Promise<void> {
	if (!isUuid(feedId)) throw notFound();
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(calendarFeeds)
			.set({ revokedAt: new Date() })
			.where(and(eq(calendarFeeds.tenantId, ctx.tenantId), eq(calendarFeeds.id, feedId), isNull(calendarFeeds.revokedAt)))
			.returning({ personId: calendarFeeds.personId });
		if (!row) throw notFound();
		await recordAudit(tx, ctx, { action: 'calendar_feed.revoke', entityType: 'calendar_feed', entityId: feedId, before: { personId: row.personId } });
	});
}
