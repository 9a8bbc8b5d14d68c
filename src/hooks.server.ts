import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { json } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getLocale } from '$lib/paraglide/runtime';
import { getDb, startRuntime, stopRuntime } from '$lib/server/app/runtime';
import { logger } from '$lib/server/app/logger';
import { resolveRequestContext } from '$lib/server/app/request-context';
import { SESSION_COOKIE } from '$lib/server/identity/sessions';
import { securityHeaders } from '$lib/server/http/security-headers';
import { inputGuard } from '$lib/server/http/input-guard';
import { crossSiteForms } from '$lib/server/http/cross-site-forms';
import { answerWhenDatabaseUnavailable, noteDatabaseUnavailable } from '$lib/server/http/database-unavailable';
import { healthz } from '$lib/server/http/healthz';
import { streamPage } from '$lib/server/http/streamed-page';
import { startJobs, stopJobs } from '$lib/server/jobs/jobs';

export const init: ServerInit = async () => {
	await startJobs(await startRuntime());
	process.once('sveltekit:shutdown', () => {
		void stopJobs().finally(() => stopRuntime());
	});
};

/** Pages anyone may open without signing in. */
const PUBLIC = [/^\/public\//, /^\/kalender\//, /^\/login(\/[^/]+)?$/, /^\/logout$/, /^\/password\//, /^\/auth\//, /^\/language$/, /^\/tillganglighet$/, /^\/api\/v1\/openapi\.json$/];

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale === 'en' ? 'en' : 'sv';
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

const identity: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	if (path === '/healthz') return healthz();
	const isApi = path.startsWith('/api/');
	const authorization = event.request.headers.get('authorization') ?? '';
	const resolved = await resolveRequestContext(getDb(), {
		sessionCookie: event.cookies.get(SESSION_COOKIE),
		bearer: isApi && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined
	});
	if (resolved && 'refused' in resolved) {
		logger.warn({ path, refused: resolved.refused, ip: event.getClientAddress() }, 'Credential refused');
		if (resolved.refused === 'session') event.cookies.delete(SESSION_COOKIE, { path: '/' });
	} else if (resolved) {
		event.locals.ctx = resolved.ctx;
		event.locals.tenant = resolved.tenant;
		event.locals.user = resolved.user;
	}
	if (!event.locals.ctx && !PUBLIC.some((pattern) => pattern.test(path))) {
		if (isApi) {
			const message = event.locals.locale === 'en' ? 'Sign in or send a valid API token.' : 'Logga in eller skicka en giltig API-nyckel.';
			return json({ error: { code: 'error_unauthenticated', message, field: null } }, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
		}
		// Returned, not thrown, so the headers hook sees it; SvelteKit adds no cookies to a returned
		// response, so a refused session's removal is sent with it here.
		const answer = new Response(null, { status: 303, headers: { location: `/login?redirectTo=${encodeURIComponent(path + event.url.search)}` } });
		if (resolved && 'refused' in resolved && resolved.refused === 'session') {
			answer.headers.append('set-cookie', event.cookies.serialize(SESSION_COOKIE, '', { path: '/', maxAge: 0 }));
		}
		return answer;
	}
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	securityHeaders(response.headers);
	return response;
};

// streamPage innermost: it sees the page as SvelteKit rendered it, inside the request's language.
export const handle = sequence(headers, crossSiteForms, i18n, inputGuard, answerWhenDatabaseUnavailable, identity, streamPage);

export const handleError: HandleServerError = ({ error: thrown, status, event }) => {
	// A lost database: answered 503 "try again" by answerWhenDatabaseUnavailable.
	const unreachable = noteDatabaseUnavailable(event, thrown);
	if (unreachable) return unreachable;
	if (status !== 404) logger.error({ err: thrown }, 'Unhandled error');
	return { message: getLocale() === 'en' ? 'Something went wrong.' : 'Något gick fel.' };
};
