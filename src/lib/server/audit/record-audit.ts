import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';
import type { Ctx } from '../shared/context';

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId: string;
	planId?: string | null;
	before?: unknown;
	after?: unknown;
}

/** Call inside the transaction of the change, with its handle: the record and the change land together. */
export async function recordAudit(tx: Db, ctx: Ctx, entry: AuditEntry): Promise<void> {
	await tx.insert(auditEvents).values({
		tenantId: ctx.tenantId,
		actor: ctx.actor.id,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		planId: entry.planId ?? null,
		before: entry.before === undefined ? null : toJson(entry.before),
		after: entry.after === undefined ? null : toJson(entry.after)
	});
}

function toJson(value: unknown): unknown {
	return JSON.parse(JSON.stringify(value));
}
