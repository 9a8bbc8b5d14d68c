import type { Db } from '../db/client';
import { listDueReports, listIndicatorsOf, listOutcomes } from '../follow-up/follow-up-repository';
import { itemName } from './item-name';

/**
 * "Att rapportera": what a person still has to report, soonest due first, each item with its
 * indicators' targets and what was measured in earlier periods (the figures a report is written from),
 * and any value already entered for this period.
 */
export async function presentDueReports(db: Db, tenantId: string, personId: string | undefined) {
	const due = personId ? await listDueReports(db, tenantId, personId) : [];
	const indicators = await listIndicatorsOf(db, tenantId, [...new Set(due.map((row) => row.nodeId))]);
	const outcomes = await listOutcomes(db, tenantId, indicators.map((indicator) => indicator.id));
	// The naming texts stay on the server: the page gets the item's name.
	return due.map(({ description, fieldValues, level, ...row }) => ({
		...row,
		title: itemName({ ref: row.ref, title: row.title, description, fieldValues }, level),
		key: `${row.nodeId}-${row.periodId}`,
		indicators: indicators
			.filter((indicator) => indicator.nodeId === row.nodeId)
			.sort((a, b) => a.position - b.position)
			.map(({ id, name, kind, unit, targetKind, targetComparison, targetValue, targetChange, baselineValue, baselineLabel }) => {
				const own = outcomes.filter((outcome) => outcome.indicatorId === id);
				return {
					id,
					name,
					kind,
					unit,
					targetKind,
					targetComparison,
					targetValue,
					targetChange,
					baselineValue,
					baselineLabel,
					current: own.find((outcome) => outcome.periodId === row.periodId)?.value ?? null,
					earlier: own.filter((outcome) => outcome.asOf < row.asOf).map(({ periodName, value }) => ({ periodName, value }))
				};
			})
	}));
}
