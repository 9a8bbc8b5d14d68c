import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';

export interface LatestStatus {
	nodeId: string;
	/** The status or assessment (a scale value id) of the item's latest report that has one. */
	valueId: string;
	periodName: string;
}

/** Each item's latest report with a status or assessment: that of the latest period (by its "as of" date). */
const latestOfPlan = (tenantId: string, planId: string) => sql`
	select distinct on (f.node_id) f.node_id as "nodeId", coalesce(f.status_id, f.assessment_id) as "valueId", p.name as "periodName"
	from follow_ups f
	join periods p on p.tenant_id = f.tenant_id and p.id = f.period_id
	where f.tenant_id = ${tenantId} and f.plan_id = ${planId} and coalesce(f.status_id, f.assessment_id) is not null
	order by f.node_id, p.as_of desc, p.created_at desc`;

/** Each item's latest status or assessment in a plan: the report of the latest period (by its "as of" date) that gives one. */
export async function listLatestStatuses(db: Db, tenantId: string, planId: string): Promise<LatestStatus[]> {
	return rowsOf<LatestStatus>(await db.execute(latestOfPlan(tenantId, planId)));
}

/** The values (scale value ids) that are some item's latest status or assessment in a plan: a retired one is still offered in the search. */
export async function listLatestValueIds(db: Db, tenantId: string, planId: string): Promise<string[]> {
	const result = await db.execute(sql`select distinct latest."valueId" from (${latestOfPlan(tenantId, planId)}) latest`);
	return rowsOf<{ valueId: string }>(result).map((row) => row.valueId);
}
