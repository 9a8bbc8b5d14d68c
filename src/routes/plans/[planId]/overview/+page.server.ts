import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { listFollowUps, listMeasurements } from '$lib/server/follow-up/follow-up-repository';
import { listScale } from '$lib/server/follow-up/scales';
import { presentOverview } from '$lib/server/presenters/overview';
import { guard } from '$lib/server/http/guard';
import { found } from '$lib/server/http/run-action';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	guard(locals, 'plan.read');
	const db = getDb();
	const data = found(await loadPlanData(db, locals.ctx.tenantId, params.planId), locals.locale);
	const [periods, followUps, measurements, scale] = await Promise.all([
		listPeriods(db, locals.ctx.tenantId, data.plan.id),
		listFollowUps(db, locals.ctx.tenantId, data.plan.id),
		listMeasurements(db, locals.ctx.tenantId, data.plan.id),
		listScale(db, locals.ctx.tenantId)
	]);
	const period = periods.find((candidate) => candidate.id === url.searchParams.get('period')) ?? periods.findLast((candidate) => !candidate.closedAt) ?? periods.at(-1);
	return {
		plan: { id: data.plan.id, title: data.plan.title },
		periods: periods.map(({ id, name }) => ({ id, name })),
		period: period ? { id: period.id, name: period.name } : null,
		overview: period ? presentOverview(data, periods, period, followUps, measurements, scale, locals.locale) : null
	};
};
