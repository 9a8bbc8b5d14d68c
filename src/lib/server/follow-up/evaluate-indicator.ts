export type Evaluation = 'met' | 'not_met' | 'no_value';

export interface IndicatorTarget {
	targetKind: string;
	targetComparison: string | null;
	targetValue: string | null;
	targetChange: string | null;
	baselineValue: string | null;
}

/**
 * Is the target met? A missing value is "no value yet", never a zero. "Increased compared with last
 * year" compares with the previous value (the previous period's, else the baseline); without one
 * there is nothing to compare with, which also counts as no value yet.
 */
export function evaluateIndicator(indicator: IndicatorTarget, value: number | null, previous: number | null): Evaluation | null {
	if (indicator.targetKind === 'none') return null;
	if (value === null) return 'no_value';
	if (indicator.targetKind === 'change') {
		const before = previous ?? (indicator.baselineValue === null ? null : Number(indicator.baselineValue));
		if (before === null) return 'no_value';
		return (indicator.targetChange === 'decrease' ? value < before : value > before) ? 'met' : 'not_met';
	}
	const target = Number(indicator.targetValue);
	const met = {
		'>=': value >= target,
		'<=': value <= target,
		'>': value > target,
		'<': value < target,
		'=': value === target
	}[indicator.targetComparison ?? '='];
	return met ? 'met' : 'not_met';
}
