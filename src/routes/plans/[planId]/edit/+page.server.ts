import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findPlan } from '$lib/server/plans/plan-repository';
import { listUnits } from '$lib/server/organisation/organisation-repository';
import { updatePlan } from '$lib/server/plans/update-plan';
import { removePlan } from '$lib/server/plans/remove-plan';
import { authorize } from '$lib/server/policies';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.ctx.actor, 'plan.edit');
	const plan = found(await findPlan(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
	return { plan, units: await listUnits(getDb(), locals.ctx.tenantId) };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = formFields(await request.formData(), ['title', 'kind', 'periodKind', 'startYear', 'ownerUnitId']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'plan.edit');
				await updatePlan(getDb(), locals.ctx, params.planId, values);
			},
			values
		);
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	},
	remove: async ({ locals, params }) => {
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'plan.edit');
			await removePlan(getDb(), locals.ctx, params.planId);
		});
		if (result) return result;
		redirect(303, '/plans');
	}
};
