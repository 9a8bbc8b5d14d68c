import { DomainError } from '../../shared/domain-error';
import { readBoundedBytes } from '../../shared/bounded-json';
import { MAX_METADATA_BYTES } from './parse-idp-metadata';

export const METADATA_TIMEOUT_SECONDS = 10;

/**
 * An identity provider's metadata fetched from its address: https (plain http only on this machine,
 * as for OpenID Connect), no redirects, answered within ten seconds, read up to 256 kB and no further.
 */
export async function fetchIdpMetadata(address: string, timeoutSeconds = METADATA_TIMEOUT_SECONDS): Promise<string> {
	const refuse = (code: string, params: Record<string, string> = {}) => new DomainError(`error_saml_metadata_${code}`, params, { field: 'metadataUrl' });
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		throw refuse('url_invalid');
	}
	const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	if (url.protocol !== 'https:' && !local) throw refuse('url_invalid');
	const signal = AbortSignal.timeout(timeoutSeconds * 1000);
	const timedOut = () => refuse('timeout', { seconds: String(timeoutSeconds) });
	let response: Response;
	try {
		response = await fetch(url, { signal, redirect: 'error', headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } });
	} catch {
		throw signal.aborted ? timedOut() : refuse('fetch_failed', { status: '–' });
	}
	if (!response.ok) {
		await response.body?.cancel().catch(() => undefined);
		throw refuse('fetch_failed', { status: String(response.status) });
	}
	const bytes = await readBoundedBytes(response, MAX_METADATA_BYTES, {
		tooLarge: () => refuse('too_large', { max: '256 kB' }),
		interrupted: () => (signal.aborted ? timedOut() : refuse('fetch_failed', { status: String(response.status) }))
	});
	return bytes.toString('utf8');
}
