import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { carryOverPlan, previewCarryOver } from '$lib/server/follow-up/carry-over';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields, formFlag } from '$lib/server/http/form';
import { countUnitPlans } from '$lib/server/plans/anchors';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await guardPlan(locals, params.planId, 'plan.create');
	const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
	const { preview } = await previewCarryOver(getDb(), locals.ctx.tenantId, data);
	const nextYear = data.plan.startYear + 1;
	return {
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/carry-over`, label: m.carry_over_title({}, { locale: locals.locale }) }),
		plan: { id: data.plan.id, title: data.plan.title, startYear: data.plan.startYear },
		preview,
		/** The units' plans of the steering chain under this one, which may come along. */
		unitPlans: await countUnitPlans(getDb(), locals.ctx.tenantId, data.plan.id),
		suggestion: { title: data.plan.title.replace(String(data.plan.startYear), String(nextYear)), startYear: nextYear }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.create');
		const form = await request.formData();
		const values = formFields(form, ['title', 'startYear']);
		const result = await runAction(locals.locale, () => carryOverPlan(getDb(), locals.ctx, params.planId, { ...values, chain: formFlag(form, 'chain') }), values);
		if (typeof result === 'string') redirect(303, `/plans/${result}`);
		return result;
	}
};
