import { describe, expect, it } from 'vitest';
import { renderChart } from './charts';

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
});
