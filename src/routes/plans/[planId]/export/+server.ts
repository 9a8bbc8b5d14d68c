import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { exportPlan } from '$lib/server/documents/export-plan';
import { guardPlan } from '$lib/server/http/guard';
import { messageFor } from '$lib/server/presenters/message';
import { isDomainError } from '$lib/server/shared/domain-error';
import { fileResponse } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';

/** A plan (or with ?period= its follow-up report) as Word, PDF, Excel, a web page or JSON. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	await guardPlan(locals, params.planId, 'plan.read');
	try {
		const file = await exportPlan(getDb(), locals.ctx.tenantId, params.planId, {
			format: url.searchParams.get('format') ?? '',
			periodId: url.searchParams.get('period') ?? undefined,
			locale: locals.locale
		});
		return fileResponse(file);
	} catch (thrown) {
		if (isDomainError(thrown)) error(thrown.status, { message: messageFor(thrown, locals.locale) });
		throw thrown;
	}
};
