import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listPlans } from '$lib/server/plans/plan-repository';
import { readablePlans } from '$lib/server/plans/plan-access';
import { presentPlanSummary } from '$lib/server/presenters/plan-document';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	authorize(locals.ctx.actor, 'plan.read');
	const plans = await readablePlans(getDb(), locals.ctx, await listPlans(getDb(), locals.ctx.tenantId));
	return json(plans.map(presentPlanSummary));
});
