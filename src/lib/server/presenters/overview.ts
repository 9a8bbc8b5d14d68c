import { responsibleLabel } from '../plans/responsible';
import { renderChart } from './charts';
import { CHART_TEXT } from './chart-axis';
import { chartLabels, legendHeight } from './chart-labels';
import { itemLabel, itemName } from './item-name';
import type { Measurement, ReportState } from '../follow-up/follow-up-repository';
import { outcomesByPeriod, type Evaluation } from '../follow-up/evaluate-indicator';
import type { Period } from '../follow-up/period-repository';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { buildTree, flattenTree, type TreeEntry } from '../plans/plan-tree';

/** Where an item without a report (or a report without a status) is counted. */
export const NOT_REPORTED = { id: 'none', labelSv: 'Ej rapporterad', labelEn: 'Not reported', colour: '#9ca3af' };

/**
 * The overview of a plan in a period: status per top-level item, assessments, overdue items,
 * missing reports per responsible, indicators against their targets. Linked items count once.
 */
export function presentOverview(data: PlanData, periods: Period[], period: Period, followUps: ReportState[], measurements: Measurement[], scale: ScaleValue[], locale: 'sv' | 'en') {
	const reports = new Map(followUps.filter((report) => report.periodId === period.id).map((report) => [report.nodeId, report]));
	const values = new Map(scale.map((value) => [value.id, value]));
	const statuses = scale.filter((value) => value.kind === 'status');
	const tree = buildTree(data);
	const own = (entries: TreeEntry[]) => flattenTree(entries).filter((entry) => !entry.linked);

	const branches = tree.map((root) => own([root]));
	const perTopLevel = tree.map((root, index) => {
		const items = branches[index].filter((entry) => entry.level.followUp === 'status');
		const counts = Object.fromEntries([...statuses, NOT_REPORTED].map((status) => [status.id, 0]));
		for (const entry of items) counts[reports.get(entry.node.id)?.statusId ?? 'none'] += 1;
		return { id: root.node.id, title: itemLabel(root.node, root.level), counts, total: items.length };
	});
	const columns = [...statuses, NOT_REPORTED].filter((status) => perTopLevel.some((row) => row.counts[status.id] > 0));

	const all = branches.flat();
	const assessments = all
		.filter((entry) => entry.level.followUp === 'assessment')
		.map((entry) => {
			const report = reports.get(entry.node.id);
			const value = report?.assessmentId ? values.get(report.assessmentId) : undefined;
			return { id: entry.node.id, title: itemName(entry.node, entry.level), value: value ? pick(value) : null, analysis: report?.analysis ?? '' };
		});

	const asOf = period.asOf;
	const overdue = all
		.filter((entry) => entry.level.followUp === 'status' && entry.node.deadlineDate && entry.node.deadlineDate < asOf)
		.filter((entry) => {
			const status = values.get(reports.get(entry.node.id)?.statusId ?? '');
			return !status || !['done', 'cancelled'].includes(status.meaning);
		})
		.map((entry) => ({ id: entry.node.id, title: itemName(entry.node, entry.level), deadline: entry.node.deadlineText ?? '', responsible: entry.node.responsibles.map(responsibleLabel).join(', ') }));

	const missing = new Map<string, { title: string; id: string }[]>();
	for (const entry of all.filter((candidate) => candidate.level.followUp !== 'none' && !reports.has(candidate.node.id))) {
		const names = entry.node.responsibles.length ? entry.node.responsibles.map((responsible) => responsible.name) : [locale === 'en' ? '(no one)' : '(ingen angiven)'];
		for (const name of names) missing.set(name, [...(missing.get(name) ?? []), { id: entry.node.id, title: itemName(entry.node, entry.level) }]);
	}
	const collator = new Intl.Collator('sv');

	const outcome = outcomesByPeriod(measurements, periods);
	const indicators = all.flatMap((entry) =>
		entry.node.indicators.map((indicator) => {
			const { value, evaluation } = outcome(indicator, period.id);
			return { id: indicator.id, nodeId: entry.node.id, name: indicator.name, kind: indicator.kind, unit: indicator.unit, value, evaluation, target: indicator };
		})
	);
	const evaluationCounts = (['met', 'not_met', 'no_value'] as Evaluation[]).map((evaluation) => ({
		evaluation,
		count: indicators.filter((indicator) => indicator.evaluation === evaluation).length
	}));

	const chartRows = perTopLevel.map((row, index) => ({ ...row, ref: tree[index].node.ref }));
	return {
		perTopLevel: { columns: columns.map(pick), rows: perTopLevel.map((row) => ({ ...row, cells: columns.map((column) => row.counts[column.id]) })) },
		chart: renderStatusChart(chartRows, columns, locale),
		narrowChart: renderStatusChart(chartRows, columns, locale, STATUS_CHART.narrow),
		assessments,
		overdue,
		missing: [...missing.entries()].map(([name, items]) => ({ name, items })).sort((a, b) => b.items.length - a.items.length || collator.compare(a.name, b.name)),
		indicators: indicators.map(({ target: _target, ...indicator }) => indicator),
		evaluationCounts
	};
}

export function pick(value: { id: string; labelSv: string; labelEn: string; colour: string }) {
	return { id: value.id, labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour };
}

/** How the per-area chart is drawn: for the page's full width, and for a phone (its text legible at 300 px). */
const STATUS_CHART = {
	wide: { width: 760, labelWidth: 200, line: 30 },
	narrow: { width: 300, labelWidth: 118, line: 17 }
};

/** A stacked bar per top-level item, drawn on the server as SVG: visible without JavaScript. */
function renderStatusChart(
	rows: { ref: string; title: string; counts: Record<string, number> }[],
	columns: { id: string; labelSv: string; labelEn: string; colour: string }[],
	locale: 'sv' | 'en',
	{ width, labelWidth, line }: (typeof STATUS_CHART)['wide'] = STATUS_CHART.wide
): string {
	if (!rows.length || !columns.length) return '';
	const names = columns.map((column) => (locale === 'en' ? column.labelEn : column.labelSv));
	// Room above the bars for the legend however many rows the statuses' names wrap over.
	const top = legendHeight(names, width) + 24;
	const labels = chartLabels(rows.map(({ ref, title }) => ({ ref, name: ref && title.startsWith(ref) ? title.slice(ref.length).trim() : title })), line);
	// A bar's label of three lines needs more than the usual 44 px.
	const rowHeight = Math.max(44, 12 + 16 * Math.max(...labels.map((label) => label.split('\n').length)));
	return renderChart(
		{
			textStyle: CHART_TEXT,
			legend: { top: 0, textStyle: CHART_TEXT },
			grid: { left: labelWidth + 20, right: 24, top, bottom: 24 },
			xAxis: { type: 'value', minInterval: 1, axisLabel: CHART_TEXT },
			yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { ...CHART_TEXT, width: labelWidth, overflow: 'truncate', lineHeight: 16 } },
			series: columns.map((column, index) => ({
				type: 'bar',
				stack: 'status',
				name: names[index],
				itemStyle: { color: column.colour },
				data: rows.map((row) => row.counts[column.id])
			}))
		},
		width,
		top + 32 + rows.length * rowHeight
	);
}
