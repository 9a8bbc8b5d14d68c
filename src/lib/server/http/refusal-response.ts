import { json, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { messageFor } from '../presenters/message';
import type { DomainError } from '../shared/domain-error';
import { PLAIN_PAGE_CSP, plainPage } from './plain-page';

/**
 * A refusal made before any route ran (input-guard.ts): the API's JSON error, JSON for SvelteKit's
 * own client requests, or a small page in the user's language with a way back. The form cannot be
 * shown again from here (no route has run), but the browser's back button keeps what was typed.
 */
export function refusalResponse(event: RequestEvent, refusal: DomainError): Response {
	const locale = event.locals.locale === 'en' ? 'en' : 'sv';
	const message = messageFor(refusal, locale);
	const headers = { 'cache-control': 'no-store' };
	const status = refusal.status;
	if (event.url.pathname.startsWith('/api/')) {
		return json({ error: { code: refusal.code, message, field: refusal.field ?? null } }, { status, headers });
	}
	const accept = event.request.headers.get('accept') ?? '';
	if (event.isDataRequest || (accept.includes('application/json') && !accept.includes('text/html'))) {
		// A form sent with use:enhance reads an action result; a client-side navigation reads the error itself.
		return json(event.request.method === 'POST' ? { type: 'error', error: { message } } : { message }, { status, headers });
	}
	const back = refusal.code === 'error_request_control_character_address' ? '/' : event.url.pathname;
	const page = plainPage({
		locale,
		title: m.error_request_page_title({}, { locale }),
		message,
		link: { href: back, label: m.error_request_back({}, { locale }) }
	});
	return new Response(page, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PLAIN_PAGE_CSP } });
}
