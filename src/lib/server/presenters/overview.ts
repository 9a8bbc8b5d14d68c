import { responsibleLabel } from '../plans/responsible';
import { renderChart } from './charts';
import { CHART_TEXT } from './chart-axis';
import { chartLabels, legendHeight } from './chart-labels';
import { itemLabel, itemName, type NameableItem } from './item-name';
import type { Measurement, ReportState } from '../follow-up/follow-up-repository';
import { outcomesByPeriod, type Evaluation, type IndicatorTarget } from '../follow-up/evaluate-indicator';
import type { Period } from '../follow-up/period-repository';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData, Responsible } from '../plans/plan-repository';
import type { Level } from '../frameworks/framework-repository';
import { buildTree, flattenTree, type TreeEntry } from '../plans/plan-tree';

/** Where an item without a report (or a report without a status) is counted. */
export const NOT_REPORTED = { id: 'none', labelSv: 'Ej rapporterad', labelEn: 'Not reported', colour: '#9ca3af' };

/** An item the overview lists (assessed, overdue or not reported), with what naming it needs and its report in the period. */
export interface OverviewItem extends NameableItem {
	id: string;
	levelId: string;
	followUp: 'status' | 'assessment';
	deadlineText: string | null;
	deadlineDate: string | null;
	responsibles: Responsible[];
	/** The period's report, if any: its status or assessment and analysis. */
	reported: boolean;
	statusId: string | null;
	assessmentId: string | null;
	analysis: string;
}

/**
 * What the overview counts and lists, in the plan's order (linked items counted once, at home): per
 * top-level item the number of status items under it (itself included) per reported status (null:
 * no report or no status); the items that are assessed, those past their deadline, and those not
 * reported — with the rest left out; and every indicator. Read in the database by
 * `loadOverviewTallies` (follow-up/overview-repository.ts), or tallied from a whole plan (documents).
 */
export interface OverviewTallies {
	roots: { node: NameableItem & { id: string; levelId: string }; counts: { statusId: string | null; n: number }[] }[];
	items: OverviewItem[];
	indicators: (IndicatorTarget & { id: string; nodeId: string; name: string; kind: string; unit: string })[];
}

/** The tallies of a whole plan already read (the report's documents have it). */
export function tallyOverview(data: PlanData, period: Period, followUps: ReportState[]): OverviewTallies {
	const reports = new Map(followUps.filter((report) => report.periodId === period.id).map((report) => [report.nodeId, report]));
	const tree = buildTree(data);
	const own = (entries: TreeEntry[]) => flattenTree(entries).filter((entry) => !entry.linked);
	const branches = tree.map((root) => own([root]));
	const roots = tree.map((root, index) => {
		const counts = new Map<string | null, number>();
		for (const entry of branches[index].filter((candidate) => candidate.level.followUp === 'status')) {
			const statusId = reports.get(entry.node.id)?.statusId ?? null;
			counts.set(statusId, (counts.get(statusId) ?? 0) + 1);
		}
		return { node: root.node, counts: [...counts].map(([statusId, n]) => ({ statusId, n })) };
	});
	const all = branches.flat();
	const items = all.flatMap(({ node, level }): OverviewItem[] => {
		if (level.followUp === 'none') return [];
		const report = reports.get(node.id);
		return [{ ...node, followUp: level.followUp, reported: report !== undefined, statusId: report?.statusId ?? null, assessmentId: report?.assessmentId ?? null, analysis: report?.analysis ?? '' }];
	});
	return { roots, items, indicators: all.flatMap((entry) => entry.node.indicators) };
}

/**
 * The overview of a plan in a period: status per top-level item, assessments, overdue items,
 * missing reports per responsible, indicators against their targets. Linked items count once.
 */
export function presentOverview(data: PlanData, periods: Period[], period: Period, followUps: ReportState[], measurements: Measurement[], scale: ScaleValue[], locale: 'sv' | 'en') {
	return presentOverviewTallies(tallyOverview(data, period, followUps), data.framework.levels, periods, period, measurements, scale, locale);
}

export function presentOverviewTallies(
	tallies: OverviewTallies,
	levelList: Level[],
	periods: Period[],
	period: Period,
	measurements: Measurement[],
	scale: ScaleValue[],
	locale: 'sv' | 'en'
) {
	const levels = new Map(levelList.map((level) => [level.id, level]));
	const values = new Map(scale.map((value) => [value.id, value]));
	const statuses = scale.filter((value) => value.kind === 'status');

	const perTopLevel = tallies.roots.map(({ node, counts: tallied }) => {
		const counts = Object.fromEntries([...statuses, NOT_REPORTED].map((status) => [status.id, 0]));
		for (const { statusId, n } of tallied) counts[statusId ?? 'none'] += n;
		return { id: node.id, title: itemLabel(node, levels.get(node.levelId)), counts, total: tallied.reduce((sum, { n }) => sum + n, 0) };
	});
	const columns = [...statuses, NOT_REPORTED].filter((status) => perTopLevel.some((row) => row.counts[status.id] > 0));
	const name = (item: OverviewItem) => itemName(item, levels.get(item.levelId));

	const assessments = tallies.items
		.filter((item) => item.followUp === 'assessment')
		.map((item) => {
			const value = item.assessmentId ? values.get(item.assessmentId) : undefined;
			return { id: item.id, title: name(item), value: value ? pick(value) : null, analysis: item.analysis };
		});

	const asOf = period.asOf;
	const overdue = tallies.items
		.filter((item) => item.followUp === 'status' && item.deadlineDate && item.deadlineDate < asOf)
		.filter((item) => {
			const status = values.get(item.statusId ?? '');
			return !status || !['done', 'cancelled'].includes(status.meaning);
		})
		.map((item) => ({ id: item.id, title: name(item), deadline: item.deadlineText ?? '', responsible: item.responsibles.map(responsibleLabel).join(', ') }));

	const missing = new Map<string, { title: string; id: string }[]>();
	for (const item of tallies.items.filter((candidate) => !candidate.reported)) {
		const names = item.responsibles.length ? item.responsibles.map((responsible) => responsible.name) : [locale === 'en' ? '(no one)' : '(ingen angiven)'];
		for (const who of names) {
			const list = missing.get(who);
			if (list) list.push({ id: item.id, title: name(item) });
			else missing.set(who, [{ id: item.id, title: name(item) }]);
		}
	}
	const collator = new Intl.Collator('sv');

	const outcome = outcomesByPeriod(measurements, periods);
	const indicators = tallies.indicators.map((indicator) => {
		const { value, evaluation } = outcome(indicator, period.id);
		return { id: indicator.id, nodeId: indicator.nodeId, name: indicator.name, kind: indicator.kind, unit: indicator.unit, value, evaluation };
	});
	const evaluationCounts = (['met', 'not_met', 'no_value'] as Evaluation[]).map((evaluation) => ({
		evaluation,
		count: indicators.filter((indicator) => indicator.evaluation === evaluation).length
	}));

	const chartRows = perTopLevel.map((row, index) => ({ ...row, ref: tallies.roots[index].node.ref }));
	return {
		perTopLevel: { columns: columns.map(pick), rows: perTopLevel.map((row) => ({ ...row, cells: columns.map((column) => row.counts[column.id]) })) },
		chart: renderStatusChart(chartRows, columns, locale),
		narrowChart: renderStatusChart(chartRows, columns, locale, STATUS_CHART.narrow),
		assessments,
		overdue,
		missing: [...missing.entries()].map(([who, items]) => ({ name: who, items })).sort((a, b) => b.items.length - a.items.length || collator.compare(a.name, b.name)),
		indicators,
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
