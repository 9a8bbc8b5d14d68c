import { describe, expect, it } from 'vitest';
import { plansOfUnit } from './plans-of-unit';

const units = [
	{ id: 'kommun', parentId: null },
	{ id: 'forvaltning', parentId: 'kommun' },
	{ id: 'omrade', parentId: 'forvaltning' },
	{ id: 'norrskolan', parentId: 'omrade' },
	{ id: 'soderskolan', parentId: 'forvaltning' }
];
const plans = [
	{ id: 'p1', ownerUnitId: 'kommun' },
	{ id: 'p2', ownerUnitId: 'forvaltning' },
	{ id: 'p3', ownerUnitId: 'norrskolan' },
	{ id: 'p4', ownerUnitId: 'soderskolan' },
	{ id: 'p5', ownerUnitId: 'omrade' }
];
const ids = (result: { plans: { id: string }[] }) => result.plans.map((plan) => plan.id);

describe('plansOfUnit', () => {
	it("keeps the plans of the unit and of every unit below it, in the list's order", () => {
		expect(ids(plansOfUnit(plans, units, 'omrade'))).toEqual(['p3', 'p5']);
		expect(ids(plansOfUnit(plans, units, 'forvaltning'))).toEqual(['p2', 'p3', 'p4', 'p5']);
		expect(ids(plansOfUnit(plans, units, 'soderskolan'))).toEqual(['p4']);
		expect(plansOfUnit(plans, units, 'omrade').unit).toEqual(units[2]);
	});

	it('a unit with no plans below it gives an empty list', () => {
		expect(ids(plansOfUnit(plans, [...units, { id: 'ny', parentId: 'kommun' }], 'ny'))).toEqual([]);
	});

	it('filters nothing for no unit, or a unit the organisation does not have', () => {
		for (const unitId of [null, undefined, '', 'okand']) {
			const result = plansOfUnit(plans, units, unitId);
			expect(ids(result)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
			expect(result.unit).toBeUndefined();
		}
	});
});
