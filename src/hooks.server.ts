import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb, startRuntime, stopRuntime } from '$lib/server/app/runtime';
import { logger } from '$lib/server/app/logger';
import { resolveRequestContext } from '$lib/server/app/request-context';
import { securityHeaders } from '$lib/server/http/security-headers';

export const init: ServerInit = async () => {
	await startRuntime();
	process.once('sveltekit:shutdown', () => void stopRuntime());
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale === 'en' ? 'en' : 'sv';
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

const context: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === '/healthz') return new Response('ok');
	const resolved = await resolveRequestContext(getDb(), event.cookies);
	if (!resolved) error(503, { message: 'Ingen organisation finns. Kör `npx styrkedjan demo` eller `npx styrkedjan tenant add`.' });
	event.locals.ctx = resolved.ctx;
	event.locals.tenant = resolved.tenant;
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	securityHeaders(response.headers);
	return response;
};

export const handle = sequence(headers, i18n, context);

export const handleError: HandleServerError = ({ error: thrown, status }) => {
	if (status !== 404) logger.error({ err: thrown }, 'Unhandled error');
	return { message: getLocale() === 'en' ? 'Something went wrong.' : 'Något gick fel.' };
};
