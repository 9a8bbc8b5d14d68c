import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { isUuid } from '../shared/uuid';

/** How many of a plan's status items stood at a status in a period; `statusId` null: not reported (or reported without a status). */
export interface StatusCount {
	periodId: string;
	statusId: string | null;
	count: number;
}

/**
 * The status trend of a plan: for every period, its items followed up by status counted by the
 * status of their report in that period, in one aggregated statement. An item has one report per
 * period (its revisions are kept apart), so each item counts once per period; an item without a
 * report counts under null. Periods come in no order (the caller has them in order).
 */
export async function countStatusesByPeriod(db: Db, tenantId: string, planId: string): Promise<StatusCount[]> {
	if (!isUuid(planId)) return [];
	const rows = rowsOf<{ periodId: string; statusId: string | null; count: number | string }>(
		await db.execute(sql`
			select p.id as "periodId", f.status_id as "statusId", count(*) as count
			from periods p
			join nodes n on n.tenant_id = p.tenant_id and n.plan_id = p.plan_id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
			left join follow_ups f on f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id
			where p.tenant_id = ${tenantId} and p.plan_id = ${planId} and l.follow_up = 'status'
			group by p.id, f.status_id`)
	);
	return rows.map((row) => ({ periodId: row.periodId, statusId: row.statusId, count: Number(row.count) }));
}
