import type { Grant } from '../shared/context';
import type { Role } from '../db/schema';

/** Grants from role assignments, given the organisation's unit tree: each covers its unit and every unit below. */export function grantsFrom(
	units: readonly { id: string; parentId: string | null }[],
	assignments: readonly { role: Role; unitId: string }[]
): Grant[] {
	const children = new Map<string | null, string[]>();
	for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
	const roots = new Set(children.get(null) ?? []);
	const below = (unitId: string): Set<string> => {
		const covered = new Set<string>();
		const stack = [unitId];
		while (stack.length) {
			const id = stack.pop()!;
			if (covered.has(id)) continue;
			covered.add(id);
			stack.push(...(children.get(id) ?? []));
		}
		return covered;
	};
	return assignments.map((assignment) => ({
		role: assignment.role,
		units: below(assignment.unitId),
		organisationWide: roots.has(assignment.unitId)
	}));
}
