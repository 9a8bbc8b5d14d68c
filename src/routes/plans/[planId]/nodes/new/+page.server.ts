import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findNode, loadPlanHead } from '$lib/server/plans/plan-repository';
import { addNode } from '$lib/server/plans/add-node';
import { nodeInputFromForm } from '$lib/server/plans/node-form';
import { nodeFormChoices } from '$lib/server/plans/node-form-context';
import { checkPicks, readPicks } from '$lib/server/plans/picks-form';
import { guardPlan } from '$lib/server/http/guard';
import { itemName } from '$lib/server/presenters/item-name';
import { found, runAction } from '$lib/server/http/run-action';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/** The plan around its items and the one item the new one goes under: never the whole plan (#15). */
async function context(locals: App.Locals, planId: string, url: URL) {
	const parentId = url.searchParams.get('parent');
	const [head, parentRow] = await Promise.all([
		loadPlanHead(getDb(), locals.ctx.tenantId, planId),
		parentId ? findNode(getDb(), locals.ctx.tenantId, planId, parentId) : null
	]);
	const data = found(head, locals.locale);
	const level = found(data.framework.levels.find((candidate) => candidate.id === url.searchParams.get('level')), locals.locale);
	const parent = parentId ? found(parentRow ?? undefined, locals.locale) : null;
	return { data, level, parent };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	await guardPlan(locals, params.planId, 'plan.edit');
	const { data, level, parent } = await context(locals, params.planId, url);
	if (data.plan.state !== 'draft') error(409, { message: locals.locale === 'en' ? 'The plan is adopted and read-only.' : 'Planen är fastställd och kan inte ändras.' });
	return {
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: url.pathname + url.search, label: m.add_item({ level: locals.locale === 'en' ? level.nameEn : level.nameSv }, { locale: locals.locale }) }),
		plan: { id: data.plan.id, title: data.plan.title },
		level,
		parent: parent && { id: parent.id, title: itemName(parent, data.framework.levels.find((candidate) => candidate.id === parent.levelId)), ref: parent.ref },
		...(await nodeFormChoices(getDb(), locals.ctx.tenantId, data))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const { data, level, parent } = await context(locals, params.planId, url);
		const form = await request.formData();
		const input = readPicks(level, form, nodeInputFromForm(level, form));
		const result = await runAction(
			locals.locale,
			async () => {
				const checked = checkPicks(level, input, await nodeFormChoices(getDb(), locals.ctx.tenantId, data));
				return addNode(getDb(), locals.ctx, params.planId, { ...checked, levelId: level.id, parentId: parent?.id ?? null });
			},
			input as unknown as Record<string, unknown>
		);
		if ('id' in result) redirect(303, `/plans/${params.planId}#node-${result.id}`);
		return result;
	}
};
