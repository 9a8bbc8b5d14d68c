import { json, type RequestEvent } from '@sveltejs/kit';
import { PLAIN_PAGE_CSP, plainPage } from './plain-page';

/**
 * An answer given before (or instead of) any route: the API's JSON error, JSON for SvelteKit's own
 * client requests (an action result for a form sent with use:enhance; the error for a client-side
 * navigation), or a small page in the user's language with one link.
 */
export function earlyAnswer(
	event: RequestEvent,
	answer: { status: number; code: string; field?: string; message: string; title: string; link: { href: string; label: string }; headers?: Record<string, string> }
): Response {
	const locale = event.locals.locale === 'en' ? 'en' : 'sv';
	const headers = { 'cache-control': 'no-store', ...answer.headers };
	const { status, message } = answer;
	if (event.url.pathname.startsWith('/api/')) {
		return json({ error: { code: answer.code, message, field: answer.field ?? null } }, { status, headers });
	}
	const accept = event.request.headers.get('accept') ?? '';
	if (event.isDataRequest || (accept.includes('application/json') && !accept.includes('text/html'))) {
		return json(event.request.method === 'POST' ? { type: 'error', error: { message } } : { message }, { status, headers });
	}
	const page = plainPage({ locale, title: answer.title, message, link: answer.link });
	return new Response(page, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PLAIN_PAGE_CSP } });
}
