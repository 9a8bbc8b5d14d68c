import { describe, expect, it } from 'vitest';
import { parseResponsibleText, responsibleLabel } from './responsible';

describe('a responsible entry as written', () => {
	it('keeps a note in brackets apart from the role it qualifies', () => {
		expect(parseResponsibleText('Utvecklingsledare (del 2)')).toEqual({ name: 'Utvecklingsledare', note: 'del 2' });
		expect(parseResponsibleText('  Rektor(för punkt 3) ')).toEqual({ name: 'Rektor', note: 'för punkt 3' });
		expect(parseResponsibleText('Skolchef Gymnasieskola/Vuxenutbildning')).toEqual({ name: 'Skolchef Gymnasieskola/Vuxenutbildning', note: '' });
		expect(parseResponsibleText('Rektor ()')).toEqual({ name: 'Rektor ()', note: '' });
		expect(parseResponsibleText('(del 2)')).toEqual({ name: '(del 2)', note: '' });
		expect(parseResponsibleText('Rektor (F-6) (del 2)')).toEqual({ name: 'Rektor (F-6)', note: 'del 2' });
	});

	it('prints the note in brackets after the name', () => {
		expect(responsibleLabel({ name: 'Utvecklingsledare', note: 'del 2' })).toBe('Utvecklingsledare (del 2)');
		expect(responsibleLabel({ name: 'Rektor', note: '' })).toBe('Rektor');
	});
});
