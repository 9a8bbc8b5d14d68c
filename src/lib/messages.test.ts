import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The message files say every key once (a second one silently wins in a JSON reader, so an edit
 * of the first would show nowhere), and both languages have the same keys.
 */
const keysOf = (file: string): string[] => {
	const pairs = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	const written = [...fs.readFileSync(file, 'utf8').matchAll(/^\t"([^"]+)":/gm)].map((match) => match[1]);
	expect(written.length).toBe(Object.keys(pairs).length);
	return written;
};

describe('messages', () => {
	for (const language of ['sv', 'en']) {
		it(`${language}: every key once`, () => {
			const keys = keysOf(`messages/${language}.json`);
			expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
		});
	}

	it('Swedish and English have the same keys', () => {
		const sv = new Set(keysOf('messages/sv.json'));
		const en = new Set(keysOf('messages/en.json'));
		expect([...sv].filter((key) => !en.has(key))).toEqual([]);
		expect([...en].filter((key) => !sv.has(key))).toEqual([]);
	});
});
