import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { periods } from '../db/schema';
import { isUuid } from '../shared/uuid';

export type Period = typeof periods.$inferSelect;

export async function listPeriods(db: Db, tenantId: string, planId: string): Promise<Period[]> {
	return db
		.select()
		.from(periods)
		.where(and(eq(periods.tenantId, tenantId), eq(periods.planId, planId)))
		.orderBy(asc(periods.asOf), asc(periods.createdAt));
}

export async function findPeriod(db: Db, tenantId: string, planId: string, periodId: string): Promise<Period | undefined> {
	if (!isUuid(periodId)) return undefined;
	const [row] = await db.select().from(periods).where(and(eq(periods.tenantId, tenantId), eq(periods.planId, planId), eq(periods.id, periodId)));
	return row;
}
