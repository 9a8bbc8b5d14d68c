import headers from './security-headers.json';

/**
 * Headers every response carries; a response's own value wins. The CSP here is for answers that set
 * none (JSON, redirects, static files, plain pages): it lets nothing load. Rendered pages get
 * SvelteKit's from svelte.config.js (which allows Svelte's hydration script), downloads their own.
 * scripts/serve.js sets the same list on everything served without SvelteKit (static files).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = headers;

export function securityHeaders(target: Headers): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		if (!target.has(name)) target.set(name, value);
	}
}
