import type { Db } from '../db/client';
import { listUnits } from '../organisation/organisation-repository';
import type { Actor, Grant } from '../shared/context';
import { assignmentsOf } from './account-repository';

/** The actor for a signed-in account: each role assignment covers its unit and every unit below. */
export async function buildActor(db: Db, tenantId: string, account: { id: string; personId?: string }, name: string): Promise<Actor> {
	const [units, assignments] = await Promise.all([listUnits(db, tenantId), assignmentsOf(db, tenantId, [account.id])]);
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
	const grants: Grant[] = assignments.map((assignment) => ({
		role: assignment.role,
		units: below(assignment.unitId),
		organisationWide: roots.has(assignment.unitId)
	}));
	return { id: account.id, name, grants, personId: account.personId };
}
