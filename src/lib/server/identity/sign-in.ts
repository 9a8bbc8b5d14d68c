import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { DomainError } from '../shared/domain-error';
import { findAccountByEmail } from './account-repository';
import { hashPassword, verifyPassword } from './passwords';
import { createSession } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/** Compared against when no account matches, so a wrong email takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * Signs in with email and password. Five wrong passwords in a row lock the account for fifteen
 * minutes (counted in the database, so every app server sees it). The answer never tells whether
 * the email exists. Returns the session cookie value.
 */
export async function signIn(db: Db, tenantId: string, email: string, password: string, now = new Date()): Promise<{ cookie: string; accountId: string }> {
	const account = await findAccountByEmail(db, tenantId, email);
	if (!account || account.disabled || !account.passwordHash) {
		await verifyPassword(await (decoyHash ??= hashPassword('decoy password for timing')), password);
		throw new DomainError('error_sign_in_failed', {}, { status: 400 });
	}
	if (account.lockedUntil && account.lockedUntil > now) {
		throw new DomainError('error_account_locked', { minutes: Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000) }, { status: 400 });
	}
	const key = and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id));
	if (!(await verifyPassword(account.passwordHash, password))) {
		const failed = account.failedLogins + 1;
		const locked = failed >= MAX_FAILED_LOGINS;
		await db
			.update(accounts)
			.set({ failedLogins: locked ? 0 : failed, lockedUntil: locked ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null })
			.where(key);
		throw locked
			? new DomainError('error_account_locked', { minutes: LOCKOUT_MINUTES }, { status: 400 })
			: new DomainError('error_sign_in_failed', {}, { status: 400 });
	}
	return db.transaction(async (tx) => {
		await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(key);
		const cookie = await createSession(tx, tenantId, account.id, now);
		await recordAudit(tx, { tenantId, actor: { id: account.id, name: email, grants: [] } }, {
			action: 'account.sign_in',
			entityType: 'account',
			entityId: account.id,
			after: { method: 'password' }
		});
		return { cookie, accountId: account.id };
	});
}
