import type { Db } from '../db/client';
import { actorNames } from '../audit/audit-repository';
import { outcomesByPeriod } from '../follow-up/evaluate-indicator';
import { listMeasurements, listRevisions } from '../follow-up/follow-up-repository';
import { listFollowUpsOfItems } from '../follow-up/item-follow-ups';
import { listPeriods } from '../follow-up/period-repository';
import { listScale } from '../follow-up/scales';
import type { PlanData, PlanNode } from '../plans/plan-repository';
import type { SkeletonNode } from '../plans/outline-repository';
import { renderChart } from './charts';
import { CHART_TEXT, fittedRange } from './chart-axis';
import { itemLabel } from './item-name';

/**
 * An item's follow-up, period by period: its report and every earlier version of it, its
 * indicators' outcomes evaluated against their targets, and (for goals) the reported status of the
 * activities under it — what an assessment is made from.
 */
export async function presentItemFollowUp(db: Db, tenantId: string, data: { plan: PlanData['plan']; framework: PlanData['framework']; nodes: SkeletonNode[] }, node: PlanNode) {
	// Everything under the item, also through links: a goal is assessed from all its activities.
	const under = new Set<string>([node.id]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const candidate of data.nodes) {
			if (under.has(candidate.id)) continue;
			if ((candidate.parentId && under.has(candidate.parentId)) || candidate.linkedParentIds.some((id) => under.has(id))) {
				under.add(candidate.id);
				grew = true;
			}
		}
	}
	// Only the reports of the item and of what is under it (the whole plan's, with their comments, were read before).
	const [periods, followUps, measurements, scale] = await Promise.all([
		listPeriods(db, tenantId, data.plan.id),
		listFollowUpsOfItems(db, tenantId, data.plan.id, [...under]),
		listMeasurements(db, tenantId, data.plan.id),
		listScale(db, tenantId)
	]);
	under.delete(node.id);
	const values = new Map(scale.map((value) => [value.id, value]));
	const outcome = outcomesByPeriod(measurements, periods);
	const show = (id: string | null) => {
		const value = id ? values.get(id) : undefined;
		return value ? { labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour } : null;
	};
	const own = followUps.filter((followUp) => followUp.nodeId === node.id);
	const revisions = await listRevisions(db, tenantId, own.map((followUp) => followUp.id));
	const names = await actorNames(db, tenantId, [...new Set([...revisions.map((revision) => revision.changedBy), ...own.map((followUp) => followUp.updatedBy)])]);
	const children = data.nodes.filter((candidate) => under.has(candidate.id));
	const reportOf = new Map(followUps.map((followUp) => [`${followUp.nodeId}/${followUp.periodId}`, followUp]));
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));

	return periods.map((period) => {
		const report = own.find((followUp) => followUp.periodId === period.id);
		return {
			id: period.id,
			name: period.name,
			dueOn: period.dueOn,
			closed: period.closedAt !== null,
			report: report && {
				version: report.version,
				value: show(report.statusId ?? report.assessmentId),
				valueId: report.statusId ?? report.assessmentId,
				comment: report.comment,
				analysis: report.analysis,
				by: names.get(report.updatedBy) ?? report.updatedBy,
				at: report.updatedAt.toISOString()
			},
			history: revisions
				.filter((revision) => revision.followUpId === report?.id)
				.sort((a, b) => b.version - a.version)
				.map((revision) => ({
					version: revision.version,
					value: show(revision.statusId ?? revision.assessmentId),
					text: revision.comment || revision.analysis,
					by: names.get(revision.changedBy) ?? revision.changedBy,
					at: revision.changedAt.toISOString()
				})),
			indicators: node.indicators.map((indicator) => ({ id: indicator.id, name: indicator.name, kind: indicator.kind, unit: indicator.unit, ...outcome(indicator, period.id) })),
			activities: children
				.filter((child) => levels.get(child.levelId)?.followUp === 'status')
				.map((child) => {
					const childReport = reportOf.get(`${child.id}/${period.id}`);
					return { id: child.id, title: itemLabel(child, levels.get(child.levelId)), value: show(childReport?.statusId ?? null), comment: childReport?.comment ?? '' };
				})
		};
	});
}

export async function scaleChoices(db: Db, tenantId: string, kind: 'status' | 'assessment') {
	return (await listScale(db, tenantId, kind)).filter((value) => !value.retired).map(({ id, labelSv, labelEn, colour }) => ({ id, labelSv, labelEn, colour }));
}

/**
 * Each indicator's values over the periods, as a line between its baseline and its target: chart and
 * table. The value axis is fitted to the values, the target and the baseline (chart-axis.ts).
 */
export function indicatorTrends(
	periods: { id: string; name: string }[],
	node: PlanNode,
	measurements: { indicatorId: string; periodId: string; value: string; source?: string; sourceStatus?: string | null }[],
	locale: 'sv' | 'en' = 'sv'
) {
	const en = locale === 'en';
	return node.indicators
		.map((indicator) => {
			const points = periods.map((period) => {
				const measurement = measurements.find((m) => m.indicatorId === indicator.id && m.periodId === period.id);
				// Where the value came from: typed by a person, or Kolada's (with Kolada's own status of it).
				const provenance = measurement?.source === 'kolada' ? { source: 'kolada' as const, status: measurement.sourceStatus ?? '' } : { source: measurement ? ('manual' as const) : null, status: '' };
				return { period: period.name, periodId: period.id, value: measurement ? Number(measurement.value) : null, ...provenance };
			});
			if (!points.some((point) => point.value !== null)) return null;
			const target = indicator.targetKind === 'value' && indicator.targetValue !== null ? Number(indicator.targetValue) : null;
			const baseline = indicator.baselineValue !== null && indicator.baselineValue !== undefined ? Number(indicator.baselineValue) : null;
			const lines = [
				...(target === null ? [] : [{ yAxis: target, name: en ? 'Target' : 'Målvärde', colour: '#a4161a', type: 'dashed' }]),
				...(baseline === null ? [] : [{ yAxis: baseline, name: en ? 'Baseline' : 'Utgångsvärde', colour: '#4b5563', type: 'dotted' }])
			];
			const range = fittedRange([...points.flatMap((point) => (point.value === null ? [] : [point.value])), ...lines.map((line) => line.yAxis)], { percent: indicator.kind === 'percent' });
			const chart = renderChart(
				{
					textStyle: CHART_TEXT,
					grid: { left: 64, right: 120, top: 24, bottom: 40 },
					xAxis: { type: 'category', data: points.map((point) => point.period), axisLabel: CHART_TEXT },
					yAxis: { type: 'value', axisLabel: CHART_TEXT, ...range },
					series: [
						{
							type: 'line',
							name: indicator.name,
							connectNulls: false,
							symbolSize: 8,
							itemStyle: { color: '#1d5fa8' },
							label: { show: true, position: 'top', ...CHART_TEXT },
							data: points.map((point) => point.value),
							...(lines.length
								? {
										markLine: {
											symbol: 'none',
											data: lines.map((line) => ({
												yAxis: line.yAxis,
												name: line.name,
												lineStyle: { color: line.colour, type: line.type },
												label: { formatter: `${line.name} {c}`, position: 'end', ...CHART_TEXT, color: line.colour }
											}))
										}
									}
								: {})
						}
					]
				},
				760,
				280
			);
			return { id: indicator.id, name: indicator.name, kind: indicator.kind, unit: indicator.unit, target, baseline, points, chart };
		})
		.filter((trend) => trend !== null);
}
