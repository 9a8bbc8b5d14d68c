import { renderChart } from './charts';
import { CHART_TEXT } from './chart-axis';
import { legendHeight } from './chart-labels';
import { NOT_REPORTED, pick } from './overview';
import type { StatusCount } from '../follow-up/status-trend';
import type { ScaleValue } from '../follow-up/scales';

type Row = { name: string; tally: Record<string, number> };
type Column = { id: string; labelSv: string; labelEn: string; colour: string };

/**
 * The plan's status trend: for each period in order, how many items stood at each of the
 * organisation's statuses (and how many were not reported), as a stacked column per period beside
 * a table of the same figures. Columns are the statuses used in some period; none when the plan
 * has no items followed up by status. The chart is drawn for the page's full width and for a
 * phone (`narrowChart`, its text legible at 300 px).
 */
export function presentStatusTrend(periods: { id: string; name: string }[], counts: StatusCount[], scale: ScaleValue[], locale: 'sv' | 'en') {
	const statuses = scale.filter((value) => value.kind === 'status');
	const known = new Set(statuses.map((status) => status.id));
	const rows = periods.map((period) => {
		const tally: Record<string, number> = Object.fromEntries([...statuses, NOT_REPORTED].map((status) => [status.id, 0]));
		for (const count of counts) if (count.periodId === period.id) tally[count.statusId && known.has(count.statusId) ? count.statusId : NOT_REPORTED.id] += count.count;
		return { id: period.id, name: period.name, tally };
	});
	const columns = [...statuses, NOT_REPORTED].filter((status) => rows.some((row) => row.tally[status.id] > 0));
	if (!columns.length) return null;
	return {
		columns: columns.map(pick),
		rows: rows.map(({ id, name, tally }) => ({ id, name, cells: columns.map((column) => tally[column.id]) })),
		chart: renderTrendChart(rows, columns, locale, 760),
		narrowChart: renderTrendChart(rows, columns, locale, 300)
	};
}

/** About how wide a character of CHART_TEXT is, for the room the period names need. */
const CHARACTER = 7.5;

/**
 * A stacked column per period, left to right in time, the period's name wrapping under it. When
 * the names would not fit under their columns (many periods, or a narrow drawing), a stacked bar
 * per period instead, top to bottom in time, named on its left.
 */
function renderTrendChart(rows: Row[], columns: Column[], locale: 'sv' | 'en', width: number): string {
	const names = columns.map((column) => (locale === 'en' ? column.labelEn : column.labelSv));
	const top = legendHeight(names, width) + 24;
	const legend = { top: 0, left: 'center', textStyle: CHART_TEXT };
	const series = columns.map((column, index) => ({
		type: 'bar',
		stack: 'status',
		name: names[index],
		barMaxWidth: 120,
		itemStyle: { color: column.colour },
		data: rows.map((row) => row.tally[column.id])
	}));
	const count = { type: 'value', minInterval: 1, axisLabel: CHART_TEXT };
	const lines = (labelWidth: number) => Math.min(4, Math.max(...rows.map((row) => Math.ceil((row.name.length * CHARACTER) / labelWidth) + (row.name.includes(' ') ? 1 : 0))));

	const slot = (width - 64) / rows.length;
	if (slot >= 100) {
		const labelWidth = Math.floor(slot) - 12;
		const bottom = 16 + lines(labelWidth) * 18;
		return renderChart(
			{
				textStyle: CHART_TEXT,
				legend,
				grid: { left: 48, right: 16, top, bottom },
				xAxis: { type: 'category', data: rows.map((row) => row.name), axisTick: { alignWithLabel: true }, axisLabel: { ...CHART_TEXT, interval: 0, width: labelWidth, overflow: 'break', lineHeight: 18 } },
				yAxis: count,
				series
			},
			width,
			top + 280 + bottom
		);
	}
	const labelWidth = width >= 600 ? 200 : 110;
	const rowHeight = Math.max(44, 12 + lines(labelWidth) * 16);
	return renderChart(
		{
			textStyle: CHART_TEXT,
			legend,
			grid: { left: labelWidth + 16, right: 16, top, bottom: 24 },
			xAxis: count,
			yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.name), axisLabel: { ...CHART_TEXT, interval: 0, width: labelWidth, overflow: 'break', lineHeight: 16 } },
			series
		},
		width,
		top + 32 + rows.length * rowHeight
	);
}
