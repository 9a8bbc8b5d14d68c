import { readsAsDeadline, splitTrailingDeadline } from '../plans/deadline';

/**
 * A pasted "Ansvar/Klart" cell as the responsible entries and the deadline it holds: the deadline
 * ends the cell ("Skolchef VT25"), or is its last line on its own ("Utvecklingsledare", "okt 24"),
 * or all of it ("VT25": no one named). A cell with no deadline is all responsible.
 */
export function splitResponsibleCell(lines: string[]): { responsible: string[]; deadline: string } {
	const filled = lines.filter(Boolean);
	const last = filled.at(-1);
	if (!last) return { responsible: [], deadline: '' };
	const split = splitTrailingDeadline(last);
	if (split) return { responsible: [...filled.slice(0, -1), split.rest], deadline: split.deadline };
	if (readsAsDeadline(last)) return { responsible: filled.slice(0, -1), deadline: last };
	return { responsible: filled, deadline: '' };
}

/** Whether a column reads as responsible + deadline: at least half its filled cells end in a deadline after a name. */
export function looksLikeResponsibleAndDeadline(cells: string[][]): boolean {
	const filled = cells.filter((cell) => cell.some(Boolean));
	const split = filled.filter((cell) => {
		const { responsible, deadline } = splitResponsibleCell(cell);
		return deadline && responsible.length;
	});
	return split.length > 0 && split.length * 2 >= filled.length;
}
