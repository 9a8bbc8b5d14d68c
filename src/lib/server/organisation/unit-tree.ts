/** Units as a tree: which are under which (a role on a unit covers them; a plan's goals go down to them). */
export interface TreeUnit {
	id: string;
	parentId: string | null;
}

/** A function giving a unit and every unit below it, for one organisation's units. */
export function unitsUnder(units: readonly TreeUnit[]): (unitId: string) => Set<string> {
	const children = new Map<string | null, string[]>();
	for (const unit of units) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
	return (unitId) => {
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
}
