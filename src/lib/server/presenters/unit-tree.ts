import type { Unit } from '../organisation/organisation-repository';

export interface UnitEntry {
	id: string;
	name: string;
	shortName: string | null;
	kind: Unit['kind'];
	depth: number;
}

/** Units in tree order (each under its parent, siblings by name as Swedish readers sort them). */
export function unitTree(units: Unit[]): UnitEntry[] {
	const collator = new Intl.Collator('sv');
	const byParent = new Map<string | null, Unit[]>();
	for (const unit of units) byParent.set(unit.parentId, [...(byParent.get(unit.parentId) ?? []), unit]);
	const result: UnitEntry[] = [];
	const walk = (parentId: string | null, depth: number) => {
		for (const unit of (byParent.get(parentId) ?? []).sort((a, b) => collator.compare(a.name, b.name))) {
			result.push({ id: unit.id, name: unit.name, shortName: unit.shortName, kind: unit.kind, depth });
			walk(unit.id, depth + 1);
		}
	};
	walk(null, 0);
	return result;
}
