import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { listScale } from '$lib/server/follow-up/scales';
import { loadChainRollUp } from '$lib/server/follow-up/chain-roll-up';
import { openChainPeriod } from '$lib/server/follow-up/open-chain-period';
import { parseRollUpView, presentChainRollUp, rollUpChart, rollUpChoices } from '$lib/server/presenters/chain-roll-up';
import { renderRichText } from '$lib/server/presenters/rich-text';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	await guardPlan(locals, params.planId, 'followup.overview');
	const db = getDb();
	const periods = await listPeriods(db, locals.ctx.tenantId, params.planId);
	const period = periods.find((candidate) => candidate.id === url.searchParams.get('period')) ?? periods.findLast((candidate) => !candidate.closedAt) ?? periods.at(-1);
	const [plan, shares, scale] = await Promise.all([
		loadPlanData(db, locals.ctx.tenantId, params.planId),
		period ? loadChainRollUp(db, locals.ctx.tenantId, params.planId, period.id) : [],
		listScale(db, locals.ctx.tenantId)
	]);
	const data = found(plan, locals.locale);
	const t = { locale: locals.locale };
	const view = parseRollUpView(url.searchParams);
	const notAssessed = m.roll_up_not_assessed({}, t);
	return {
		plan: { id: data.plan.id, title: data.plan.title },
		periods: periods.map(({ id, name }) => ({ id, name })),
		period: period ? { id: period.id, name: period.name } : null,
		view,
		choices: rollUpChoices(shares),
		filtered: Boolean(view.kind || view.area || view.form),
		// Each goal with its spread drawn, and the units' analyses (Markdown) as sanitised HTML.
		goals: presentChainRollUp(data, shares, scale, view).map((goal) => ({
			...goal,
			chart: rollUpChart(goal, locals.locale, notAssessed),
			units: goal.units.map((unit) => ({ ...unit, analysisHtml: unit.analysis.trim() ? renderRichText(unit.analysis) : '' }))
		})),
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/roll-up`, label: m.roll_up_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	/** The period opened in every unit plan of the chain that lacks it. */
	openForUnits: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'period.manage');
		const periodId = String((await request.formData()).get('periodId') ?? '');
		const result = await runAction(locals.locale, () => openChainPeriod(getDb(), locals.ctx, params.planId, periodId));
		if (result && typeof result === 'object' && 'opened' in result) return { opened: result.opened };
		return result;
	}
};
