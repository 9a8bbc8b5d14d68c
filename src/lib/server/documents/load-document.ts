import type { Db } from '../db/client';
import { listFollowUps, listMeasurements, type FollowUp, type Measurement } from '../follow-up/follow-up-repository';
import { listPeriods, type Period } from '../follow-up/period-repository';
import { listScale, type ScaleValue } from '../follow-up/scales';
import { findTenant } from '../organisation/organisation-repository';
import { loadPlanData, type PlanData } from '../plans/plan-repository';
import { loadChainRollUp, type UnitShare } from '../follow-up/chain-roll-up';
import { loadComparisons, type Comparison } from '../kolada/kolada-comparison';

/** A period's follow-up, as the report for that period needs it. */
export interface FollowUpForDocument {
	period: Period;
	periods: Period[];
	reports: FollowUp[];
	measurements: Measurement[];
	scale: ScaleValue[];
	/** The units' shares of the goals this plan sent down the steering chain, in the units' periods opened with this one. */
	chain: UnitShare[];
	/** Kolada's figures for the indicators linked to a key figure, by the key figure's id (from the cache: a report never calls Kolada). */
	comparisons: Map<string, Comparison>;
}

export interface DocumentSource {
	data: PlanData;
	organisation: string;
	followUp?: FollowUpForDocument;
}

/**
 * Everything a document of the plan needs: the plan, and with a period its follow-up. Undefined when
 * the plan, or the period in it, is not the organisation's.
 */
export async function loadDocumentSource(db: Db, tenantId: string, planId: string, periodId?: string): Promise<DocumentSource | undefined> {
	const [data, tenant] = await Promise.all([loadPlanData(db, tenantId, planId), findTenant(db, tenantId)]);
	if (!data || !tenant) return undefined;
	if (!periodId) return { data, organisation: tenant.name };
	const periods = await listPeriods(db, tenantId, planId);
	const period = periods.find((candidate) => candidate.id === periodId);
	if (!period) return undefined;
	const kpis = data.nodes.flatMap((node) => node.indicators.flatMap((indicator) => (indicator.koladaKpi ? [indicator.koladaKpi] : [])));
	const [reports, measurements, scale, chain, comparisons] = await Promise.all([
		listFollowUps(db, tenantId, planId, period.id),
		listMeasurements(db, tenantId, planId),
		listScale(db, tenantId),
		loadChainRollUp(db, tenantId, planId, period.id),
		loadComparisons(db, tenantId, kpis, data.ownerUnit)
	]);
	return { data, organisation: tenant.name, followUp: { period, periods, reports, measurements, scale, chain, comparisons } };
}
