import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { sessions } from '../db/schema';
import { hashSecret, joinCredential, newSecret, splitCredential } from './secrets';

export const SESSION_COOKIE = 'styrkedjan_session';
export const SESSION_HOURS = 12;
/** last_seen_at is refreshed at most this often, so reading pages does not write on every request. */
const TOUCH_AFTER_MS = 5 * 60_000;

/** Opens a session; returns the cookie value (the only place the secret exists). */
export async function createSession(tx: Db, tenantId: string, accountId: string, now = new Date()): Promise<string> {
	const secret = newSecret();
	await tx.insert(sessions).values({
		tenantId,
		tokenHash: hashSecret(secret),
		accountId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000)
	});
	return joinCredential(tenantId, secret);
}

/** The session a cookie names, if it exists and has not expired. Sliding: use extends it. */
export async function resolveSession(db: Db, cookie: string | undefined, now = new Date()) {
	const credential = splitCredential(cookie);
	if (!credential) return undefined;
	const key = and(eq(sessions.tenantId, credential.tenantId), eq(sessions.tokenHash, hashSecret(credential.secret)));
	const [session] = await db.select().from(sessions).where(key);
	if (!session || session.expiresAt <= now) return undefined;
	if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
		await db
			.update(sessions)
			.set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) })
			.where(key);
	}
	return session;
}

export async function endSession(db: Db, cookie: string | undefined): Promise<void> {
	const credential = splitCredential(cookie);
	if (!credential) return;
	await db.delete(sessions).where(and(eq(sessions.tenantId, credential.tenantId), eq(sessions.tokenHash, hashSecret(credential.secret))));
}

export async function endSessionsOf(tx: Db, tenantId: string, accountId: string): Promise<void> {
	await tx.delete(sessions).where(and(eq(sessions.tenantId, tenantId), eq(sessions.accountId, accountId)));
}

export async function removeExpiredSessions(db: Db, now = new Date()): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
