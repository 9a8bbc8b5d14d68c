import { renderChart } from './charts';
import { CHART_TEXT, fittedRange } from './chart-axis';
import type { Comparison } from '../kolada/kolada-comparison';

const COLOURS = { own: '#1d5fa8', municipality: '#6b21a8', country: '#4b5563', group: '#a4161a' } as const;
const LINES = { own: 'solid', municipality: 'dashed', country: 'dotted', group: 'dashed' } as const;

/**
 * A key figure as Kolada has it, for the item page and the report: the organisation (or school unit)
 * against the country and the comparison group, year by year, as a line chart beside a table of the
 * same figures (with girls and boys where Kolada divides them, and Kolada's status of each year).
 */
export function presentComparison(comparison: Comparison, locale: 'sv' | 'en', percent: boolean) {
	const en = locale === 'en';
	const years = comparison.years;
	const values = comparison.series.flatMap((series) => [...series.values.values()].filter((value): value is number => value !== null));
	const range = fittedRange(values, { percent });
	const chart = renderChart(
		{
			textStyle: CHART_TEXT,
			grid: { left: 64, right: 24, top: 24, bottom: 72 },
			legend: { bottom: 0, textStyle: CHART_TEXT },
			xAxis: { type: 'category', data: years.map(String), axisLabel: CHART_TEXT },
			yAxis: { type: 'value', axisLabel: CHART_TEXT, ...range },
			series: comparison.series.map((series) => ({
				type: 'line',
				name: series.name,
				connectNulls: false,
				symbolSize: series.role === 'own' ? 8 : 6,
				itemStyle: { color: COLOURS[series.role] },
				lineStyle: { color: COLOURS[series.role], type: LINES[series.role], width: series.role === 'own' ? 3 : 2 },
				data: years.map((year) => series.values.get(year) ?? null)
			}))
		},
		760,
		300
	);
	const gender = (code: 'K' | 'M') => (code === 'K' ? (en ? 'Girls/women' : 'Flickor/kvinnor') : en ? 'Boys/men' : 'Pojkar/män');
	return {
		kpi: comparison.kpi,
		chart,
		columns: [...comparison.series.map((series) => series.name), ...comparison.byGender.map((row) => gender(row.gender))],
		rows: years
			.slice()
			.reverse()
			.map((year) => ({
				year,
				values: [...comparison.series.map((series) => series.values.get(year) ?? null), ...comparison.byGender.map((row) => row.values.get(year) ?? null)],
				status: comparison.status.get(year) ?? ''
			})),
		fetchedAt: comparison.fetchedAt?.toISOString() ?? null
	};
}
