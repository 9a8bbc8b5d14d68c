import type { UnitShare } from '../follow-up/chain-roll-up';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { itemLabel } from './item-name';
import { renderChart } from './charts';
import { CHART_TEXT } from './chart-axis';

export const ROLL_UP_SORTS = ['unit', 'assessment', 'reported'] as const;
export type RollUpSort = (typeof ROLL_UP_SORTS)[number];

/**
 * Which units the roll-up shows and in what order, as the page's address gives it (`?kind=&area=&form=&sort=&order=`):
 * a unit kind, an area (the units' parent unit), a school form; sorted by unit name, assessment (the
 * scale's order) or the share of the work reported. Unknown values are ignored.
 */
export interface RollUpView {
	kind: string | null;
	area: string | null;
	form: string | null;
	sort: RollUpSort;
	order: 'asc' | 'desc';
}

export function parseRollUpView(params: URLSearchParams): RollUpView {
	const sort = params.get('sort');
	return {
		kind: params.get('kind') || null,
		area: params.get('area') || null,
		form: params.get('form') || null,
		sort: (ROLL_UP_SORTS as readonly string[]).includes(sort ?? '') ? (sort as RollUpSort) : 'unit',
		order: params.get('order') === 'desc' ? 'desc' : 'asc'
	};
}

/** The kinds, areas and school forms the chain's units have, for the filter's choices (areas and forms in Swedish order). */
export function rollUpChoices(shares: UnitShare[]) {
	const collator = new Intl.Collator('sv');
	const areas = new Map(shares.filter((share) => share.areaId).map((share) => [share.areaId!, share.areaName ?? '']));
	return {
		kinds: [...new Set(shares.map((share) => share.unitKind))],
		areas: [...areas].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name)),
		forms: [...new Set(shares.flatMap((share) => share.schoolForms))].sort(collator.compare)
	};
}

const DEFAULT_VIEW: RollUpView = { kind: null, area: null, form: null, sort: 'unit', order: 'asc' };

/**
 * The roll-up as the page and the API show it: the goals sent down, in the plan's order, each with
 * the units the view keeps, in its order — their area, assessment (label and colour), analysis, their
 * work's statuses in the scale's order, and whom to ask about what is not reported — how many have
 * assessed the goal, and how the assessments are spread (every value of the scale, then the units
 * without one).
 */
export function presentChainRollUp(data: PlanData, shares: UnitShare[], scale: ScaleValue[], view: RollUpView = DEFAULT_VIEW) {
	const values = new Map(scale.map((value) => [value.id, value]));
	const label = (value: ScaleValue) => ({ labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour });
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const statusOrder = scale.filter((value) => value.kind === 'status');
	const assessmentOrder = scale.filter((value) => value.kind === 'assessment');
	const rank = new Map(assessmentOrder.map((value, index) => [value.id, index]));
	const collator = new Intl.Collator('sv');
	const kept = (share: UnitShare) =>
		(!view.kind || share.unitKind === view.kind) && (!view.area || share.areaId === view.area) && (!view.form || share.schoolForms.includes(view.form));
	/** The sort's key; undefined (no assessment, no work to report) comes last whichever the order. */
	const key = (share: UnitShare): number | undefined =>
		view.sort === 'assessment' ? (share.assessmentId ? rank.get(share.assessmentId) : undefined) : view.sort === 'reported' ? (share.activities ? share.reported / share.activities : undefined) : undefined;
	const sign = view.order === 'desc' ? -1 : 1;
	const compare = (a: UnitShare, b: UnitShare) => {
		if (view.sort === 'unit') return sign * collator.compare(a.unitName, b.unitName);
		const [x, y] = [key(a), key(b)];
		if (x !== y) {
			if (x === undefined) return 1;
			if (y === undefined) return -1;
			return sign * (x - y);
		}
		return collator.compare(a.unitName, b.unitName);
	};
	return data.nodes
		.filter((node) => shares.some((share) => share.goalId === node.id))
		.map((node) => {
			const units = shares
				.filter((share) => share.goalId === node.id && kept(share))
				.sort(compare)
				.map((share) => {
					const assessment = share.assessmentId ? values.get(share.assessmentId) : undefined;
					return {
						unitId: share.unitId,
						unitName: share.unitName,
						unitKind: share.unitKind,
						areaId: share.areaId,
						areaName: share.areaName,
						schoolForms: share.schoolForms,
						planId: share.planId,
						anchorId: share.anchorId,
						periodId: share.periodId,
						hasPeriod: share.periodId !== null,
						assessment: assessment ? label(assessment) : null,
						analysis: share.analysis,
						activities: share.activities,
						reported: share.reported,
						statuses: statusOrder.filter((value) => share.statuses[value.id]).map((value) => ({ ...label(value), count: share.statuses[value.id] })),
						responsibles: share.responsibles
					};
				});
			const counted = (id: string) => shares.filter((share) => share.goalId === node.id && kept(share) && share.assessmentId === id).length;
			return {
				id: node.id,
				label: itemLabel(node, levels.get(node.levelId)),
				assessed: units.filter((unit) => unit.assessment).length,
				distribution: assessmentOrder.map((value) => ({ ...label(value), count: counted(value.id) })),
				units
			};
		});
}

export type RollUpGoal = ReturnType<typeof presentChainRollUp>[number];

/** Grey for the units without an assessment (passes 3:1 against white, as the scale's colours do). */
const NOT_ASSESSED_COLOUR = '#6b7280';

/**
 * A goal's spread of assessments as a bar per scale value and one for the units without an
 * assessment, in the scale's colours, drawn on the server as SVG; '' when no unit is shown.
 */
export function rollUpChart(goal: RollUpGoal, locale: 'sv' | 'en', notAssessed: string): string {
	if (!goal.units.length) return '';
	const bars = [
		...goal.distribution.map((value) => ({ name: locale === 'en' ? value.labelEn : value.labelSv, colour: value.colour, count: value.count })),
		{ name: notAssessed, colour: NOT_ASSESSED_COLOUR, count: goal.units.length - goal.assessed }
	];
	return renderChart(
		{
			textStyle: CHART_TEXT,
			// Drawn narrow (360) so its 13 px text stays at least 12 px on a 390 px phone; the page keeps it at most 480 px wide.
			grid: { left: 150, right: 32, top: 16, bottom: 32 },
			xAxis: { type: 'value', minInterval: 1, axisLabel: CHART_TEXT },
			yAxis: { type: 'category', inverse: true, data: bars.map((bar) => bar.name), axisLabel: { ...CHART_TEXT, width: 140, overflow: 'break', lineHeight: 16 } },
			series: [
				{
					type: 'bar',
					name: goal.label,
					label: { show: true, position: 'right', ...CHART_TEXT },
					data: bars.map((bar) => ({ value: bar.count, itemStyle: { color: bar.colour } }))
				}
			]
		},
		360,
		48 + bars.length * 44
	);
}
