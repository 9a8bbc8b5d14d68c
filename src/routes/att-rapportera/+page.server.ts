import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { swedishToday } from '$lib/server/shared/calendar-date';
import { presentDueReports } from '$lib/server/presenters/due-reports';
import { scaleChoices } from '$lib/server/presenters/item-follow-up';
import { reportItem } from '$lib/server/follow-up/report-item';
import { reportFromForm } from '$lib/server/follow-up/report-form';
import { authorize } from '$lib/server/policies';
import { guardReport } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { itemNames } from '$lib/server/audit/audit-sentences';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = getDb();
	const savedId = url.searchParams.get('saved') ?? '';
	const [rows, statuses, assessments, saved] = await Promise.all([
		presentDueReports(db, locals.ctx.tenantId, locals.ctx.actor.personId),
		scaleChoices(db, locals.ctx.tenantId, 'status'),
		scaleChoices(db, locals.ctx.tenantId, 'assessment'),
		itemNames(db, locals.ctx.tenantId, [savedId])
	]);
	// Overdue: the period's last day has passed (in Swedish time) and the report is still missing.
	const today = swedishToday();
	return {
		rows: rows.map((row) => ({ ...row, overdue: row.dueOn < today })),
		statuses,
		assessments,
		/** The item just saved (after a save without scripts): "Sparat: <item>" at the top. */
		savedName: saved.get(savedId)?.name ?? null,
		breadcrumbs: breadcrumbs(locals.locale, { href: '/att-rapportera', label: m.to_report_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '');
		const planId = text('planId');
		const nodeId = text('nodeId');
		const { scope } = await guardReport(locals, planId, nodeId);
		const report = reportFromForm(form);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'followup.report', scope);
				await reportItem(getDb(), locals.ctx, planId, nodeId, text('periodId'), report);
			},
			{ key: `${nodeId}-${text('periodId')}`, ...report }
		);
		if (result) return fail(result.status, { ...result.data });
		const next = text('next');
		redirect(303, `/att-rapportera?saved=${encodeURIComponent(nodeId)}${next ? `#row-${next}` : ''}`);
	}
};
