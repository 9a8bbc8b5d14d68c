import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts, passwordResets } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { sendMail } from '../app/mailer';
import { DomainError } from '../shared/domain-error';
import { findAccountByEmail } from './account-repository';
import { checkPasswordStrength, hashPassword } from './passwords';
import { hashSecret, joinCredential, newSecret, splitCredential } from './secrets';
import { endSessionsOf } from './sessions';

const RESET_HOURS = 1;
const INVITATION_DAYS = 7;

/** Stores a one-time link for an account and returns the path that uses it. Only the newest link works. */
export async function issuePasswordLink(tx: Db, tenantId: string, accountId: string, validHours: number): Promise<string> {
	await voidPasswordLinks(tx, tenantId, accountId);
	const secret = newSecret();
	await tx.insert(passwordResets).values({
		tenantId,
		accountId,
		tokenHash: hashSecret(secret),
		expiresAt: new Date(Date.now() + validHours * 3_600_000)
	});
	return `/password/reset?token=${encodeURIComponent(joinCredential(tenantId, secret))}`;
}

/**
 * Mails a link to set a new password. Says nothing about whether the address has an account: the
 * caller shows the same answer either way.
 */
export async function requestPasswordReset(db: Db, tenantId: string, email: string, origin: string): Promise<void> {
	const account = await findAccountByEmail(db, tenantId, email);
	if (!account || account.disabled) return;
	const path = await db.transaction((tx) => issuePasswordLink(tx, tenantId, account.id, RESET_HOURS));
	await sendMail({
		to: account.email,
		subject: 'Nytt lösenord till Styrkedjan',
		text: `Hej!\n\nNågon (förhoppningsvis du) har bett om ett nytt lösenord till Styrkedjan. Följ länken inom en timme för att välja ett:\n\n${origin}${path}\n\nHar du inte bett om det kan du bortse från det här meddelandet.\n`
	});
}

export async function sendInvitation(db: Db, tenantId: string, accountId: string, email: string, inviter: string, origin: string): Promise<void> {
	const path = await db.transaction((tx) => issuePasswordLink(tx, tenantId, accountId, INVITATION_DAYS * 24));
	await sendMail({
		to: email,
		subject: 'Du är inbjuden till Styrkedjan',
		text: `Hej!\n\n${inviter} har bjudit in dig till Styrkedjan. Följ länken inom ${INVITATION_DAYS} dagar för att välja ett lösenord:\n\n${origin}${path}\n`
	});
}

/**
 * Every outstanding link of the account stops working: called when a newer link is sent and
 * whenever the password changes, so an older mail can never set the password again.
 */
export async function voidPasswordLinks(tx: Db, tenantId: string, accountId: string): Promise<void> {
	await tx
		.delete(passwordResets)
		.where(and(eq(passwordResets.tenantId, tenantId), eq(passwordResets.accountId, accountId), isNull(passwordResets.usedAt)));
}

/**
 * Sets the password through a link. The link is spent in one statement that only an unused,
 * unexpired link passes, so of parallel uses exactly one succeeds; every other link and every
 * session of the account end.
 */
export async function resetPassword(db: Db, token: string, password: string): Promise<void> {
	checkPasswordStrength(password);
	const credential = splitCredential(token);
	if (!credential) throw new DomainError('error_reset_link_invalid');
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		const now = new Date();
		const [link] = await tx
			.update(passwordResets)
			.set({ usedAt: now })
			.where(
				and(
					eq(passwordResets.tenantId, credential.tenantId),
					eq(passwordResets.tokenHash, hashSecret(credential.secret)),
					isNull(passwordResets.usedAt),
					gt(passwordResets.expiresAt, now)
				)
			)
			.returning({ tenantId: passwordResets.tenantId, accountId: passwordResets.accountId });
		if (!link) throw new DomainError('error_reset_link_invalid');
		await voidPasswordLinks(tx, link.tenantId, link.accountId);
		await tx
			.update(accounts)
			.set({ passwordHash, failedLogins: 0, lockedUntil: null })
			.where(and(eq(accounts.tenantId, link.tenantId), eq(accounts.id, link.accountId)));
		await endSessionsOf(tx, link.tenantId, link.accountId);
		await recordAudit(tx, { tenantId: link.tenantId, actor: { id: link.accountId, name: 'password link', grants: [] } }, {
			action: 'account.set_password',
			entityType: 'account',
			entityId: link.accountId
		});
	});
}
