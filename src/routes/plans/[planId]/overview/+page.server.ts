import { getDb } from '$lib/server/app/runtime';
import { loadPlanHead } from '$lib/server/plans/plan-repository';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { listMeasurements } from '$lib/server/follow-up/follow-up-repository';
import { loadOverviewTallies } from '$lib/server/follow-up/overview-repository';
import { listScale } from '$lib/server/follow-up/scales';
import { presentOverviewTallies } from '$lib/server/presenters/overview';
import { countStatusesByPeriod } from '$lib/server/follow-up/status-trend';
import { presentStatusTrend } from '$lib/server/presenters/status-trend';
import { guardPlanRead } from '$lib/server/http/guard';
import { found } from '$lib/server/http/run-action';
import { planBreadcrumbs } from '$lib/navigation';
import { renderOnly } from '$lib/render-only';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const db = getDb();
	// Of the items only what the overview counts and lists, for the chosen period (tallied in the database,
	// once the periods are known); beside it the plan around its items and every period's outcomes (an
	// indicator may be judged against the one before).
	const tallied = listPeriods(db, locals.ctx.tenantId, params.planId).then(async (periods) => {
		const period = periods.find((candidate) => candidate.id === url.searchParams.get('period')) ?? periods.findLast((candidate) => !candidate.closedAt) ?? periods.at(-1);
		return { periods, period, tallies: period ? await loadOverviewTallies(db, locals.ctx.tenantId, params.planId, period) : undefined };
	});
	const [{ periods, period, tallies }, plan, measurements, scale, statusCounts] = await Promise.all([
		tallied,
		loadPlanHead(db, locals.ctx.tenantId, params.planId),
		listMeasurements(db, locals.ctx.tenantId, params.planId),
		listScale(db, locals.ctx.tenantId),
		// Every period's statuses, counted in the database: the trend over the year.
		countStatusesByPeriod(db, locals.ctx.tenantId, params.planId)
	]);
	const data = found(plan, locals.locale);
	await guardPlanRead(locals, data.plan);
	// Rendered on the server only (csr = false): not serialised into the page for hydration.
	return renderOnly(event, {
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/overview`, label: m.overview_title({}, { locale: locals.locale }) }),
		plan: { id: data.plan.id, title: data.plan.title },
		periods: periods.map(({ id, name }) => ({ id, name })),
		period: period ? { id: period.id, name: period.name } : null,
		overview: period && tallies ? presentOverviewTallies(tallies, data.framework.levels, periods, period, measurements, scale, locals.locale) : null,
		trend: presentStatusTrend(periods, statusCounts, scale, locals.locale)
	});
};
