import { describe, expect, it } from 'vitest';
import { keptChartCount, renderChart } from './charts';
import { indicatorTrends } from './item-follow-up';
import type { PlanNode } from '../plans/plan-repository';

const bars = (data: number[]) => ({ xAxis: { type: 'category', data: ['Pågående', 'Genomförd'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data }] });

describe('server-drawn charts', () => {
	it('draw the same chart as the same SVG, and different charts with ids of their own', () => {
		const first = renderChart(bars([1, 2]), 300, 200);
		expect(renderChart(bars([1, 2]), 300, 200)).toBe(first);
		const other = renderChart(bars([3, 1]), 300, 200);
		const prefix = (svg: string) => /class="(c[0-9a-f]{10})-/.exec(svg)![1];
		expect(prefix(other)).not.toBe(prefix(first));
		expect(first).toContain('<svg');
		expect(first).not.toMatch(/zr\d+-/);
	});

	it('keep a bounded number of drawings, so a chart seen again is not drawn again but memory stays bounded', () => {
		for (let count = 0; count < 300; count++) renderChart(bars([count, 1]), 120, 80);
		expect(keptChartCount()).toBe(256);
		// The oldest were let go; a new drawing of one of them is the same SVG as before.
		expect(renderChart(bars([0, 1]), 120, 80)).toBe(renderChart(bars([0, 1]), 120, 80));
	});
});

describe("an indicator's trend", () => {
	const indicator = { id: 'i1', name: 'Andel behöriga', kind: 'percent', unit: '%', targetKind: 'value', targetComparison: '>=', targetValue: '90', baselineValue: '85', baselineLabel: '2023' };
	const node = { indicators: [indicator] } as unknown as PlanNode;
	const periods = [
		{ id: 'p1', name: 'Delår 1' },
		{ id: 'p2', name: 'Delår 2' }
	];
	const values = [
		{ indicatorId: 'i1', periodId: 'p1', value: '86.5' },
		{ indicatorId: 'i1', periodId: 'p2', value: '87.9' }
	];
	/** The texts drawn in the SVG, in order. */
	const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

	it('is drawn on an axis fitted to its values, target and baseline, with both lines named', () => {
		const [trend] = indicatorTrends(periods, node, values);
		const drawn = texts(trend.chart);
		expect(drawn).toContain('Målvärde 90');
		expect(drawn).toContain('Utgångsvärde 85');
		expect(drawn).toContain('87.9');
		// Not 0–100: the axis runs close around 85–90.
		expect(drawn).not.toContain('100');
		expect(drawn).not.toContain('0');
		expect(drawn).toContain('84');
		expect(trend).toMatchObject({ target: 90, baseline: 85 });
		// Legible: no text under 12 px.
		const sizes = [...trend.chart.matchAll(/font-size[:=]"?\s*(\d+(?:\.\d+)?)px/g)].map((match) => Number(match[1]));
		expect(sizes.length).toBeGreaterThan(0);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
	});

	it('names the lines in English for an English reader', () => {
		const [trend] = indicatorTrends(periods, node, values, 'en');
		expect(texts(trend.chart)).toEqual(expect.arrayContaining(['Target 90', 'Baseline 85']));
	});
});
