import { error, fail, isRedirect, type ActionFailure } from '@sveltejs/kit';
import { isDomainError } from '../shared/domain-error';
import { messageFor } from '../presenters/message';

export interface FormFailure {
	error: string;
	field?: string;
	/** What the user typed, so the form can be shown again as they left it. */
	values?: Record<string, unknown>;
}

/**
 * Runs a form action's command. A refusal comes back as the form's error message in the user's
 * language (400/409), or as the error page (403/404); anything else is a real fault.
 */
export async function runAction<T>(
	locale: 'sv' | 'en',
	command: () => Promise<T>,
	values?: Record<string, unknown>
): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await command();
	} catch (thrown) {
		if (isRedirect(thrown) || !isDomainError(thrown)) throw thrown;
		const message = messageFor(thrown, locale);
		if (thrown.status === 403 || thrown.status === 404) error(thrown.status, { message });
		return fail(thrown.status, { error: message, field: thrown.field, values });
	}
}

/** Loads something or answers 404 (another organisation's id looks exactly like a missing one). */
export function found<T>(value: T | undefined | null, locale: 'sv' | 'en'): T {
	if (value === undefined || value === null) error(404, { message: locale === 'en' ? 'Not found.' : 'Hittades inte.' });
	return value;
}
