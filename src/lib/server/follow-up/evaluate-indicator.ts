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

/**
 * Indicators' outcomes looked up by period, each evaluated against its target and (for "increased")
 * the outcome of the period before. `periods` in order, earliest first.
 */
export function outcomesByPeriod(measurements: { indicatorId: string; periodId: string; value: string }[], periods: { id: string }[]) {
	const byKey = new Map(measurements.map((measurement) => [`${measurement.indicatorId}/${measurement.periodId}`, measurement]));
	const previousOf = new Map(periods.map((period, index) => [period.id, periods[index - 1]?.id]));
	return (indicator: IndicatorTarget & { id: string }, periodId: string): { value: string | null; evaluation: Evaluation | null } => {
		const value = byKey.get(`${indicator.id}/${periodId}`);
		const previousId = previousOf.get(periodId);
		const before = previousId ? byKey.get(`${indicator.id}/${previousId}`) : undefined;
		return { value: value?.value ?? null, evaluation: evaluateIndicator(indicator, value ? Number(value.value) : null, before ? Number(before.value) : null) };
	};
}
