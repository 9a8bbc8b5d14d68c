/**
 * Data a page renders on the server only (`export const csr = false`). SvelteKit still serialises a
 * page's data into the HTML for hydration (devalue, about 4.5 ms for the plan page's 2,000-item
 * outline), even when no script will ever read it; a value marked here is written as a
 * placeholder instead (the `transport` hook in src/hooks.ts). Mark only what such a page returns.
 */
const marked = new WeakSet<object>();

export function renderOnly<T extends object>(value: T): T {
	marked.add(value);
	return value;
}

export function isRenderOnly(value: unknown): boolean {
	return typeof value === 'object' && value !== null && marked.has(value);
}
