/** Headers every response carries. Svelte's inline hydration script is allowed by the CSP in svelte.config.js. */
export function securityHeaders(headers: Headers): void {
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	set('X-Content-Type-Options', 'nosniff');
	set('Referrer-Policy', 'strict-origin-when-cross-origin');
	set('X-Frame-Options', 'DENY');
	set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}
