/**
 * A value axis fitted to what it shows: the outcomes, the target and the baseline, with a little
 * room around them, on round steps. A fixed 0–100 axis hid 87.9 % against a 90 % target; an axis
 * from the data makes the distance visible. Percentages stay within 0–100, counts of things that
 * cannot be negative do not go below 0.
 */
export function fittedRange(values: number[], options: { percent?: boolean } = {}): { min: number; max: number } | undefined {
	const shown = values.filter((value) => Number.isFinite(value));
	if (!shown.length) return undefined;
	const low = Math.min(...shown);
	const high = Math.max(...shown);
	const span = high - low || Math.max(Math.abs(high) * 0.1, 1);
	const step = niceStep(span / 4);
	let min = Math.floor((low - span * 0.1) / step) * step;
	let max = Math.ceil((high + span * 0.1) / step) * step;
	if (low >= 0) min = Math.max(0, min);
	if (options.percent) max = Math.min(100, Math.max(max, min + step));
	return { min: round(min), max: round(max) };
}

/** 1, 2 or 5 times a power of ten: steps a reader counts in. */
function niceStep(rough: number): number {
	const power = 10 ** Math.floor(Math.log10(rough));
	const fraction = rough / power;
	return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Floating-point steps (0.1 × 3) written as the decimals they are. */
const round = (value: number) => Number(value.toPrecision(12));

/** Chart text as legible as the page's: 13 px at the chart's drawn width, in the page's text colour. */
export const CHART_TEXT = { color: '#1b1f24', fontSize: 13 } as const;
