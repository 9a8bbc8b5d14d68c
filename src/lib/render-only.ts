/**
 * Data a page renders on the server only (`export const csr = false`). SvelteKit still serialises a
 * page's data into the HTML for hydration (devalue, about 2 ms for the plan page's 2,000-item
 * outline), even when no script will ever read it; a value marked here is written as a
 * placeholder instead (the `transport` hook in src/hooks.ts).
 *
 * A request for the page's data alone (`__data.json`: the client router coming from a page that does
 * run scripts renders the page itself) gets it whole: such a request is never marked.
 */
const marked = new WeakSet<object>();

export function renderOnly<T extends object>(event: { isDataRequest: boolean }, value: T): T {
	if (!event.isDataRequest) marked.add(value);
	return value;
}

export function isRenderOnly(value: unknown): boolean {
	return typeof value === 'object' && value !== null && marked.has(value);
}
