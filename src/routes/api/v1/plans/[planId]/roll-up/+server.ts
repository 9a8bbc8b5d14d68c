import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findPlan, loadPlanData } from '$lib/server/plans/plan-repository';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { listScale } from '$lib/server/follow-up/scales';
import { loadChainRollUp } from '$lib/server/follow-up/chain-roll-up';
import { parseRollUpView, presentChainRollUp } from '$lib/server/presenters/chain-roll-up';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import { notFound } from '$lib/server/shared/domain-error';
import type { RequestHandler } from './$types';

/**
 * The organiser's roll-up of its goals across the steering chain for one of its periods, as the
 * roll-up page shows it (`?period=<id>`; without it, the page's choice: the last open period, else
 * the last; `kind`, `area`, `form`, `sort` and `order` choose and order the units as on the page). For those who may see the follow-up overview on the plan's unit.
 */
export const GET: RequestHandler = apiHandler(async ({ locals, params, url }) => {
	const db = getDb();
	const { tenantId } = locals.ctx;
	const plan = await findPlan(db, tenantId, params.planId);
	if (!plan) throw notFound();
	authorize(locals.ctx.actor, 'followup.overview', { unitId: plan.ownerUnitId });
	const periods = await listPeriods(db, tenantId, plan.id);
	const asked = url.searchParams.get('period');
	const period = asked ? periods.find((candidate) => candidate.id === asked) : (periods.findLast((candidate) => !candidate.closedAt) ?? periods.at(-1));
	if (asked && !period) throw notFound();
	const [data, shares, scale] = await Promise.all([loadPlanData(db, tenantId, plan.id), period ? loadChainRollUp(db, tenantId, plan.id, period.id) : [], listScale(db, tenantId)]);
	if (!data) throw notFound();
	return json({
		plan: { id: plan.id, title: plan.title },
		period: period ? { id: period.id, name: period.name, asOf: period.asOf, dueOn: period.dueOn, closed: period.closedAt !== null } : null,
		goals: presentChainRollUp(data, shares, scale, parseRollUpView(url.searchParams))
	});
});
