import type { UnitShare } from '../follow-up/chain-roll-up';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { itemLabel } from './item-name';

/**
 * The roll-up as the page and the API show it: the goals sent down, in the plan's order, each with
 * its units — their assessment (label and colour), analysis, and their work's statuses in the
 * scale's order — and how many units have assessed it.
 */
export function presentChainRollUp(data: PlanData, shares: UnitShare[], scale: ScaleValue[]) {
	const values = new Map(scale.map((value) => [value.id, value]));
	const label = (value: ScaleValue) => ({ labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour });
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const statusOrder = scale.filter((value) => value.kind === 'status');
	return data.nodes
		.filter((node) => shares.some((share) => share.goalId === node.id))
		.map((node) => {
			const units = shares
				.filter((share) => share.goalId === node.id)
				.map((share) => {
					const assessment = share.assessmentId ? values.get(share.assessmentId) : undefined;
					return {
						unitId: share.unitId,
						unitName: share.unitName,
						unitKind: share.unitKind,
						planId: share.planId,
						anchorId: share.anchorId,
						hasPeriod: share.periodId !== null,
						assessment: assessment ? label(assessment) : null,
						analysis: share.analysis,
						activities: share.activities,
						reported: share.reported,
						statuses: statusOrder.filter((value) => share.statuses[value.id]).map((value) => ({ ...label(value), count: share.statuses[value.id] }))
					};
				});
			return { id: node.id, label: itemLabel(node, levels.get(node.levelId)), assessed: units.filter((unit) => unit.assessment).length, units };
		});
}
