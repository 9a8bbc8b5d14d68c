/** Where a sign-in goes when it was not sent anywhere, or was sent somewhere it may not go: the start page. */
export const DEFAULT_TARGET = '/';

/**
 * A redirect target after signing in (or switching language) that stays on this site: a path,
 * resolved with the URL API against the site's origin and refused unless it lands there. Browsers
 * read `/\host` and `\/host` as `//host` (another site), and some servers and proxies decode
 * `%5C` and `%2F` before routing, so a path that reads that way once decoded is refused too.
 * Returns the normalised path with its query and fragment.
 */
export function sameOriginPath(target: string | null | undefined, origin: string, fallback = DEFAULT_TARGET): string {
	if (!target || !target.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(target)) return fallback;
	let url: URL;
	try {
		url = new URL(target, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin) return fallback;
	let decoded: string;
	try {
		decoded = decodeURIComponent(url.pathname);
	} catch {
		return fallback;
	}
	if (url.pathname.startsWith('//') || decoded.startsWith('//') || decoded.includes('\\')) return fallback;
	return url.pathname + url.search + url.hash;
}
