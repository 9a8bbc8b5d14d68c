/** A unit as Kolada matching knows it: its Kolada unit id, and whether a person confirmed it. */
export interface KoladaMatchedUnit {
	koladaOuId: string | null;
	koladaOuConfirmed: boolean;
	name: string;
}

/**
 * Where a plan's indicator is measured in Kolada: at the plan's school unit (its confirmed Kolada
 * unit) where the key figure is published per unit, else at the organisation's municipality. The
 * one rule for the sync, the comparison and a person taking Kolada's value.
 */
export function measuredAt(unit: Pick<KoladaMatchedUnit, 'koladaOuId' | 'koladaOuConfirmed'> | null, hasOuData: boolean | null, municipalityCode: string | null): { place: string | null; atUnit: boolean } {
	const ou = unit?.koladaOuConfirmed && unit.koladaOuId ? unit.koladaOuId : null;
	return ou && hasOuData ? { place: ou, atUnit: true } : { place: municipalityCode, atUnit: false };
}
