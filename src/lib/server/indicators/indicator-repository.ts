import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { indicators, nodes } from '../db/schema';
import { notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';

/** An indicator of an item in the given plan; any other id (another plan, another tenant) is not found. */
export async function findIndicatorInPlan(db: Db, tenantId: string, planId: string, indicatorId: string) {
	if (!isUuid(indicatorId)) throw notFound();
	const [row] = await db
		.select({ indicator: indicators })
		.from(indicators)
		.innerJoin(nodes, and(eq(nodes.tenantId, indicators.tenantId), eq(nodes.id, indicators.nodeId)))
		.where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, indicatorId), eq(nodes.planId, planId)));
	if (!row) throw notFound();
	return row.indicator;
}
