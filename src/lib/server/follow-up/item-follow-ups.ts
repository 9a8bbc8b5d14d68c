import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { followUps } from '../db/schema';
import type { FollowUp } from './follow-up-repository';

/** More items than this and the plan's reports are read whole (a statement's parameters are bounded). */
const MAX_ITEMS = 5000;

/** The reports (every period) of some items of a plan: an item's own and those of the items under it, not the whole plan's. */
export async function listFollowUpsOfItems(db: Db, tenantId: string, planId: string, nodeIds: string[]): Promise<FollowUp[]> {
	const inPlan = and(eq(followUps.tenantId, tenantId), eq(followUps.planId, planId));
	if (nodeIds.length > MAX_ITEMS) return db.select().from(followUps).where(inPlan);
	return db.select().from(followUps).where(and(inPlan, inArray(followUps.nodeId, nodeIds)));
}
