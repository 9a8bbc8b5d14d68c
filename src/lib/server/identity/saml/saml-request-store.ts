import { and, eq, gt, lt } from 'drizzle-orm';
import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import type { Db } from '../../db/client';
import { samlRequests } from '../../db/schema';

/** How long an AuthnRequest may be answered: the IdP's sign-in page is left open no longer. */
export const REQUEST_MINUTES = 10;

/**
 * node-saml's store of the AuthnRequest ids it sent (for InResponseTo), in the database so any app
 * server can take the answer, per organisation. An id is found only while it is younger than
 * REQUEST_MINUTES, and node-saml removes it once an answer to it has been read (used once).
 *
 * `startedHere`: reading an answer, the id of the request the answering browser started (its cookie,
 * set by /auth/saml/<organisation>/start). Only that id is found: an answer to a request started in
 * another browser — an attacker's own sign-in posted into a victim's browser (login CSRF) — is not.
 */
export function samlRequestStore(db: Db, tenantId: string, startedHere?: string): CacheProvider {
	const of = (key: string) => and(eq(samlRequests.tenantId, tenantId), eq(samlRequests.requestId, key));
	const fresh = () => new Date(Date.now() - REQUEST_MINUTES * 60_000);
	return {
		async saveAsync(key: string, value: string): Promise<CacheItem | null> {
			if (key.length > 256) return null;
			// Old, unanswered requests of the organisation go as new ones come.
			await db.delete(samlRequests).where(and(eq(samlRequests.tenantId, tenantId), lt(samlRequests.createdAt, fresh())));
			const [row] = await db.insert(samlRequests).values({ tenantId, requestId: key }).onConflictDoNothing().returning();
			return row ? { value, createdAt: row.createdAt.getTime() } : null;
		},
		async getAsync(key: string): Promise<string | null> {
			if (key.length > 256 || (startedHere !== undefined && key !== startedHere)) return null;
			const [row] = await db.select({ createdAt: samlRequests.createdAt }).from(samlRequests).where(and(of(key), gt(samlRequests.createdAt, fresh())));
			return row ? row.createdAt.toISOString() : null;
		},
		async removeAsync(key: string | null): Promise<string | null> {
			if (!key || key.length > 256) return null;
			const [row] = await db.delete(samlRequests).where(of(key)).returning({ requestId: samlRequests.requestId });
			return row ? row.requestId : null;
		}
	};
}
