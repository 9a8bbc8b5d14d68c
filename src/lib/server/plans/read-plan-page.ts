import type { Db } from '../db/client';
import { listLatestStatuses, listLatestValueIds } from '../follow-up/latest-status';
import { listPeriods } from '../follow-up/period-repository';
import { listScale } from '../follow-up/scales';
import { OUTLINE_BUDGET, presentOutline, presentOutlineSlice } from '../presenters/plan-presenter';
import { isFiltering, type PlanFilter, type PlanPageInput } from '../presenters/plan-page';
import { listPlanResponsibles, loadOutlineSlice } from './outline-repository';
import { loadPlanData, loadPlanHead, type Plan } from './plan-repository';

/**
 * What the plan page shows, read for it: the plan around its items, and only the outline's shown
 * entries (walked and counted in the database: `loadOutlineSlice`), each with its latest status;
 * the search's choices by small queries of their own. A search (any filter) looks through every
 * item, so it reads the whole plan. `guard` is asked with the plan before its items are read.
 */
export async function readPlanPage(db: Db, tenantId: string, planId: string, options: { filter: PlanFilter; all: boolean }, guard: (plan: Plan) => Promise<void>) {
	const whole = isFiltering(options.filter) ? await loadPlanData(db, tenantId, planId) : undefined;
	const data = whole ?? (await loadPlanHead(db, tenantId, planId));
	if (!data) return undefined;
	await guard(data.plan);
	const budget = options.all ? Number.POSITIVE_INFINITY : OUTLINE_BUDGET;
	const [scale, periods, responsibles, slice] = await Promise.all([
		listScale(db, tenantId),
		listPeriods(db, tenantId, planId),
		whole ? whole.nodes.flatMap((node) => node.responsibles) : listPlanResponsibles(db, tenantId, planId),
		whole ? undefined : loadOutlineSlice(db, tenantId, planId, { budget })
	]);
	let input: PlanPageInput;
	if (whole) {
		const latest = await listLatestStatuses(db, tenantId, planId);
		const outline = presentOutline(whole, { budget });
		input = {
			outline,
			whole: options.all ? outline : presentOutline(whole, { budget: Number.POSITIVE_INFINITY }),
			latest: new Map(latest.map((row) => [row.nodeId, row])),
			usedValueIds: new Set(latest.map((row) => row.valueId)),
			responsibles,
			levels: data.framework.levels
		};
	} else {
		// Which retired values are still some item's latest: asked only when the scale has retired values.
		const used = scale.some((value) => value.retired) ? await listLatestValueIds(db, tenantId, planId) : [];
		const latest = slice!.rows.flatMap(({ item }) => (item.latestValueId ? [[item.id, { valueId: item.latestValueId, periodName: item.latestPeriodName ?? '' }] as const] : []));
		input = { outline: presentOutlineSlice(slice!, data), latest: new Map(latest), usedValueIds: new Set(used), responsibles, levels: data.framework.levels };
	}
	return { data, input, scale, hasPeriods: periods.length > 0 };
}
