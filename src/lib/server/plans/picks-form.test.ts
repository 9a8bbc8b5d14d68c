import { describe, expect, it } from 'vitest';
import { checkPicks, readPicks } from './picks-form';
import { isDomainError } from '../shared/domain-error';
import type { FieldDefinition } from '../frameworks/field-definition';

const field = (key: string, type: FieldDefinition['type']) => ({ key, type }) as FieldDefinition;
const level = { fields: [field('responsible', 'responsible'), field('boards', 'boards')] };
const choices = {
	boards: [{ id: 'b1', name: 'Barn- och ungdomsnämnden', shortName: 'BoU' }],
	people: [
		{ id: 'p1', name: 'Omar Haddad' },
		{ id: 'p2', name: 'Anna Ek' },
		{ id: 'p3', name: 'Anna Ek' }
	],
	roleTitles: ['Planeringschef', 'Utvecklingsledare']
};
const empty = { ref: '', title: 'T', description: '', carriedOver: false, values: {} };

function form(entries: [string, string][]) {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
}
const picks = (entries: [string, string][]) => checkPicks(level, readPicks(level, form(entries), empty), choices).values;
function refusal(entries: [string, string][]) {
	try {
		picks(entries);
	} catch (thrown) {
		if (isDomainError(thrown)) return { code: thrown.code, params: thrown.params, field: thrown.field };
		throw thrown;
	}
	throw new Error('not refused');
}

describe('the item form\'s picks', () => {
	it('keeps role titles picked from the list (with their notes, spelled as the organisation does), people and boards', () => {
		expect(
			picks([
				['field.responsible.roles', 'utvecklingsledare (del 2)'],
				['field.responsible.roles', 'Planeringschef'],
				['field.responsible.people', 'p1'],
				['field.boards', 'b1']
			])
		).toEqual({ responsible: { roles: 'Utvecklingsledare (del 2)\nPlaneringschef', people: ['p1'] }, boards: ['b1'] });
	});

	it('creates a role title only when asked for by its own choice or field', () => {
		expect(picks([['field.responsible.newRoles', 'Kvalitetssamordnare']])).toEqual({
			responsible: { roles: 'Kvalitetssamordnare', people: [] },
			boards: []
		});
		// Asked for, but it exists: the organisation's spelling, not a second title.
		expect(picks([['field.responsible.newRoles', 'planeringschef']]).responsible).toEqual({ roles: 'Planeringschef', people: [] });
	});

	it('refuses a role title that is not the organisation\'s, even sent as a pick (a typo is never created)', () => {
		expect(refusal([['field.responsible.roles', 'Planeringschf']])).toEqual({ code: 'error_role_title_unknown', params: { name: 'Planeringschf' }, field: 'responsible' });
	});

	it('resolves a typed name (the form without JavaScript) to a person or a role title, or refuses it', () => {
		expect(picks([['field.responsible.add', 'omar haddad']]).responsible).toEqual({ roles: '', people: ['p1'] });
		expect(picks([['field.responsible.add', 'Utvecklingsledare (del 3)']]).responsible).toEqual({ roles: 'Utvecklingsledare (del 3)', people: [] });
		expect(picks([['field.boards.add', 'BoU']]).boards).toEqual(['b1']);
		expect(refusal([['field.responsible.add', 'Rektorr']])).toMatchObject({ code: 'error_responsible_unknown', params: { name: 'Rektorr' } });
		expect(refusal([['field.responsible.add', 'Anna Ek']])).toMatchObject({ code: 'error_person_ambiguous' });
		expect(refusal([['field.boards.add', 'KFN']])).toMatchObject({ code: 'error_board_unknown', field: 'boards' });
	});

	it('keeps what was sent for showing the form again, new role titles apart', () => {
		const shown = readPicks(level, form([['field.responsible.newRoles', 'Ny titel'], ['field.responsible.add', 'Rektorr']]), empty).values;
		expect(shown.responsible).toEqual({ roles: '', people: [], newRoles: ['Ny titel'], add: 'Rektorr' });
	});
});
