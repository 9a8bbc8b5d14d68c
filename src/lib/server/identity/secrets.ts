import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for a cookie, link or API token. Only its hash is ever stored. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Credentials name their organisation ("<tenant id>.<secret>"), so a lookup is always by tenant and
 * hash together. Returns undefined for anything malformed.
 */
export function splitCredential(value: string | undefined | null): { tenantId: string; secret: string } | undefined {
	const match = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
	return match ? { tenantId: match[1], secret: match[2] } : undefined;
}

export function joinCredential(tenantId: string, secret: string): string {
	return `${tenantId}.${secret}`;
}
