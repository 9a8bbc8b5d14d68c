/** A text in both languages: domain code does not know the reader's language, presenters do. */
export interface Bilingual {
	sv: string;
	en: string;
}
export type MessageParam = string | number | Bilingual;

/**
 * A refusal the user can act on. `code` names a message in messages/{locale}.json; `field` names the
 * form field it concerns, so a form can show the message beside it.
 */
export class DomainError extends Error {
	constructor(
		readonly code: string,
		readonly params: Record<string, MessageParam> = {},
		readonly options: { field?: string; status?: 400 | 403 | 404 | 409 | 413 | 503 } = {}
	) {
		super(code);
		this.name = 'DomainError';
	}

	get status(): number {
		return this.options.status ?? 400;
	}

	get field(): string | undefined {
		return this.options.field;
	}
}

export const notFound = () => new DomainError('error_not_found', {}, { status: 404 });

export function isDomainError(error: unknown): error is DomainError {
	return error instanceof DomainError;
}
