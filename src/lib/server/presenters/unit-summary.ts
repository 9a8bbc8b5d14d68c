import type { Unit } from '../organisation/organisation-repository';

/** A unit as the API gives it: its place in the tree, kind, and what the school unit register says of it. */
export function presentUnitSummary(unit: Unit) {
	return {
		id: unit.id,
		parentId: unit.parentId,
		kind: unit.kind,
		name: unit.name,
		shortName: unit.shortName,
		schoolUnitCode: unit.schoolUnitCode,
		schoolForms: unit.schoolForms,
		municipalityCode: unit.municipalityCode,
		closedOn: unit.closedOn
	};
}
