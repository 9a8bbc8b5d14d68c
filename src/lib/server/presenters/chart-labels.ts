/** Characters on one line of a bar's label (the axis gives labels 200 px at 13 px); a narrow chart gives fewer. */
const LINE = 30;
const LINES = 3;

/**
 * The labels of a chart's bars, one per item: its number and name wrapped over at most three lines
 * at word boundaries (the rest cut with "…"). When long names still read alike after that ("I
 * kommunens förskolor, skolor och fritidshem …" three times), each item with a number is labelled
 * by its number alone; the table beside every chart has the full names.
 */
export function chartLabels(rows: { ref: string; name: string }[], line = LINE): string[] {
	const names = rows.map((row) => wrap(row.name, line));
	if (new Set(names).size === names.length) return rows.map((row) => wrap([row.ref, row.name].filter((part) => part.trim()).join(' '), line));
	return rows.map((row, index) => row.ref.trim() || names[index]);
}

function wrap(text: string, size: number): string {
	const lines: string[] = [];
	let line = '';
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		for (const piece of word.match(new RegExp(`.{1,${size}}`, 'gu')) ?? []) {
			if (line && line.length + 1 + piece.length <= size) line += ` ${piece}`;
			else {
				if (line) lines.push(line);
				line = piece;
			}
		}
	}
	if (line) lines.push(line);
	if (lines.length <= LINES) return lines.join('\n');
	const last = lines[LINES - 1];
	return [...lines.slice(0, LINES - 1), `${last.length < size ? last : last.slice(0, size - 1).trimEnd()}…`].join('\n');
}

/**
 * How tall a chart's legend stands when ECharts wraps its entries (a 25 px key, 5 px, the label at
 * CHART_TEXT's size, 10 px between entries) over rows of the chart's width: what the plot leaves
 * above itself so that nine statuses' names never lie on top of the bars.
 */
export function legendHeight(labels: string[], width: number): number {
	const room = width - 10;
	let rows = 1;
	let used = 0;
	for (const label of labels) {
		const entry = 25 + 5 + Math.ceil(label.length * 7.5);
		if (used && used + 10 + entry > room) {
			rows += 1;
			used = entry;
		} else used += (used ? 10 : 0) + entry;
	}
	return 10 + rows * 14 + (rows - 1) * 10;
}
