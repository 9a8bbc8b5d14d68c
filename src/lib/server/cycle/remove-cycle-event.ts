import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cycleEvents } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../shared/domain-error';
import { findEvent } from './cycle-repository';
import type { Ctx } from '../shared/context';

/** Removes an event from the cycle; periods opened from it stay as they are (no longer tied to it). */
export async function removeCycleEvent(db: Db, ctx: Ctx, eventId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const event = await findEvent(tx, ctx.tenantId, eventId);
		if (!event) throw notFound();
		await tx.delete(cycleEvents).where(and(eq(cycleEvents.tenantId, ctx.tenantId), eq(cycleEvents.id, eventId)));
		await recordAudit(tx, ctx, { action: 'cycle_event.remove', entityType: 'cycle_event', entityId: eventId, before: event });
	});
}
