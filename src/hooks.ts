import type { Transport } from '@sveltejs/kit';
import { isRenderOnly } from '$lib/render-only';

export const transport: Transport = {
	// A server-rendered page's data (src/lib/render-only.ts): a placeholder in the HTML, never decoded (no hydration).
	RenderOnly: { encode: (value) => isRenderOnly(value) && [], decode: () => undefined }
};
