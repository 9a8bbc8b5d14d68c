import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { adoptPlan } from '$lib/server/plans/adopt-plan';
import { countNodes } from '$lib/server/plans/count-nodes';
import { DomainError } from '$lib/server/shared/domain-error';
import { runAction } from '$lib/server/http/run-action';
import { guardPlan } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await guardPlan(locals, params.planId, 'plan.adopt');
	return { breadcrumbs: planBreadcrumbs(locals.locale, plan, { href: `/plans/${plan.id}/adopt`, label: m.plan_adopt({}, { locale: locals.locale }) }), plan, itemCount: await countNodes(getDb(), locals.ctx.tenantId, plan.id) };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = formFields(form, ['adoptedBy', 'adoptedOn', 'registryNumber']);
		await guardPlan(locals, params.planId, 'plan.adopt');
		const result = await runAction(
			locals.locale,
			async () => {
				// An empty plan is adopted only when the person says so: it is most often a plan not yet written.
				if (form.get('confirmEmpty') !== 'on' && (await countNodes(getDb(), locals.ctx.tenantId, params.planId)) === 0) {
					throw new DomainError('error_plan_adopt_empty', {}, { field: 'confirmEmpty' });
				}
				await adoptPlan(getDb(), locals.ctx, params.planId, values);
			},
			values
		);
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	}
};
