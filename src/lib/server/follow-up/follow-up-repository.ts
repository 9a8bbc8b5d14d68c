import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { followUpRevisions, followUps, indicators, measurements, periods, scaleValues } from '../db/schema';
import { rowsOf } from '../db/rows';
import { isUuid } from '../shared/uuid';

export type FollowUp = typeof followUps.$inferSelect;
export type Measurement = typeof measurements.$inferSelect;

/** Is the person responsible for the item: named, or holding a role title named? */
export async function isResponsible(db: Db, tenantId: string, personId: string | undefined, nodeId: string): Promise<boolean> {
	if (!personId || !isUuid(nodeId)) return false;
	const result = await db.execute(sql`
		select 1 from node_responsibles r
		where r.tenant_id = ${tenantId} and r.node_id = ${nodeId}
			and (r.person_id = ${personId} or r.role_title_id in
				(select h.role_title_id from role_title_holders h where h.tenant_id = ${tenantId} and h.person_id = ${personId}))
		limit 1`);
	return rowsOf(result).length > 0;
}

export interface DueReport {
	nodeId: string;
	planId: string;
	planTitle: string;
	ref: string;
	title: string;
	levelId: string;
	followUp: 'status' | 'assessment';
	deadlineText: string | null;
	periodId: string;
	periodName: string;
	dueOn: string;
}

/**
 * What a person has to report: every item they (or a role title they hold) are responsible for,
 * in every open period of its plan, that has no report yet. Soonest due first.
 */
export async function listDueReports(db: Db, tenantId: string, personId: string): Promise<DueReport[]> {
	const result = await db.execute(sql`
		select n.id as "nodeId", n.plan_id as "planId", pl.title as "planTitle", n.ref, n.title, n.level_id as "levelId",
			l.follow_up as "followUp", n.deadline_text as "deadlineText", p.id as "periodId", p.name as "periodName",
			to_char(p.due_on, 'YYYY-MM-DD') as "dueOn"
		from nodes n
		join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
		join plans pl on pl.tenant_id = n.tenant_id and pl.id = n.plan_id
		join periods p on p.tenant_id = n.tenant_id and p.plan_id = n.plan_id and p.closed_at is null
		where n.tenant_id = ${tenantId} and l.follow_up <> 'none' and pl.state <> 'archived'
			and exists (select 1 from node_responsibles r where r.tenant_id = n.tenant_id and r.node_id = n.id
				and (r.person_id = ${personId} or r.role_title_id in
					(select h.role_title_id from role_title_holders h where h.tenant_id = ${tenantId} and h.person_id = ${personId})))
			and not exists (select 1 from follow_ups f where f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id)
		order by p.due_on, pl.title, n.position`);
	return rowsOf<DueReport>(result);
}

export async function listFollowUps(db: Db, tenantId: string, planId: string, periodId?: string): Promise<FollowUp[]> {
	return db
		.select()
		.from(followUps)
		.where(and(eq(followUps.tenantId, tenantId), eq(followUps.planId, planId), ...(periodId ? [eq(followUps.periodId, periodId)] : [])));
}

/** Every outcome of the plan's indicators, in all its periods (for evaluation against earlier values). */
export async function listMeasurements(db: Db, tenantId: string, planId: string): Promise<Measurement[]> {
	return db
		.select({ measurement: measurements })
		.from(measurements)
		.innerJoin(periods, and(eq(periods.tenantId, measurements.tenantId), eq(periods.id, measurements.periodId)))
		.where(and(eq(measurements.tenantId, tenantId), eq(periods.planId, planId)))
		.then((rows) => rows.map((row) => row.measurement));
}

export async function listIndicatorsOf(db: Db, tenantId: string, nodeIds: string[]) {
	if (!nodeIds.length) return [];
	return db.select().from(indicators).where(and(eq(indicators.tenantId, tenantId), inArray(indicators.nodeId, nodeIds)));
}

export async function listRevisions(db: Db, tenantId: string, followUpIds: string[]) {
	if (!followUpIds.length) return [];
	return db
		.select()
		.from(followUpRevisions)
		.where(and(eq(followUpRevisions.tenantId, tenantId), inArray(followUpRevisions.followUpId, followUpIds)));
}

/** The plan's whole year of follow-up, for export and the API. */
export async function loadFollowUpData(db: Db, tenantId: string, planId: string) {
	const [periodRows, followUpRows, measurementRows, scale] = await Promise.all([
		db.select().from(periods).where(and(eq(periods.tenantId, tenantId), eq(periods.planId, planId))),
		listFollowUps(db, tenantId, planId),
		listMeasurements(db, tenantId, planId),
		db.select().from(scaleValues).where(eq(scaleValues.tenantId, tenantId))
	]);
	return {
		periods: periodRows.sort((a, b) => a.asOf.localeCompare(b.asOf)),
		followUps: followUpRows,
		measurements: measurementRows,
		scale
	};
}
