/** Finding one unit among many by what is typed (client-safe: the unit picker runs it as one types). */
export interface UnitChoice {
	value: string;
	/** What is shown and searched: the unit's name and its kind, "Lindskolan F–6 (Skolenhet)". */
	label: string;
}

const fold = (text: string) => text.normalize('NFC').toLocaleLowerCase('sv');

/**
 * The choices whose label has every word typed (in any order, any case), those whose label starts
 * with the first word first; at most `limit` of them, and how many more there were.
 */
export function matchUnits<T extends UnitChoice>(choices: readonly T[], query: string, limit = 50): { shown: T[]; more: number } {
	const words = fold(query).split(/\s+/).filter(Boolean);
	const found = choices.filter((choice) => {
		const label = fold(choice.label);
		return words.every((word) => label.includes(word));
	});
	const first = words[0];
	const ordered = first ? [...found.filter((choice) => fold(choice.label).startsWith(first)), ...found.filter((choice) => !fold(choice.label).startsWith(first))] : found;
	return { shown: ordered.slice(0, limit), more: Math.max(0, ordered.length - limit) };
}
