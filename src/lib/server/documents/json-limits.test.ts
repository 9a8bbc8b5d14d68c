import { describe, expect, it } from 'vitest';
import { assertJsonDepth, assertPlanDocumentSize } from './json-limits';

const depth = (text: string, max: number) => () => assertJsonDepth(Buffer.from(text), max);

describe('JSON limits', () => {
	it('counts brackets outside strings only, escaped quotes included', () => {
		expect(depth('{"a":[1,{"b":[]}]}', 4)).not.toThrow();
		expect(depth('{"a":[1,{"b":[[]]}]}', 4)).toThrow(expect.objectContaining({ code: 'error_json_too_deep', params: { max: 4 } }));
		expect(depth(JSON.stringify({ text: '[[[[{{{{', quoted: 'a \\" [[[[ \\\\', åäö: '[ö]' }), 1)).not.toThrow();
		expect(depth(JSON.stringify(['\\', [[]]]), 2)).toThrow(expect.objectContaining({ code: 'error_json_too_deep' }));
	});

	it('counts items at every depth, and the lists beside them', () => {
		const item = (children: unknown[] = []) => ({ indicators: [{}, {}], children });
		expect(() => assertPlanDocumentSize({ tree: [item([item(), item([item()])])], periods: [] })).not.toThrow();
		expect(() => assertPlanDocumentSize({ periods: Array.from({ length: 101 }, () => ({})) })).toThrow(
			expect.objectContaining({ code: 'error_json_too_many', params: { what: { sv: 'perioder', en: 'periods' }, count: 101, max: 100 } })
		);
		expect(() => assertPlanDocumentSize({ tree: Array.from({ length: 10_001 }, () => item()) })).toThrow(expect.objectContaining({ code: 'error_json_too_many' }));
		expect(() => assertPlanDocumentSize('not a plan')).not.toThrow();
	});
});
