import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendarFeeds } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { hashSecret, newSecret } from '../identity/secrets';
import { DomainError } from '../shared/domain-error';
import type { Ctx } from '../shared/context';
import { feedPath } from './calendar-feeds';

/**
 * Makes the signed-in person's calendar feed: a secret address of their deadlines and the annual
 * cycle's events. Only the hash of the secret is kept, so the address is in this answer alone; making
 * a new one revokes the one before (a person has one address in use).
 */
export async function createCalendarFeed(db: Db, ctx: Ctx, origin: string): Promise<{ id: string; url: string }> {
	const personId = ctx.actor.personId;
	if (!personId) throw new DomainError('error_forbidden', {}, { status: 403 });
	const secret = newSecret();
	return db.transaction(async (tx) => {
		const replaced = await tx
			.update(calendarFeeds)
			.set({ revokedAt: new Date() })
			.where(and(eq(calendarFeeds.tenantId, ctx.tenantId), eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)))
			.returning({ id: calendarFeeds.id });
		const [feed] = await tx
			.insert(calendarFeeds)
			.values({ tenantId: ctx.tenantId, personId, tokenHash: hashSecret(secret) })
			.returning({ id: calendarFeeds.id });
		await recordAudit(tx, ctx, { action: 'calendar_feed.create', entityType: 'calendar_feed', entityId: feed.id, after: { personId, replaced: replaced.map((row) => row.id) } });
		return { id: feed.id, url: `${origin}${feedPath(ctx.tenantId, secret)}` };
	});
}
