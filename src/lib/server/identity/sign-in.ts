import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { DomainError } from '../shared/domain-error';
import { findAccountByEmail } from './account-repository';
import { hashPassword, verifyPassword } from './passwords';
import { createSession } from './sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

/**
 * The one answer for a wrong password, an unknown, disabled or password-less account and a locked
 * one, so the answer never tells which accounts exist. It names the lockout rule, so a person
 * who is locked out knows why.
 */
export const signInRefused = () =>
	new DomainError('error_sign_in_failed', { attempts: MAX_FAILED_LOGINS, minutes: LOCKOUT_MINUTES }, { status: 400 });

/** Compared against when no password is checked, so every refusal takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
const checkDecoy = async (password: string) => verifyPassword(await (decoyHash ??= hashPassword('decoy password for timing')), password);

/**
 * Signs in with email and password. Five wrong passwords in a row lock the account for fifteen
 * minutes; while it is locked even the right password is refused. Every attempt is counted in the
 * database *before* the password is checked, in one statement, so parallel attempts (on any number
 * of app servers) cannot all be checked while the count still looks low: at most five passwords
 * are ever compared per lockout. Returns the session cookie value.
 */
export async function signIn(db: Db, tenantId: string, email: string, password: string, now = new Date()): Promise<{ cookie: string; accountId: string }> {
	const account = await findAccountByEmail(db, tenantId, email);
	const key = account && and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id));
	const attempt = key && !account.disabled && account.passwordHash ? await countAccountAttempt(db, key, now) : undefined;
	if (!attempt || attempt.locked) {
		await checkDecoy(password);
		throw signInRefused();
	}
	if (!(await verifyPassword(account!.passwordHash, password))) {
		if (attempt.count >= MAX_FAILED_LOGINS) {
			await db
				.update(accounts)
				.set({ lockedUntil: lockEnd(now) })
				.where(and(key, notLocked(now), sql`${accounts.failedLogins} >= ${MAX_FAILED_LOGINS}`));
		}
		throw signInRefused();
	}
	return db.transaction(async (tx) => {
		// Attempts running beside this one may have locked the account after its count was taken.
		const [opened] = await tx
			.update(accounts)
			.set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
			.where(and(key, notLocked(now)))
			.returning({ id: accounts.id });
		if (!opened) throw signInRefused();
		const cookie = await createSession(tx, tenantId, opened.id, now);
		await recordAudit(tx, { tenantId, actor: { id: opened.id, name: email, grants: [] } }, {
			action: 'account.sign_in',
			entityType: 'account',
			entityId: opened.id,
			after: { method: 'password' }
		});
		return { cookie, accountId: opened.id };
	});
}

const lockEnd = (now: Date) => new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const notLocked = (now: Date) => or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now));

/**
 * Counts the attempt and decides the lock in one statement. The count runs on while the account
 * is locked (every attempt shows) and starts again once a lock has run out. An attempt beyond the
 * allowance locks the account at once: that is what stops the sixth of many parallel guesses.
 */
async function countAccountAttempt(db: Db, key: ReturnType<typeof and>, now: Date): Promise<{ count: number; locked: boolean }> {
	const lockRanOut = sql`${accounts.lockedUntil} <= ${at(now)}`;
	const count = sql`case when ${lockRanOut} then 1 else ${accounts.failedLogins} + 1 end`;
	const [row] = await db
		.update(accounts)
		.set({
			failedLogins: count,
			lockedUntil: sql`case when ${accounts.lockedUntil} > ${at(now)} then ${accounts.lockedUntil}
				when ${count} > ${MAX_FAILED_LOGINS} then ${at(lockEnd(now))} else null end`
		})
		.where(key)
		.returning({ count: accounts.failedLogins, lockedUntil: accounts.lockedUntil });
	if (!row) return { count: 0, locked: true };
	return { count: row.count, locked: row.lockedUntil !== null && row.lockedUntil > now };
}
