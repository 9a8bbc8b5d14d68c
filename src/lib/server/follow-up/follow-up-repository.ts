import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { executePrepared, type Db } from '../db/client';
import { followUpRevisions, followUps, indicators, measurements, periods, plans, scaleValues } from '../db/schema';
import type { Plan } from '../plans/plan-repository';
import { rowsOf } from '../db/rows';
import { isUuid } from '../shared/uuid';
import type { NamingLevel } from '../presenters/item-name';
import type { Ctx } from '../shared/context';

export type FollowUp = typeof followUps.$inferSelect;
export type Measurement = typeof measurements.$inferSelect;

/** Is the person responsible for the item: named, or holding a role title named? */
export async function isResponsible(db: Db, tenantId: string, personId: string | undefined, nodeId: string): Promise<boolean> {
	const [row] = rowsOf<{ responsible: boolean }>(await db.execute(sql`select ${responsibleFor(tenantId, personId, nodeId)} as responsible`));
	return row.responsible;
}

/** A plan, and whether the person is responsible for one of its items: what a report's policy check needs, in one query. */
export async function findPlanForReport(
	db: Db,
	tenantId: string,
	planId: string,
	personId: string | undefined,
	nodeId: string
): Promise<{ plan: Plan; responsible: boolean } | undefined> {
	if (!isUuid(planId)) return undefined;
	const [row] = await planForReport(db).execute({ tenantId, planId, personId: personId ?? null, nodeId: isUuid(nodeId) ? nodeId : null });
	return row;
}

/**
 * findPlanForReport's statement, built once per connection handle with placeholders and prepared under
 * one name: every save runs it, so neither the query builder nor PostgreSQL's planner redo it per request.
 * No person (an API token) or a malformed item id: nobody is responsible.
 */
const planForReportQueries = new WeakMap<Db, ReturnType<typeof buildPlanForReport>>();
function planForReport(db: Db) {
	let query = planForReportQueries.get(db);
	if (!query) planForReportQueries.set(db, (query = buildPlanForReport(db)));
	return query;
}
function buildPlanForReport(db: Db) {
	const [tenantId, personId, nodeId] = [sql.placeholder('tenantId'), sql.placeholder('personId'), sql.placeholder('nodeId')];
	return db
		.select({
			plan: plans,
			responsible: sql<boolean>`exists (
				select 1 from node_responsibles r
				where r.tenant_id = ${tenantId} and r.node_id = ${nodeId}::uuid
					and (r.person_id = ${personId}::uuid or r.role_title_id in
						(select h.role_title_id from role_title_holders h where h.tenant_id = ${tenantId} and h.person_id = ${personId}::uuid)))`
		})
		.from(plans)
		.where(and(eq(plans.tenantId, tenantId), eq(plans.id, sql.placeholder('planId'))))
		.prepare('plan_for_report');
}

function responsibleFor(tenantId: string, personId: string | undefined, nodeId: string): SQL<boolean> {
	if (!personId || !isUuid(nodeId)) return sql<boolean>`false`;
	return sql<boolean>`exists (
		select 1 from node_responsibles r
		where r.tenant_id = ${tenantId} and r.node_id = ${nodeId}
			and (r.person_id = ${personId} or r.role_title_id in
				(select h.role_title_id from role_title_holders h where h.tenant_id = ${tenantId} and h.person_id = ${personId})))`;
}

export interface DueReport {
	nodeId: string;
	planId: string;
	planTitle: string;
	ref: string;
	title: string;
	/** What names an item of a level without titles (see presenters/item-name.ts). */
	description: string;
	fieldValues: Record<string, unknown>;
	level: NamingLevel;
	levelId: string;
	followUp: 'status' | 'assessment';
	deadlineText: string | null;
	periodId: string;
	periodName: string;
	dueOn: string;
	asOf: string;
}

/**
 * What a person has to report: every item they (or a role title they hold) are responsible for,
 * in every open period of its plan, that has no report yet. Soonest due first.
 */
export async function listDueReports(db: Db, tenantId: string, personId: string): Promise<DueReport[]> {
	const result = await db.execute(sql`
		select n.id as "nodeId", n.plan_id as "planId", pl.title as "planTitle", n.ref, n.title, n.level_id as "levelId",
			n.description, n.field_values as "fieldValues",
			json_build_object('untitled', l.untitled, 'fields', l.fields, 'descriptionPosition', l.description_position, 'tableColumns', l.table_columns) as level,
			l.follow_up as "followUp", n.deadline_text as "deadlineText", p.id as "periodId", p.name as "periodName",
			to_char(p.due_on, 'YYYY-MM-DD') as "dueOn", to_char(p.as_of, 'YYYY-MM-DD') as "asOf"
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

/** What each item's report in a period says, without its comment: what counts and overviews need. */
export type ReportState = Pick<FollowUp, 'nodeId' | 'periodId' | 'statusId' | 'assessmentId' | 'analysis'>;

export async function listReportStates(db: Db, tenantId: string, planId: string, periodId: string): Promise<ReportState[]> {
	return db
		.select({ nodeId: followUps.nodeId, periodId: followUps.periodId, statusId: followUps.statusId, assessmentId: followUps.assessmentId, analysis: followUps.analysis })
		.from(followUps)
		.where(and(eq(followUps.tenantId, tenantId), eq(followUps.planId, planId), eq(followUps.periodId, periodId)));
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

/** The outcomes recorded for some indicators, period by period, oldest first: what was measured before. */
export async function listOutcomes(db: Db, tenantId: string, indicatorIds: string[]) {
	if (!indicatorIds.length) return [];
	return db
		.select({ indicatorId: measurements.indicatorId, periodId: measurements.periodId, periodName: periods.name, asOf: periods.asOf, value: measurements.value })
		.from(measurements)
		.innerJoin(periods, and(eq(periods.tenantId, measurements.tenantId), eq(periods.id, measurements.periodId)))
		.where(and(eq(measurements.tenantId, tenantId), inArray(measurements.indicatorId, indicatorIds)))
		.orderBy(periods.asOf);
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

/** What a report's save found, read in the same statement as the write (this is the busiest write there is). */
export interface ReportTarget {
	periodClosed: boolean;
	/** Undefined when the item is not in the plan. */
	followUp?: 'none' | 'status' | 'assessment';
	/** Is the chosen status or assessment a current value of the item's scale? */
	choiceValid: boolean;
	existing?: Pick<FollowUp, 'id' | 'version' | 'statusId' | 'assessmentId' | 'comment' | 'analysis' | 'updatedBy'>;
	/** The new version when the report was written; undefined when nothing was (refused, or someone else saved first). */
	saved?: number;
}

/**
 * Saves a report in one statement, one round trip: reads what the save needs (the period and whether
 * it is closed, the item's level and its follow-up, whether the chosen status or assessment is a current
 * value of its scale, the report as it stands) and — only when all of it allows the save and the report
 * is still at `expectedVersion` (0: none yet) — writes the report, its revision and its audit record.
 * The caller turns what was found into the refusal; undefined: no such period in the plan.
 * The status goes in for a status level, the assessment and the analysis for an assessment level.
 */
export async function saveReport(
	db: Db,
	ctx: Ctx,
	key: { planId: string; nodeId: string; periodId: string },
	values: { statusId?: string; assessmentId?: string; comment: string; analysis: string },
	expectedVersion: number
): Promise<ReportTarget | undefined> {
	if (![key.planId, key.nodeId, key.periodId].every(isUuid)) return undefined;
	const chosen = (id: string | undefined) => (id && isUuid(id) ? id : null);
	const [statusId, assessmentId] = [chosen(values.statusId), chosen(values.assessmentId)];
	const [row] = rowsOf<{
		closed_at: unknown;
		follow_up: ReportTarget['followUp'] | null;
		choice_valid: boolean;
		id: string | null;
		version: number;
		status_id: string | null;
		assessment_id: string | null;
		comment: string;
		analysis: string;
		updated_by: string;
		saved: number | null;
	}>(
		await executePrepared(db, 'save_report', sql`
			with target as (
				select p.closed_at, l.follow_up,
					exists (select 1 from scale_values s where s.tenant_id = p.tenant_id and s.kind = l.follow_up and not s.retired
						and s.id = case l.follow_up when 'status' then ${statusId}::uuid else ${assessmentId}::uuid end) as choice_valid,
					f.id, f.version, f.status_id, f.assessment_id, f.comment, f.analysis, f.updated_by
				from periods p
				left join nodes n on n.tenant_id = p.tenant_id and n.plan_id = p.plan_id and n.id = ${key.nodeId}::uuid
				left join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id
				left join follow_ups f on f.tenant_id = p.tenant_id and f.node_id = n.id and f.period_id = p.id
				where p.tenant_id = ${ctx.tenantId}::uuid and p.plan_id = ${key.planId}::uuid and p.id = ${key.periodId}::uuid
			),
			saved as (
				insert into follow_ups (tenant_id, plan_id, node_id, period_id, status_id, assessment_id, comment, analysis, updated_by)
				select ${ctx.tenantId}::uuid, ${key.planId}::uuid, ${key.nodeId}::uuid, ${key.periodId}::uuid,
					case when t.follow_up = 'status' then ${statusId}::uuid end, case when t.follow_up = 'assessment' then ${assessmentId}::uuid end,
					${values.comment}::text, case when t.follow_up = 'status' then '' else ${values.analysis}::text end, ${ctx.actor.id}::text
				from target t
				where t.closed_at is null and t.follow_up in ('status', 'assessment') and t.choice_valid and coalesce(t.version, 0) = ${expectedVersion}::int
				on conflict (tenant_id, node_id, period_id) do update
					set status_id = excluded.status_id, assessment_id = excluded.assessment_id, comment = excluded.comment,
						analysis = excluded.analysis, updated_by = excluded.updated_by, updated_at = now(), version = follow_ups.version + 1
					where follow_ups.version = ${expectedVersion}::int
				returning tenant_id, id, period_id, version, status_id, assessment_id, comment, analysis, updated_by
			),
			revision as (
				insert into follow_up_revisions (tenant_id, follow_up_id, version, status_id, assessment_id, comment, analysis, changed_by)
				select tenant_id, id, version, status_id, assessment_id, comment, analysis, updated_by from saved
			),
			audit as (
				insert into audit_events (tenant_id, actor, action, entity_type, entity_id, plan_id, before, after)
				select s.tenant_id, s.updated_by, 'follow_up.save', 'node', ${key.nodeId}::uuid, ${key.planId}::uuid,
					case when t.id is not null then jsonb_build_object('statusId', t.status_id, 'assessmentId', t.assessment_id, 'comment', t.comment, 'analysis', t.analysis) end,
					jsonb_build_object('periodId', s.period_id, 'statusId', s.status_id, 'assessmentId', s.assessment_id, 'comment', s.comment, 'analysis', s.analysis)
				from saved s, target t
			)
			select t.*, (select version from saved) as saved from target t`)
	);
	if (!row) return undefined;
	return {
		periodClosed: row.closed_at !== null,
		followUp: row.follow_up ?? undefined,
		choiceValid: row.choice_valid,
		existing: row.id
			? {
					id: row.id,
					version: row.version,
					statusId: row.status_id,
					assessmentId: row.assessment_id,
					comment: row.comment,
					analysis: row.analysis,
					updatedBy: row.updated_by
				}
			: undefined,
		saved: row.saved ?? undefined
	};
}
