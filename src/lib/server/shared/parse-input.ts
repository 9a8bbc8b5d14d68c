import type { z } from 'zod';
import { findControlCharacter } from './control-characters';
import { DomainError, type Bilingual } from './domain-error';

/**
 * Validates input with a zod schema; the first problem becomes a DomainError naming the field
 * in the user's words (labels maps schema keys to field names in both languages). Text holding a
 * control character is refused too: the HTTP boundary stops it from forms, but commands are also
 * run by the CLI and by imports.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, labels: Record<string, Bilingual>): z.infer<S> {
	const result = schema.safeParse(input);
	const label = (key: string) => labels[key] ?? { sv: key, en: key };
	if (!result.success) {
		const issue = result.error.issues[0];
		const key = String(issue.path[0] ?? '');
		const code = issue.code === 'invalid_type' && issue.input === undefined ? 'error_field_required' : 'error_field_invalid';
		throw new DomainError(code, { field: label(key) }, { field: key });
	}
	const control = firstControlCharacter(result.data);
	if (control) throw new DomainError('error_field_control_character', { field: label(control.key), character: control.character }, { field: control.key });
	return result.data;
}

/** The first text anywhere in the parsed value that holds a control character, with its top-level key. */
function firstControlCharacter(value: unknown, key = ''): { key: string; character: string } | undefined {
	if (typeof value === 'string') {
		const character = findControlCharacter(value);
		return character ? { key, character } : undefined;
	}
	if (Array.isArray(value)) {
		for (const entry of value) {
			const found = firstControlCharacter(entry, key);
			if (found) return found;
		}
	} else if (value && typeof value === 'object' && !(value instanceof Date)) {
		for (const [name, entry] of Object.entries(value)) {
			const found = firstControlCharacter(entry, key || name);
			if (found) return found;
		}
	}
	return undefined;
}
