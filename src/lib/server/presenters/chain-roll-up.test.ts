import { describe, expect, it } from 'vitest';
import type { UnitShare } from '../follow-up/chain-roll-up';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { parseRollUpView, presentChainRollUp, rollUpChart, rollUpChoices } from './chain-roll-up';

const scaleValue = (id: string, kind: 'status' | 'assessment', labelSv: string, colour: string) => ({ id, kind, labelSv, labelEn: labelSv, colour }) as ScaleValue;
const scale = [
	scaleValue('done', 'status', 'Genomförd', '#1e6b35'),
	scaleValue('met', 'assessment', 'Uppfyllt', '#1e6b35'),
	scaleValue('partly', 'assessment', 'Delvis uppfyllt', '#b45309'),
	scaleValue('not', 'assessment', 'Ej uppfyllt', '#a4161a')
];
const data = {
	framework: { levels: [{ id: 'goal-level', fields: [], nameTemplateSv: '', untitled: false }] },
	nodes: [{ id: 'goal', levelId: 'goal-level', ref: '1', title: 'Trygghet', description: '', fieldValues: {} }]
} as unknown as PlanData;

const share = (unitName: string, values: Partial<UnitShare>): UnitShare => ({
	goalId: 'goal',
	unitId: unitName,
	unitName,
	unitKind: 'school_unit',
	areaId: 'north',
	areaName: 'Skolområde Norr',
	schoolForms: ['GR'],
	planId: `plan-${unitName}`,
	anchorId: `anchor-${unitName}`,
	periodId: `period-${unitName}`,
	assessmentId: null,
	analysis: '',
	activities: 0,
	reported: 0,
	statuses: {},
	responsibles: [],
	...values
});
const shares = [
	share('Östra skolan', { assessmentId: 'not', activities: 4, reported: 4, areaId: 'south', areaName: 'Skolområde Söder', schoolForms: ['GR', 'GRAN'] }),
	share('Ekbacken', { unitKind: 'preschool_unit', schoolForms: ['FS'], assessmentId: 'met', activities: 2, reported: 1 }),
	share('Ängsskolan', { activities: 3, reported: 0 }),
	share('Almskolan', { assessmentId: 'partly', activities: 0 }),
	share('Björkskolan', { assessmentId: 'met', activities: 4, reported: 1, areaId: 'south', areaName: 'Skolområde Söder' })
];
const names = (address: string) => presentChainRollUp(data, shares, scale, parseRollUpView(new URLSearchParams(address)))[0].units.map((unit) => unit.unitName);

describe("the roll-up's view: filters and sorting from the address", () => {
	it('sorts by unit name in Swedish order (å, ä, ö last), either way', () => {
		expect(names('')).toEqual(['Almskolan', 'Björkskolan', 'Ekbacken', 'Ängsskolan', 'Östra skolan']);
		expect(names('sort=unit&order=desc')).toEqual(['Östra skolan', 'Ängsskolan', 'Ekbacken', 'Björkskolan', 'Almskolan']);
	});

	it("sorts by assessment in the scale's order, by share reported; what has none comes last either way, ties by name", () => {
		expect(names('sort=assessment')).toEqual(['Björkskolan', 'Ekbacken', 'Almskolan', 'Östra skolan', 'Ängsskolan']);
		expect(names('sort=assessment&order=desc')).toEqual(['Östra skolan', 'Almskolan', 'Björkskolan', 'Ekbacken', 'Ängsskolan']);
		expect(names('sort=reported')).toEqual(['Ängsskolan', 'Björkskolan', 'Ekbacken', 'Östra skolan', 'Almskolan']);
		expect(names('sort=reported&order=desc')).toEqual(['Östra skolan', 'Ekbacken', 'Björkskolan', 'Ängsskolan', 'Almskolan']);
	});

	it('keeps the units of a kind, an area, a school form; the counts and the spread follow', () => {
		expect(names('kind=preschool_unit')).toEqual(['Ekbacken']);
		expect(names('area=south')).toEqual(['Björkskolan', 'Östra skolan']);
		expect(names('form=GRAN')).toEqual(['Östra skolan']);
		expect(names('area=south&kind=preschool_unit')).toEqual([]);
		const [goal] = presentChainRollUp(data, shares, scale, parseRollUpView(new URLSearchParams('area=north')));
		expect(goal.assessed).toBe(2);
		expect(goal.distribution.map((value) => [value.labelSv, value.count])).toEqual([
			['Uppfyllt', 1],
			['Delvis uppfyllt', 1],
			['Ej uppfyllt', 0]
		]);
	});

	it('ignores what it does not know, and offers the kinds, areas and forms there are', () => {
		expect(parseRollUpView(new URLSearchParams('sort=size&order=up'))).toEqual({ kind: null, area: null, form: null, sort: 'unit', order: 'asc' });
		expect(rollUpChoices(shares)).toEqual({
			kinds: ['school_unit', 'preschool_unit'],
			areas: [
				{ id: 'north', name: 'Skolområde Norr' },
				{ id: 'south', name: 'Skolområde Söder' }
			],
			forms: ['FS', 'GR', 'GRAN']
		});
	});

	it("draws the spread as bars in the scale's colours, with the units not assessed", () => {
		const [goal] = presentChainRollUp(data, shares, scale);
		const svg = rollUpChart(goal, 'sv', 'Inte bedömd');
		for (const text of ['Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Inte bedömd']) expect(svg).toContain(text);
		for (const colour of ['#1e6b35', '#b45309', '#a4161a', '#6b7280']) expect(svg.toLowerCase()).toContain(colour);
		expect(rollUpChart({ ...goal, units: [] }, 'sv', 'Inte bedömd')).toBe('');
	});
});
