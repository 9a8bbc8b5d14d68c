import { getDb } from '$lib/server/app/runtime';
import { publicFile } from '$lib/server/documents/public-file';
import { fileAnswer } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';

/** A published plan's stable public address: the plan as a web page, with its downloads and reports. */
export const GET: RequestHandler = ({ locals, params }) =>
	fileAnswer(locals.locale, () => publicFile(getDb(), params.slug, params.planId, { format: 'html', locale: locals.locale }), { public: true });
