import { describe, expect, it } from 'vitest';
import { outlinePieces, type RenderEntries } from './outline-pieces';

interface Entry {
	id: string;
	children: Entry[];
}

/** A plan's shape: `widths[0]` roots, each with `widths[1]` children, and so on. */
function tree(widths: number[], prefix = ''): Entry[] {
	if (!widths.length) return [];
	return Array.from({ length: widths[0] }, (_, i) => ({ id: `${prefix}${i}`, children: tree(widths.slice(1), `${prefix}${i}.`) }));
}

/** Renders as the outline does in shape: each entry an item naming its place, its children in a list. */
const render: RenderEntries<Entry> = (entries, path, childrenLater) =>
	entries
		.map((entry) => {
			const inside = childrenLater ?? render(entry.children, [...path, entry.id]);
			return `<li id="${[...path, entry.id].join('/')}">${entry.children.length ? `<ol>${inside}</ol>` : ''}</li>`;
		})
		.join('');

const entriesIn = (html: string) => html.split('<li').length - 1;

describe('the outline in pieces', () => {
	it('joins to the outline rendered at once, whatever its shape', () => {
		for (const widths of [[4, 2, 3, 4, 17], [1, 1, 1, 1, 250], [300], [3, 40], [1]]) {
			const roots = tree(widths);
			expect(outlinePieces(roots, render, 100).toArray().join(''), widths.join('×')).toBe(render(roots, []));
		}
	});

	it('renders no more than about a piece at a time, even under one huge branch', () => {
		for (const widths of [[4, 2, 3, 4, 17], [1, 1, 1, 1, 250], [300]]) {
			const pieces = outlinePieces(tree(widths), render, 100).toArray();
			expect(Math.max(...pieces.map(entriesIn)), widths.join('×')).toBeLessThanOrEqual(100);
			expect(pieces.length).toBeGreaterThan(2);
		}
	});

	it('renders a piece only when it is asked for', () => {
		let rendered = 0;
		const counting: RenderEntries<Entry> = (entries, path, later) => {
			rendered += 1;
			return render(entries, path, later);
		};
		const pieces = outlinePieces(tree([10, 50]), counting, 100);
		expect(rendered).toBe(0);
		pieces.next();
		expect(rendered).toBe(1);
	});

	it('gives nothing for an empty outline', () => {
		expect(outlinePieces([], render).toArray()).toEqual([]);
	});
});
