import * as messages from '../../paraglide/messages.js';
import type { DomainError, MessageParam } from '../shared/domain-error';

type Locale = 'sv' | 'en';
type MessageFn = (params: Record<string, string | number>, options: { locale: Locale }) => string;

/** A domain refusal in the reader's language. */
export function messageFor(error: DomainError, locale: Locale): string {
	const fn = (messages as unknown as { m: Record<string, MessageFn | undefined> }).m[error.code];
	const params = Object.fromEntries(Object.entries(error.params).map(([key, value]) => [key, localise(value, locale)]));
	return fn ? fn(params, { locale }) : error.code;
}

export function localise(value: MessageParam, locale: Locale): string | number {
	return typeof value === 'object' ? value[locale] : value;
}
