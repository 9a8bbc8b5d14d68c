/** Characters on one line of a bar's label (the axis gives labels 200 px at 12 px). */
const LINE = 30;
const LINES = 3;

/**
 * The labels of a chart's bars, one per item: its number and name wrapped over at most three lines
 * at word boundaries (the rest cut with "…"). When long names still read alike after that ("I
 * kommunens förskolor, skolor och fritidshem …" three times), each item with a number is labelled
 * by its number alone; the table beside every chart has the full names.
 */
export function chartLabels(rows: { ref: string; name: string }[]): string[] {
	const names = rows.map((row) => wrap(row.name));
	if (new Set(names).size === names.length) return rows.map((row) => wrap([row.ref, row.name].filter((part) => part.trim()).join(' ')));
	return rows.map((row, index) => row.ref.trim() || names[index]);
}

function wrap(text: string): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		for (const piece of word.match(new RegExp(`.{1,${LINE}}`, 'gu')) ?? []) {
			if (line && line.length + 1 + piece.length <= LINE) line += ` ${piece}`;
			else {
				if (line) lines.push(line);
				line = piece;
			}
		}
	}
	if (line) lines.push(line);
	if (lines.length <= LINES) return lines.join('\n');
	const last = lines[LINES - 1];
	return [...lines.slice(0, LINES - 1), `${last.length < LINE ? last : last.slice(0, LINE - 1).trimEnd()}…`].join('\n');
}
