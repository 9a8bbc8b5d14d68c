import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodes } from '../db/schema';

/** How many items a plan has (adopting an empty plan asks first). */
export async function countNodes(db: Db, tenantId: string, planId: string): Promise<number> {
	const [row] = await db.select({ count: count() }).from(nodes).where(and(eq(nodes.tenantId, tenantId), eq(nodes.planId, planId)));
	return row.count;
}
