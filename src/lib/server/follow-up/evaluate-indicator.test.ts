import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from './evaluate-indicator';

const target = (targetKind: string, extra: Partial<Record<string, string | null>> = {}) => ({
	targetKind,
	targetComparison: null,
	targetValue: null,
	targetChange: null,
	baselineValue: null,
	...extra
});

describe('evaluateIndicator', () => {
	it('compares with a value target', () => {
		expect(evaluateIndicator(target('value', { targetComparison: '>=', targetValue: '85' }), 86, null)).toBe('met');
		expect(evaluateIndicator(target('value', { targetComparison: '>=', targetValue: '85' }), 84.9, null)).toBe('not_met');
		expect(evaluateIndicator(target('value', { targetComparison: '<', targetValue: '0.5' }), 0.4, null)).toBe('met');
	});

	it('reads yes/no targets', () => {
		expect(evaluateIndicator(target('value', { targetComparison: '=', targetValue: '1' }), 1, null)).toBe('met');
		expect(evaluateIndicator(target('value', { targetComparison: '=', targetValue: '1' }), 0, null)).toBe('not_met');
	});

	it('never counts a missing value as zero', () => {
		expect(evaluateIndicator(target('value', { targetComparison: '<=', targetValue: '6' }), null, null)).toBe('no_value');
	});

	it('compares a change target with the previous value, else the baseline', () => {
		const increase = target('change', { targetChange: 'increase', baselineValue: '41' });
		expect(evaluateIndicator(increase, 45, null)).toBe('met');
		expect(evaluateIndicator(increase, 45, 50)).toBe('not_met');
		expect(evaluateIndicator(target('change', { targetChange: 'decrease' }), 3, null)).toBe('no_value');
		expect(evaluateIndicator(target('change', { targetChange: 'decrease' }), 3, 4)).toBe('met');
	});

	it('has nothing to say without a target', () => {
		expect(evaluateIndicator(target('none'), 3, null)).toBeNull();
	});
});
