import type { Handle, RequestEvent } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { isConnectionError } from '../db/connection-errors';
import { logger } from '../app/logger';
import { earlyAnswer } from './early-answer';

/** Seconds a client is asked to wait before trying again: about what a PostgreSQL restart or failover takes. */
export const RETRY_AFTER_SECONDS = 5;

/** Requests (by their locals, the one object every hook sees) that failed because the database was out of reach. */
const unreachable = new WeakSet<object>();

/**
 * From handleError: notes that this request failed for want of the database (pages, form actions,
 * API and downloads all end there), so `answerWhenDatabaseUnavailable` answers 503. Returns the
 * error to show, or undefined for any other fault.
 */
export function noteDatabaseUnavailable(event: RequestEvent, error: unknown): App.Error | undefined {
	if (!isConnectionError(error)) return undefined;
	unreachable.add(event.locals);
	logger.warn({ err: error, path: event.url.pathname }, 'Database unreachable: answered 503');
	return { message: unavailableMessage(event) };
}

/**
 * A lost or unreachable database is not the request's fault: the answer is 503 with Retry-After and
 * a "try again" in the user's language, as a page, as the API's JSON or as a form action's result.
 * Errors thrown before the route runs (the session lookup) are caught here too.
 */
export const answerWhenDatabaseUnavailable: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (thrown) {
		if (!isConnectionError(thrown)) throw thrown;
		logger.warn({ err: thrown, path: event.url.pathname }, 'Database unreachable: answered 503');
		return unavailable(event);
	}
	if (!unreachable.has(event.locals)) return response;
	await response.body?.cancel();
	return unavailable(event);
};

function unavailableMessage(event: RequestEvent): string {
	return m.error_database_unavailable({}, { locale: event.locals.locale === 'en' ? 'en' : 'sv' });
}

function unavailable(event: RequestEvent): Response {
	const locale = event.locals.locale === 'en' ? 'en' : 'sv';
	return earlyAnswer(event, {
		status: 503,
		code: 'error_database_unavailable',
		message: unavailableMessage(event),
		title: m.error_database_unavailable_title({}, { locale }),
		// The same address again (a form's page, since the link is followed with GET).
		link: { href: '', label: m.error_database_unavailable_retry({}, { locale }) },
		headers: { 'retry-after': String(RETRY_AFTER_SECONDS) }
	});
}
