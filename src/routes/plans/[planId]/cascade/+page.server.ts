import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { loadCascadeChoices } from '$lib/server/plans/cascade-choices';
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
		// A whole level and every unit of a kind are the items and units they stand for.
		const levels = new Set(formList(form, 'levelIds'));
		const kinds = new Set(formList(form, 'unitKinds'));
		const goalIds = [...new Set([...formList(form, 'goalIds'), ...choices.levels.filter((level) => levels.has(level.id)).flatMap((level) => level.items.map((item) => item.id))])];
		const unitIds = [...new Set([...formList(form, 'unitIds'), ...choices.units.filter((unit) => kinds.has(unit.kind)).map((unit) => unit.id)])];
		const anchorLevel = choices.anchorLevels.find((level) => level.id === form.get('levelId'));
		const values = { goalIds, unitIds, levelId: String(form.get('levelId') ?? '') };
		const result = await runAction(locals.locale, () => cascadeGoals(getDb(), locals.ctx, params.planId, { goalIds, unitIds, frameworkId: anchorLevel?.frameworkId ?? '', levelId: values.levelId }), values);
		if (result && typeof result === 'object' && 'plansCreated' in result) return { cascaded: { plans: result.plansCreated.length, anchors: result.anchorsAdded } };
		return result;
	}
};
