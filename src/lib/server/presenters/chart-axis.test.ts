import { describe, expect, it } from 'vitest';
import { fittedRange } from './chart-axis';

describe('a value axis fitted to its values', () => {
	it('shows 87.9 % against a 90 % target and an 85 % baseline close up, not on 0–100', () => {
		expect(fittedRange([87.9, 90, 85], { percent: true })).toEqual({ min: 84, max: 92 });
	});

	it('keeps percentages within 0–100 and counts from going below 0', () => {
		expect(fittedRange([96, 100], { percent: true })).toEqual({ min: 95, max: 100 });
		expect(fittedRange([0, 3, 2])).toEqual({ min: 0, max: 4 });
	});

	it('gives a single value room on both sides, and negative values their own', () => {
		expect(fittedRange([50])).toEqual({ min: 48, max: 52 });
		expect(fittedRange([-2.5, 1.5])).toEqual({ min: -3, max: 2 });
		expect(fittedRange([0.12, 0.18])).toEqual({ min: 0.1, max: 0.2 });
	});

	it('has nothing to fit without a value', () => {
		expect(fittedRange([])).toBeUndefined();
		expect(fittedRange([Number.NaN])).toBeUndefined();
	});
});
