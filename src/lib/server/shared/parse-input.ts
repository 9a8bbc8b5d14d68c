import type { z } from 'zod';
import { DomainError, type Bilingual } from './domain-error';

/**
 * Validates input with a zod schema; the first problem becomes a DomainError naming the field
 * in the user's words (labels maps schema keys to field names in both languages).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, Bilingual>): z.infer<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const key = String(issue.path[0] ?? '');
	const label = labels[key] ?? { sv: key, en: key };
	const code = issue.code === 'invalid_type' && issue.input === undefined ? 'error_field_required' : 'error_field_invalid';
	throw new DomainError(code, { field: label }, { field: key });
}
