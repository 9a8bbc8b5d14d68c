import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { listMeasurements, listReportStates } from '$lib/server/follow-up/follow-up-repository';
import { listScale } from '$lib/server/follow-up/scales';
import { presentOverview } from '$lib/server/presenters/overview';
import { countStatusesByPeriod } from '$lib/server/follow-up/status-trend';
import { presentStatusTrend } from '$lib/server/presenters/status-trend';
import { guardPlanRead } from '$lib/server/http/guard';
import { found } from '$lib/server/http/run-action';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const periods = await listPeriods(db, locals.ctx.tenantId, params.planId);
	const period = periods.find((candidate) => candidate.id === url.searchParams.get('period')) ?? periods.findLast((candidate) => !candidate.closedAt) ?? periods.at(-1);
	// Only the chosen period's reports; every period's outcomes (an indicator may be judged against the one before).
	const [plan, followUps, measurements, scale, statusCounts] = await Promise.all([
		loadPlanData(db, locals.ctx.tenantId, params.planId),
		period ? listReportStates(db, locals.ctx.tenantId, params.planId, period.id) : [],
		listMeasurements(db, locals.ctx.tenantId, params.planId),
		listScale(db, locals.ctx.tenantId),
		// Every period's statuses, counted in the database: the trend over the year.
		countStatusesByPeriod(db, locals.ctx.tenantId, params.planId)
	]);
	const data = found(plan, locals.locale);
	await guardPlanRead(locals, data.plan);
	return {
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/overview`, label: m.overview_title({}, { locale: locals.locale }) }),
		plan: { id: data.plan.id, title: data.plan.title },
		periods: periods.map(({ id, name }) => ({ id, name })),
		period: period ? { id: period.id, name: period.name } : null,
		overview: period ? presentOverview(data, periods, period, followUps, measurements, scale, locals.locale) : null,
		trend: presentStatusTrend(periods, statusCounts, scale, locals.locale)
	};
};
