import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { carryOverPlan, previewCarryOver } from '$lib/server/follow-up/carry-over';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await guardPlan(locals, params.planId, 'plan.create');
	const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
	const { preview } = await previewCarryOver(getDb(), locals.ctx.tenantId, data);
	const nextYear = data.plan.startYear + 1;
	return {
		plan: { id: data.plan.id, title: data.plan.title, startYear: data.plan.startYear },
		preview,
		suggestion: { title: data.plan.title.replace(String(data.plan.startYear), String(nextYear)), startYear: nextYear }
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.create');
		const values = formFields(await request.formData(), ['title', 'startYear']);
		const result = await runAction(locals.locale, () => carryOverPlan(getDb(), locals.ctx, params.planId, values), values);
		if (typeof result === 'string') redirect(303, `/plans/${result}`);
		return result;
	}
};
