import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findPlan } from '$lib/server/plans/plan-repository';
import { readPlanPage } from '$lib/server/plans/read-plan-page';
import { countUnitPlans } from '$lib/server/plans/anchors';
import { presentChapters } from '$lib/server/presenters/plan-presenter';
import { presentPlanPage, readPlanFilter } from '$lib/server/presenters/plan-page';
import { shiftNode } from '$lib/server/plans/shift-node';
import { archivePlan } from '$lib/server/plans/archive-plan';
import { setPlanPublished } from '$lib/server/plans/publish-plan';
import { can } from '$lib/server/policies';
import { guardPlan, guardPlanRead } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { planBreadcrumbs } from '$lib/navigation';
import { renderOnly } from '$lib/render-only';
import { isUuid } from '$lib/server/shared/uuid';
import { streamLater } from '$lib/server/http/streamed-page';
import { outlineHtmlPieces } from '$lib/server/presenters/outline-html';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const db = getDb();
	const tenantId = locals.ctx.tenantId;
	const filter = readPlanFilter(url.searchParams);
	const all = url.searchParams.has('all');
	// The units' plans are counted beside the plan's own reads (shown only once the guard has let the plan through).
	const [readOrMissing, unitPlans] = await Promise.all([
		readPlanPage(db, tenantId, params.planId, { filter, all }, (plan) => guardPlanRead(locals, plan)),
		isUuid(params.planId) ? countUnitPlans(db, tenantId, params.planId) : 0
	]);
	const read = found(readOrMissing, locals.locale);
	const { data } = read;
	const page = presentPlanPage(read.input, read.scale, { hasPeriods: read.hasPeriods, filter });
	const parentPlan = await parentPlanOf(tenantId, data.plan.parentPlanId);
	const scope = { unitId: data.plan.ownerUnitId };
	const editable = data.plan.state === 'draft' && can(locals.ctx.actor, 'plan.edit', scope);
	const folded = url.searchParams.get('fold') === 'all';
	// The whole plan (4–18 MB of HTML) is streamed: the page first, its outline after it in pieces. Everything is
	// read by now; only rendering is left. A request for the data alone renders the outline in the browser.
	const base = `/plans/${data.plan.id}`;
	const outlineLater =
		all && !page.results && page.outline.total > 0 && !event.isDataRequest
			? streamLater(locals, () => outlineHtmlPieces(page.outline.roots, { base, editable, returnTo: base, folded }))
			: null;
	// Rendered on the server only (csr = false): not serialised into the page for hydration.
	return renderOnly(event, {
		plan: data.plan,
		ownerUnit: { name: data.ownerUnit.name },
		framework: { id: data.framework.id, name: data.framework.name },
		chapters: presentChapters(data),
		outline: outlineLater ? { ...page.outline, roots: [] } : page.outline,
		outlineLater,
		results: page.results,
		choices: page.choices,
		filter,
		folded,
		showAll: all,
		editable,
		canAdopt: data.plan.state === 'draft' && can(locals.ctx.actor, 'plan.adopt', scope),
		canArchive: data.plan.state === 'adopted' && can(locals.ctx.actor, 'plan.archive', scope),
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan),
		canCarryOver: can(locals.ctx.actor, 'plan.create', scope),
		// The steering chain: sending the goals down, the units' follow-up, and for a unit's plan the organiser's plan above it.
		canCascade: data.plan.state === 'adopted' && can(locals.ctx.actor, 'plan.cascade', scope),
		canRollUp: unitPlans > 0 && can(locals.ctx.actor, 'followup.overview', scope),
		parentPlan,
		canPublish: data.plan.state !== 'draft' && can(locals.ctx.actor, 'plan.publish', scope),
		publicAddress: data.plan.publishedAt && locals.tenant ? `${url.origin}/public/${locals.tenant.slug}/${data.plan.id}` : null
	});
};

export const actions: Actions = {
	shift: async ({ request, locals, params }) => {
		const form = await request.formData();
		// The outline's menus send "<item id> up|down" through one shared form; nodeId + direction is the older shape.
		const [shiftId, shiftDirection] = String(form.get('shift') ?? '').split(' ');
		const nodeId = shiftId || String(form.get('nodeId') ?? '');
		const direction = (shiftDirection ?? form.get('direction')) === 'up' ? 'up' : 'down';
		const returnTo = String(form.get('returnTo') ?? '');
		await guardPlan(locals, params.planId, 'plan.edit');
		const result = await runAction(locals.locale, async () => {
			await shiftNode(getDb(), locals.ctx, params.planId, nodeId, direction);
		});
		if (result) return result;
		const back = returnTo.startsWith(`/plans/${params.planId}`) ? returnTo : `/plans/${params.planId}`;
		redirect(303, `${back}#node-${nodeId}`);
	},
	publish: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.publish');
		const published = (await request.formData()).get('published') === 'true';
		const result = await runAction(locals.locale, async () => {
			await setPlanPublished(getDb(), locals.ctx, params.planId, published);
		});
		if (result) return result;
		redirect(303, `/plans/${params.planId}#publishing`);
	},
	archive: async ({ locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.archive');
		const result = await runAction(locals.locale, async () => {
			await archivePlan(getDb(), locals.ctx, params.planId);
		});
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	}
};

/** A unit's plan in the steering chain: the organiser's plan whose goals it carries (its id and title). */
async function parentPlanOf(tenantId: string, parentPlanId: string | null) {
	if (!parentPlanId) return null;
	const parent = await findPlan(getDb(), tenantId, parentPlanId);
	return parent ? { id: parent.id, title: parent.title } : null;
}
