import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './parse-input';
import { isDomainError } from './domain-error';

const schema = z.object({ title: z.string().min(1), tags: z.array(z.string()).default([]), meta: z.object({ note: z.string() }).optional() });
const labels = { title: { sv: 'Rubrik', en: 'Title' }, tags: { sv: 'Taggar', en: 'Tags' }, meta: { sv: 'Övrigt', en: 'Other' } };

function refusal(input: unknown) {
	try {
		parseInput(schema, input, labels);
	} catch (thrown) {
		if (isDomainError(thrown)) return thrown;
		throw thrown;
	}
	return undefined;
}

describe('parseInput', () => {
	it('keeps ordinary text, tabs and line breaks', () => {
		expect(parseInput(schema, { title: 'Mål\t1\r\nrad två' }, labels)).toEqual({ title: 'Mål\t1\r\nrad två', tags: [] });
	});

	it('refuses a control character anywhere, naming the field it came in', () => {
		expect(refusal({ title: 'a\u0000b' })).toMatchObject({ code: 'error_field_control_character', field: 'title', params: { field: labels.title, character: 'U+0000' } });
		expect(refusal({ title: 'ok', tags: ['x', 'y\u001b'] })).toMatchObject({ field: 'tags', params: { character: 'U+001B' } });
		expect(refusal({ title: 'ok', meta: { note: '\u007f' } })).toMatchObject({ field: 'meta' });
	});

	it('still reports the schema\'s own problems first', () => {
		expect(refusal({})).toMatchObject({ code: 'error_field_required', field: 'title' });
	});
});
