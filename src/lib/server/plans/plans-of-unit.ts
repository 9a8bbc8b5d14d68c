import { unitsUnder, type TreeUnit } from '../organisation/unit-tree';

/**
 * The plans list for one unit (the plans page's `?unit=`): the plans owned by the unit and by every
 * unit below it. A unit the organisation does not have (or none asked for) filters nothing, and
 * `unit` is then undefined.
 */
export function plansOfUnit<P extends { ownerUnitId: string }, U extends TreeUnit>(
	plans: readonly P[],
	units: readonly U[],
	unitId: string | null | undefined
): { plans: P[]; unit: U | undefined } {
	const unit = unitId ? units.find((each) => each.id === unitId) : undefined;
	if (!unit) return { plans: [...plans], unit: undefined };
	const below = unitsUnder(units)(unit.id);
	return { plans: plans.filter((plan) => below.has(plan.ownerUnitId)), unit };
}
