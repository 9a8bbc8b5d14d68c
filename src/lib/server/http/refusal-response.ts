import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { messageFor } from '../presenters/message';
import type { DomainError } from '../shared/domain-error';
import { earlyAnswer } from './early-answer';

/**
 * A refusal made before any route ran (input-guard.ts): the API's JSON error, JSON for SvelteKit's
 * own client requests, or a small page in the user's language with a way back. The form cannot be
 * shown again from here (no route has run), but the browser's back button keeps what was typed.
 */
export function refusalResponse(event: RequestEvent, refusal: DomainError): Response {
	const locale = event.locals.locale === 'en' ? 'en' : 'sv';
	return earlyAnswer(event, {
		status: refusal.status,
		code: refusal.code,
		field: refusal.field,
		message: messageFor(refusal, locale),
		title: m.error_request_page_title({}, { locale }),
		link: { href: refusal.code === 'error_request_control_character_address' ? '/' : event.url.pathname, label: m.error_request_back({}, { locale }) }
	});
}
