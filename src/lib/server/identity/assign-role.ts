import { z } from 'zod';
import type { Db } from '../db/client';
import { roleAssignments, ROLES } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findUnit } from '../organisation/organisation-repository';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findAccount } from './account-repository';
import { accountLabels } from './add-account';

const assignRoleInput = z.object({ role: z.enum(ROLES), unitId: z.uuid() });

/** Gives an account a role on a unit (and so on everything under it). */
export async function assignRole(db: Db, ctx: Ctx, accountId: string, input: unknown): Promise<void> {
	const data = parseInput(assignRoleInput, input, accountLabels);
	await db.transaction(async (tx) => {
		if (!(await findAccount(tx, ctx.tenantId, accountId))) throw notFound();
		if (!(await findUnit(tx, ctx.tenantId, data.unitId))) throw new DomainError('error_not_found', {}, { field: 'unitId', status: 404 });
		const inserted = await tx
			.insert(roleAssignments)
			.values({ tenantId: ctx.tenantId, accountId, ...data })
			.onConflictDoNothing()
			.returning();
		if (!inserted.length) throw new DomainError('error_role_already_held', {}, { status: 409 });
		await recordAudit(tx, ctx, { action: 'role.assign', entityType: 'account', entityId: accountId, after: data });
	});
}
