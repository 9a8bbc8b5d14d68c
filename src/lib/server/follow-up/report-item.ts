import type { Db } from '../db/client';
import type { Ctx } from '../shared/context';
import { recordFollowUp } from './record-follow-up';
import { recordMeasurement } from './record-measurement';

export interface ItemReport {
	statusId?: string;
	assessmentId?: string;
	comment?: string;
	analysis?: string;
	version?: number | string;
	/** Indicator id → value as typed ("86,5", "ja"); an empty value is left as it was. */
	values?: Record<string, string>;
}

/**
 * One row of "Att rapportera" (or the item page's report): the item's follow-up and its own
 * indicators' values, saved together or not at all. A value for any other item's indicator refuses
 * the whole report: the caller checked who may report this item, not that one.
 */
export async function reportItem(db: Db, ctx: Ctx, planId: string, nodeId: string, periodId: string, report: ItemReport): Promise<void> {
	const values = Object.entries(report.values ?? {}).filter(([, value]) => value.trim());
	// Without values the report is one statement already; a transaction would only add round trips.
	if (!values.length) {
		await recordFollowUp(db, ctx, planId, nodeId, periodId, report);
		return;
	}
	await db.transaction(async (tx) => {
		await recordFollowUp(tx, ctx, planId, nodeId, periodId, report);
		for (const [indicatorId, value] of values) await recordMeasurement(tx, ctx, { planId, nodeId, indicatorId, periodId }, { value });
	});
}
