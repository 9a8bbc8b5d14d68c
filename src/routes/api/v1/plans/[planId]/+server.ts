import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { presentPlanDocument } from '$lib/server/presenters/plan-document';
import { loadFollowUpData } from '$lib/server/follow-up/follow-up-repository';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import { notFound } from '$lib/server/shared/domain-error';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	authorize(locals.ctx.actor, 'plan.read');
	const data = await loadPlanData(getDb(), locals.ctx.tenantId, params.planId);
	if (!data) throw notFound();
	return json(presentPlanDocument(data, await loadFollowUpData(getDb(), locals.ctx.tenantId, data.plan.id)));
});
