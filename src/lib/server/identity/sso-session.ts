import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts, people } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { createSession } from './sessions';

/**
 * Opens a session for an account that signed in through the organisation's identity provider (OpenID
 * Connect or SAML), in the caller's transaction: the sign-in noted on the account, the session created
 * and the sign-in audited as the person. Returns the session cookie.
 */
export async function openSsoSession(tx: Db, tenantId: string, account: { id: string; personId: string }, how: Record<string, string>, now = new Date()): Promise<string> {
	await tx.update(accounts).set({ lastLoginAt: now, failedLogins: 0 }).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id)));
	const [person] = await tx.select({ name: people.name }).from(people).where(and(eq(people.tenantId, tenantId), eq(people.id, account.personId)));
	const cookie = await createSession(tx, tenantId, account.id, now);
	await recordAudit(tx, { tenantId, actor: { id: account.id, name: person.name, grants: [] } }, { action: 'account.sign_in', entityType: 'account', entityId: account.id, after: how });
	return cookie;
}
