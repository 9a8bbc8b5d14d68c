import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listUnits } from '$lib/server/organisation/organisation-repository';
import { updatePlan } from '$lib/server/plans/update-plan';
import { removePlan } from '$lib/server/plans/remove-plan';
import { authorize } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { guardPlan, guardUnit } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await guardPlan(locals, params.planId, 'plan.edit');
	return { breadcrumbs: planBreadcrumbs(locals.locale, plan, { href: `/plans/${plan.id}/edit`, label: m.plan_edit_details({}, { locale: locals.locale }) }), plan, units: await listUnits(getDb(), locals.ctx.tenantId) };
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = formFields(await request.formData(), ['title', 'kind', 'periodKind', 'startYear', 'ownerUnitId']);
		await guardPlan(locals, params.planId, 'plan.edit');
		if (values.ownerUnitId) await guardUnit(locals, values.ownerUnitId, 'plan.create');
		const result = await runAction(
			locals.locale,
			async () => {
				// Moving a plan to another unit needs the right to plan there too.
				authorize(locals.ctx.actor, 'plan.create', { unitId: values.ownerUnitId });
				await updatePlan(getDb(), locals.ctx, params.planId, values);
			},
			values
		);
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	},
	remove: async ({ locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const result = await runAction(locals.locale, async () => {
			await removePlan(getDb(), locals.ctx, params.planId);
		});
		if (result) return result;
		redirect(303, '/plans');
	}
};
