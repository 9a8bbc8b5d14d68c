import { describe, expect, it } from 'vitest';
import { matchUnits } from './unit-picker';

const units = [
	{ value: 'a', label: 'Barn- och utbildningsnämnden (Nämnd)' },
	{ value: 'b', label: 'Lindskolan F–6 (Skolenhet)' },
	{ value: 'c', label: 'Norrskolan (Skolenhet)' },
	{ value: 'd', label: 'Förskolan Linden (Förskoleenhet)' },
	{ value: 'e', label: 'Östra skolområdet (Skolområde)' }
];

describe('matchUnits', () => {
	it('finds every unit whose name or kind has each word typed, in any case and order', () => {
		expect(matchUnits(units, 'LIND').shown.map((unit) => unit.value)).toEqual(['b', 'd']);
		expect(matchUnits(units, 'skolenhet norr').shown.map((unit) => unit.value)).toEqual(['c']);
		expect(matchUnits(units, 'östra').shown.map((unit) => unit.value)).toEqual(['e']);
		expect(matchUnits(units, 'gymnasiet').shown).toEqual([]);
	});

	it('puts the units whose name starts with what is typed first', () => {
		expect(matchUnits(units, 'förskol').shown.map((unit) => unit.value)).toEqual(['d']);
		expect(matchUnits(units, 'skol').shown.map((unit) => unit.value)).toEqual(['b', 'c', 'd', 'e']);
		expect(matchUnits(units, 'n').shown.map((unit) => unit.value)).toEqual(['c', 'a', 'b', 'd']);
	});

	it('shows every unit for an empty search, at most the limit, and says how many more there are', () => {
		expect(matchUnits(units, '  ').shown).toHaveLength(5);
		expect(matchUnits(units, '', 2)).toEqual({ shown: units.slice(0, 2), more: 3 });
	});
});
