import { getDb } from '$lib/server/app/runtime';
import { exportPlan } from '$lib/server/documents/export-plan';
import { guardPlan } from '$lib/server/http/guard';
import { fileAnswer } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';

/**
 * A plan (or with ?period= its follow-up report) as Word, PDF, Excel, a web page, JSON or CSV;
 * `&analyses=1` adds the units' analyses of the goals sent down as an appendix to the report.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	await guardPlan(locals, params.planId, 'plan.read');
	return fileAnswer(locals.locale, () =>
		exportPlan(getDb(), locals.ctx.tenantId, params.planId, {
			format: url.searchParams.get('format') ?? '',
			periodId: url.searchParams.get('period') ?? undefined,
			locale: locals.locale,
			unitAnalyses: url.searchParams.get('analyses') === '1'
		})
	);
};
