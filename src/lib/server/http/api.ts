import { json, type RequestEvent } from '@sveltejs/kit';
import { isDomainError } from '../shared/domain-error';
import { messageFor } from '../presenters/message';

/** JSON errors for the API: `{ error: { code, message } }` with the refusal's status, in the caller's language. */
export function apiHandler<E extends RequestEvent>(handler: (event: E) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (thrown) {
			if (!isDomainError(thrown)) throw thrown;
			return json(
				{ error: { code: thrown.code, message: messageFor(thrown, event.locals.locale), field: thrown.field ?? null } },
				{ status: thrown.status }
			);
		}
	};
}
