import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { findAccount } from './account-repository';
import { endSessionsOf } from './sessions';

/** Deactivates an account (someone who has left): they are signed out at once and cannot sign in. Or reactivates it. */
export async function setAccountDisabled(db: Db, ctx: Ctx, accountId: string, disabled: boolean): Promise<void> {
	if (accountId === ctx.actor.id && disabled) throw new DomainError('error_cannot_disable_self', {}, { status: 409 });
	await db.transaction(async (tx) => {
		const account = await findAccount(tx, ctx.tenantId, accountId);
		if (!account) throw notFound();
		await tx.update(accounts).set({ disabled }).where(and(eq(accounts.tenantId, ctx.tenantId), eq(accounts.id, accountId)));
		if (disabled) await endSessionsOf(tx, ctx.tenantId, accountId);
		await recordAudit(tx, ctx, {
			action: disabled ? 'account.disable' : 'account.enable',
			entityType: 'account',
			entityId: accountId,
			before: { disabled: account.disabled },
			after: { disabled }
		});
	});
}
