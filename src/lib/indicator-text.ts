import { m } from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime';
import { formatNumber } from './i18n';

/** The reader's language; documents made on the server pass theirs. */
type Locale = 'sv' | 'en';
const current = (): Locale => (getLocale() === 'en' ? 'en' : 'sv');

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

export function indicatorValue(indicator: Pick<IndicatorLike, 'kind' | 'unit'>, value: string | null, locale: Locale = current()): string {
	if (value === null || value === '') return '';
	if (indicator.kind === 'yes_no') return Number(value) === 1 ? m.yes({}, { locale }) : m.no({}, { locale });
	const unit = indicator.kind === 'percent' ? ' %' : indicator.unit ? ` ${indicator.unit}` : '';
	return `${formatNumber(value, locale)}${unit}`;
}

/** A stored value as a person types it: "ja"/"nej", "86,5". */
export function editableValue(kind: string, value: string | null): string {
	if (value === null) return '';
	return kind === 'yes_no' ? (Number(value) === 1 ? 'ja' : 'nej') : value.replace('.', ',');
}

/** "≥ 85 %", "= ja", "Ökat jämfört med föregående år". */
export function targetText(indicator: IndicatorLike, locale: Locale = current()): string {
	if (indicator.targetKind === 'change') return indicator.targetChange === 'decrease' ? m.target_decreased({}, { locale }) : m.target_increased({}, { locale });
	if (indicator.targetKind === 'value') return `${COMPARISON[indicator.targetComparison ?? '='] ?? ''} ${indicatorValue(indicator, indicator.targetValue, locale)}`;
	return '';
}

export function baselineText(indicator: IndicatorLike, locale: Locale = current()): string {
	const value = indicatorValue(indicator, indicator.baselineValue, locale);
	return value && indicator.baselineLabel ? `${value} (${indicator.baselineLabel})` : value;
}
