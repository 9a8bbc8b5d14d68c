import { m } from '$lib/paraglide/messages.js';
import { formatNumber } from '$lib/i18n';

interface IndicatorLike {
	kind: string;
	unit: string;
	targetKind: string;
	targetComparison: string | null;
	targetValue: string | null;
	targetChange: string | null;
	baselineValue: string | null;
	baselineLabel: string | null;
}

const COMPARISON: Record<string, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

export function indicatorValue(indicator: Pick<IndicatorLike, 'kind' | 'unit'>, value: string | null): string {
	if (value === null || value === '') return '';
	if (indicator.kind === 'yes_no') return Number(value) === 1 ? m.yes() : m.no();
	const unit = indicator.kind === 'percent' ? ' %' : indicator.unit ? ` ${indicator.unit}` : '';
	return `${formatNumber(value)}${unit}`;
}

/** A stored value as a person types it: "ja"/"nej", "86,5". */
export function editableValue(kind: string, value: string | null): string {
	if (value === null) return '';
	return kind === 'yes_no' ? (Number(value) === 1 ? 'ja' : 'nej') : value.replace('.', ',');
}

/** "≥ 85 %", "= ja", "Ökat jämfört med föregående år". */
export function targetText(indicator: IndicatorLike): string {
	if (indicator.targetKind === 'change') return indicator.targetChange === 'decrease' ? m.target_decreased() : m.target_increased();
	if (indicator.targetKind === 'value') return `${COMPARISON[indicator.targetComparison ?? '='] ?? ''} ${indicatorValue(indicator, indicator.targetValue)}`;
	return '';
}

export function baselineText(indicator: IndicatorLike): string {
	const value = indicatorValue(indicator, indicator.baselineValue);
	return value && indicator.baselineLabel ? `${value} (${indicator.baselineLabel})` : value;
}
