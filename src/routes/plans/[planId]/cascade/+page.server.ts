import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { chosenIds, loadCascadeChoices } from '$lib/server/plans/cascade-choices';
import { cascadeGoals } from '$lib/server/plans/cascade-goals';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formList } from '$lib/server/http/form';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await guardPlan(locals, params.planId, 'plan.cascade');
	const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
	return {
		plan: { id: data.plan.id, title: data.plan.title, adopted: data.plan.state === 'adopted' },
		choices: await loadCascadeChoices(getDb(), locals.ctx.tenantId, data, locals.locale),
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/cascade`, label: m.cascade_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.cascade');
		const form = await request.formData();
		const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
		const choices = await loadCascadeChoices(getDb(), locals.ctx.tenantId, data, locals.locale);
		const { goalIds, unitIds } = chosenIds(choices, {
			goalIds: formList(form, 'goalIds'),
			levelIds: formList(form, 'levelIds'),
			unitIds: formList(form, 'unitIds'),
			unitKinds: formList(form, 'unitKinds')
		});
		const anchorLevel = choices.anchorLevels.find((level) => level.id === form.get('levelId'));
		const values = { goalIds, unitIds, levelId: String(form.get('levelId') ?? '') };
		const result = await runAction(locals.locale, () => cascadeGoals(getDb(), locals.ctx, params.planId, { goalIds, unitIds, frameworkId: anchorLevel?.frameworkId ?? '', levelId: values.levelId }), values);
		if (result && typeof result === 'object' && 'plansCreated' in result) return { cascaded: { plans: result.plansCreated.length, anchors: result.anchorsAdded } };
		return result;
	}
};
