import { describe, expect, it } from 'vitest';
import { personMatcher } from './person-search';

const person = (name: string, email = 'x@exempel.se', titles: string[] = []) => ({ name, email, roleTitles: titles.map((title) => ({ name: title })) });

describe('the people search', () => {
	it('finds by name, e-mail or role title, case aside, and tells å, ä, ö from a and o', () => {
		const sara = person('Sara Öberg', 'sara.oberg@exempel.se', ['Rektor Norrskolan']);
		expect(personMatcher('öberg')(sara)).toBe(true);
		expect(personMatcher('OBERG@')(sara)).toBe(true);
		expect(personMatcher('rektor norr')(sara)).toBe(true);
		expect(personMatcher('åberg')(sara)).toBe(false);
		expect(personMatcher('sara w')(person('Sara Vik'))).toBe(false);
	});

	it('takes accents as the Swedish collator does, in the text and in the query', () => {
		expect(personMatcher('renee')(person('Renée Lind'))).toBe(true);
		expect(personMatcher('renée')(person('Renee Lind'))).toBe(true);
		expect(personMatcher('müller')(person('Anna Myller'))).toBe(true);
		expect(personMatcher('bjørn')(person('Björn Ek'))).toBe(true);
		expect(personMatcher('bjorn')(person('Björn Ek'))).toBe(false);
	});
});
