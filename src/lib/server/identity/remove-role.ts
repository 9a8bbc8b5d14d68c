import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { roleAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';

export async function removeRole(db: Db, ctx: Ctx, assignmentId: string): Promise<void> {
	if (!isUuid(assignmentId)) throw notFound();
	await db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(roleAssignments)
			.where(and(eq(roleAssignments.tenantId, ctx.tenantId), eq(roleAssignments.id, assignmentId)))
			.returning();
		if (!removed) throw notFound();
		await recordAudit(tx, ctx, { action: 'role.remove', entityType: 'account', entityId: removed.accountId, before: removed });
	});
}
