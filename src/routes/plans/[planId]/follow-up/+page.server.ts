import { redirect, type ActionFailure } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { listFollowUps } from '$lib/server/follow-up/follow-up-repository';
import { listScale } from '$lib/server/follow-up/scales';
import { addPeriod, setPeriodClosed } from '$lib/server/follow-up/manage-periods';
import { presentFollowUpTable } from '$lib/server/presenters/follow-up-table';
import { can, type Action } from '$lib/server/policies';
import { prepareReportPdf } from '$lib/server/documents/export-plan';
import { logger } from '$lib/server/app/logger';
import { setPeriodPublished } from '$lib/server/plans/publish-plan';
import { countUnitPlans } from '$lib/server/plans/anchors';
import { guardPlan, guardPlanRead } from '$lib/server/http/guard';
import { found, runAction, type FormFailure } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const data = found(await loadPlanData(db, locals.ctx.tenantId, params.planId), locals.locale);
	await guardPlanRead(locals, data.plan);
	const periods = await listPeriods(db, locals.ctx.tenantId, data.plan.id);
	const requested = url.searchParams.get('period');
	const period = periods.find((candidate) => candidate.id === requested) ?? periods.findLast((candidate) => !candidate.closedAt) ?? periods.at(-1);
	const filter = {
		board: url.searchParams.get('board') || undefined,
		responsible: url.searchParams.get('responsible') || undefined,
		status: url.searchParams.get('status') || undefined,
		level: url.searchParams.get('level') || undefined
	};
	const [followUps, scale, unitPlans] = await Promise.all([
		period ? listFollowUps(db, locals.ctx.tenantId, data.plan.id, period.id) : [],
		listScale(db, locals.ctx.tenantId),
		countUnitPlans(db, locals.ctx.tenantId, data.plan.id)
	]);
	return {
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/follow-up`, label: m.follow_up_title({}, { locale: locals.locale }) }),
		plan: { id: data.plan.id, title: data.plan.title },
		periods: periods.map((candidate) => ({ ...candidate, closed: candidate.closedAt !== null })),
		period: period ? { id: period.id, name: period.name, closed: period.closedAt !== null } : null,
		filter,
		table: presentFollowUpTable(data, followUps, scale, filter),
		/** The plan's goals are in units' plans: the report may carry their analyses as an appendix. */
		hasUnitPlans: unitPlans > 0,
		canManage: can(locals.ctx.actor, 'period.manage', { unitId: data.plan.ownerUnitId }),
		canPublish: data.plan.publishedAt !== null && can(locals.ctx.actor, 'plan.publish', { unitId: data.plan.ownerUnitId })
	};
};

async function manage(
	locals: App.Locals,
	planId: string,
	command: () => Promise<unknown>,
	back: string,
	values?: Record<string, unknown>,
	action: Action = 'period.manage'
): Promise<ActionFailure<FormFailure> | undefined> {
	await guardPlan(locals, planId, action);
	const result = await runAction(
		locals.locale,
		async () => {
			await command();
		},
		values
	);
	if (result) return result;
	redirect(303, back);
}

export const actions: Actions = {
	addPeriod: async ({ request, locals, params }) => {
		const values = formFields(await request.formData(), ['name', 'asOf', 'dueOn']);
		return manage(locals, params.planId, () => addPeriod(getDb(), locals.ctx, params.planId, values), `/plans/${params.planId}/follow-up`, values);
	},
	close: async ({ request, locals, params }) => {
		const periodId = String((await request.formData()).get('periodId') ?? '');
		return manage(
			locals,
			params.planId,
			async () => {
				await setPeriodClosed(getDb(), locals.ctx, params.planId, periodId, true);
				// The report goes to the board now: print its PDF while the page reloads.
				prepareReportPdf(getDb(), locals.ctx.tenantId, params.planId, periodId, (thrown) => logger.warn({ err: thrown }, 'Report PDF not prepared'));
			},
			`/plans/${params.planId}/follow-up?period=${periodId}`
		);
	},
	publish: async ({ request, locals, params }) => {
		const form = await request.formData();
		const periodId = String(form.get('periodId') ?? '');
		const published = form.get('published') === 'true';
		const back = `/plans/${params.planId}/follow-up?period=${periodId}`;
		return manage(locals, params.planId, () => setPeriodPublished(getDb(), locals.ctx, params.planId, periodId, published), back, undefined, 'plan.publish');
	},
	reopen: async ({ request, locals, params }) => {
		const periodId = String((await request.formData()).get('periodId') ?? '');
		return manage(locals, params.planId, () => setPeriodClosed(getDb(), locals.ctx, params.planId, periodId, false), `/plans/${params.planId}/follow-up?period=${periodId}`);
	}
};
