import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findPlan } from '$lib/server/plans/plan-repository';
import { adoptPlan } from '$lib/server/plans/adopt-plan';
import { authorize } from '$lib/server/policies';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.ctx.actor, 'plan.adopt');
	return { plan: found(await findPlan(getDb(), locals.ctx.tenantId, params.planId), locals.locale) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formFields(await request.formData(), ['adoptedBy', 'adoptedOn', 'registryNumber']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'plan.adopt');
				await adoptPlan(getDb(), locals.ctx, params.planId, values);
			},
			values
		);
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	}
};
