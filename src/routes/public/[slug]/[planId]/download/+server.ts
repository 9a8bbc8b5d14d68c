import { getDb } from '$lib/server/app/runtime';
import { publicFile } from '$lib/server/documents/public-file';
import { fileAnswer } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';

/** A published plan or published report in any format, for anyone (open data included). */
export const GET: RequestHandler = ({ locals, params, url }) =>
	fileAnswer(
		locals.locale,
		() =>
			publicFile(getDb(), params.slug, params.planId, {
				format: url.searchParams.get('format') ?? '',
				periodId: url.searchParams.get('period') ?? undefined,
				locale: locals.locale
			}),
		{ public: true }
	);
