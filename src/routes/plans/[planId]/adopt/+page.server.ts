import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { adoptPlan } from '$lib/server/plans/adopt-plan';
import { runAction } from '$lib/server/http/run-action';
import { guardPlan } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	return { plan: await guardPlan(locals, params.planId, 'plan.adopt') };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formFields(await request.formData(), ['adoptedBy', 'adoptedOn', 'registryNumber']);
		await guardPlan(locals, params.planId, 'plan.adopt');
		const result = await runAction(
			locals.locale,
			async () => {
				await adoptPlan(getDb(), locals.ctx, params.planId, values);
			},
			values
		);
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	}
};
