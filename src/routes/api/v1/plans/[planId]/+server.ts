import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { readScopeOf } from '$lib/server/plans/plan-access';
import { presentPlanDocument } from '$lib/server/presenters/plan-document';
import { loadFollowUpData } from '$lib/server/follow-up/follow-up-repository';
import { apiHandler } from '$lib/server/http/api';
import { authorize } from '$lib/server/policies';
import { notFound } from '$lib/server/shared/domain-error';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals, params }) => {
	const data = await loadPlanData(getDb(), locals.ctx.tenantId, params.planId);
	if (!data) throw notFound();
	authorize(locals.ctx.actor, 'plan.read', await readScopeOf(getDb(), locals.ctx, data.plan));
	return json(presentPlanDocument(data, await loadFollowUpData(getDb(), locals.ctx.tenantId, data.plan.id)));
});
