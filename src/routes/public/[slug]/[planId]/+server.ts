import { getDb } from '$lib/server/app/runtime';
import { publicFile } from '$lib/server/documents/public-file';
import { fileResponse } from '$lib/server/http/file-response';
import { found } from '$lib/server/http/run-action';
import type { RequestHandler } from './$types';

/** A published plan's stable public address: the plan as a web page, with its downloads and reports. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await publicFile(getDb(), params.slug, params.planId, { format: 'html', locale: locals.locale });
	return fileResponse(found(file, locals.locale), { public: true });
};
