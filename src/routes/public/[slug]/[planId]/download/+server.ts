import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { publicFile } from '$lib/server/documents/public-file';
import { fileResponse } from '$lib/server/http/file-response';
import { found } from '$lib/server/http/run-action';
import { messageFor } from '$lib/server/presenters/message';
import { isDomainError } from '$lib/server/shared/domain-error';
import type { RequestHandler } from './$types';

/** A published plan or published report in any format, for anyone (open data included). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const file = await publicFile(getDb(), params.slug, params.planId, {
			format: url.searchParams.get('format') ?? '',
			periodId: url.searchParams.get('period') ?? undefined,
			locale: locals.locale
		});
		return fileResponse(found(file, locals.locale), { public: true });
	} catch (thrown) {
		if (isDomainError(thrown)) error(thrown.status, { message: messageFor(thrown, locals.locale) });
		throw thrown;
	}
};
