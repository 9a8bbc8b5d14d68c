import type { Handle, RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { logger } from '../app/logger';
import type { DomainError } from '../shared/domain-error';
import { checkAddress, checkFields, checkJson, multipartTextFields, parseByteSize, tooLarge } from './boundary-checks';
import { refusalResponse } from './refusal-response';

/**
 * The input boundary: every request's address, and the text of every form or JSON body, is checked
 * here once, before any route, command or query sees it. A control character or an oversized field
 * or body is refused with a message in the user's language (400/413), never a database error (500).
 */
export const inputGuard: Handle = async ({ event, resolve }) => {
	const refusal = checkAddress(event.url) ?? declaredTooLarge(event.request) ?? (await checkBody(event));
	if (!refusal) return resolve(event);
	logger.info({ path: event.url.pathname, refused: refusal.code, field: refusal.field }, 'Input refused at the boundary');
	return refusalResponse(event, refusal);
};

/** adapter-node refuses bodies over BODY_SIZE_LIMIT (512K unless set; `npm start` sets 12M) while they are read. */
const limit = (() => {
	const value = process.env.BODY_SIZE_LIMIT ?? (dev ? undefined : '512K');
	const bytes = value === undefined ? Number.NaN : parseByteSize(value);
	return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
})();

function declaredTooLarge(request: Request): DomainError | undefined {
	const length = Number(request.headers.get('content-length'));
	return limit !== undefined && length > limit ? tooLarge(limit) : undefined;
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads a form or JSON body once and hands the route a request with the same bytes, so nothing is
 * read twice and an upload is held once more at most (the limit keeps that to 12 MB).
 */
async function checkBody(event: RequestEvent): Promise<DomainError | undefined> {
	const { request } = event;
	const contentType = request.headers.get('content-type') ?? '';
	const type = contentType.toLowerCase();
	const kind = type.startsWith('application/x-www-form-urlencoded')
		? 'form'
		: type.startsWith('multipart/form-data')
			? 'multipart'
			: /^application\/([\w.+-]+\+)?json\b/.test(type)
				? 'json'
				: undefined;
	if (!kind || !WITH_BODY.has(request.method) || !request.body) return undefined;
	let bytes: Buffer;
	try {
		bytes = Buffer.from(await request.arrayBuffer());
	} catch (thrown) {
		if (limit !== undefined && statusOf(thrown) === 413) return tooLarge(limit);
		throw thrown;
	}
	event.request = new Request(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(bytes) });
	if (kind === 'form') return checkFields(new URLSearchParams(bytes.toString('utf8')));
	if (kind === 'multipart') return checkFields(multipartTextFields(bytes, contentType));
	return checkJson(bytes.toString('utf8'));
}

/** The status of SvelteKit's "body too large" error, however the stream reader wrapped it. */
function statusOf(thrown: unknown): number | undefined {
	for (let error = thrown; error && typeof error === 'object'; error = (error as { cause?: unknown }).cause) {
		if ('status' in error && typeof error.status === 'number') return error.status;
	}
	return undefined;
}
