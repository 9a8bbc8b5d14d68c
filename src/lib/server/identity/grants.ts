import type { Grant } from '../shared/context';
import type { Role } from '../db/schema';
import { unitsUnder } from '../organisation/unit-tree';

/** Grants from role assignments, given the organisation's unit tree: each covers its unit and every unit below. */
export function grantsFrom(
	units: readonly { id: string; parentId: string | null }[],
	assignments: readonly { role: Role; unitId: string }[]
): Grant[] {
	const roots = new Set(units.filter((unit) => unit.parentId === null).map((unit) => unit.id));
	const below = unitsUnder(units);
	return assignments.map((assignment) => ({
		role: assignment.role,
		units: below(assignment.unitId),
		organisationWide: roots.has(assignment.unitId)
	}));
}
