import { describe, expect, it } from 'vitest';
import { contrastWithWhite } from './colour';

describe('contrast against white', () => {
	it('follows the WCAG formula', () => {
		expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
		expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
		expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
		expect(contrastWithWhite('#999999')).toBeLessThan(3);
	});
});
