/** Entries per piece of a streamed outline: about 200 kB of HTML, rendered while the previous piece is on its way. */
export const PIECE_ENTRIES = 100;

interface Entry {
	id: string;
	children: Entry[];
}

/**
 * Renders `entries` (with `path`, the ids above them). With `childrenLater`, the one entry given is
 * rendered with that marker in its branch's list instead of its children.
 */
export type RenderEntries<T extends Entry> = (entries: T[], path: string[], childrenLater?: string) => string;

/**
 * The outline's list items in pieces of about `size` entries each, in order: whole branches side by
 * side while they fit, and a branch larger than a piece opened (its item and the start of its list),
 * its children's pieces, and closed again — so no piece, and never the whole, is rendered at once,
 * however the plan is shaped (2,000 items under four perspectives). Lazy: each piece is rendered
 * when the stream asks for it. The pieces joined are the entries rendered in one go.
 */
export function* outlinePieces<T extends Entry>(entries: T[], render: RenderEntries<T>, size = PIECE_ENTRIES, path: string[] = []): Generator<string> {
	let batch: T[] = [];
	let counted = 0;
	for (const entry of entries) {
		const entryCount = countEntries(entry);
		if (entryCount > size) {
			if (batch.length) yield render(batch, path);
			batch = [];
			counted = 0;
			const [opening, closing] = split(render([entry], path, MARKER));
			yield opening;
			yield* outlinePieces(entry.children as T[], render, size, [...path, entry.id]);
			yield closing;
			continue;
		}
		if (counted + entryCount > size && batch.length) {
			yield render(batch, path);
			batch = [];
			counted = 0;
		}
		batch.push(entry);
		counted += entryCount;
	}
	if (batch.length) yield render(batch, path);
}

/** Stands in for a branch's children: unguessable, so no text in a plan (rich text included) can hold it. */
const MARKER = `<!--children-later-${crypto.randomUUID()}-->`;

function split(html: string): [string, string] {
	const at = html.indexOf(MARKER);
	if (at < 0) throw new Error('The outline entry was rendered without the marker for its children');
	return [html.slice(0, at), html.slice(at + MARKER.length)];
}

// Entries are counted once each: a branch's count is asked again at every level above it otherwise.
const counts = new WeakMap<Entry, number>();

function countEntries(entry: Entry): number {
	let count = counts.get(entry);
	if (count === undefined) {
		count = 1;
		for (const child of entry.children) count += countEntries(child);
		counts.set(entry, count);
	}
	return count;
}
