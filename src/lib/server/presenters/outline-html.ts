import { render } from 'svelte/server';
import OutlineEntries from '$lib/components/OutlineEntries.svelte';
import { outlinePieces } from './outline-pieces';
import type { PageEntry } from './plan-page';

/** The outline's list items as Outline.svelte renders them, in pieces (outlinePieces) for a streamed page. */
export function outlineHtmlPieces(roots: PageEntry[], props: { base: string; editable: boolean; returnTo: string; folded: boolean }): Iterable<string> {
	return outlinePieces(roots, (entries, path, childrenLater) => render(OutlineEntries, { props: { ...props, entries, path, childrenLater } }).body);
}
