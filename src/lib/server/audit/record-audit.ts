import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
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
	await tx.execute(auditInsert(ctx, entry));
}

/**
 * The audit record as an INSERT … SELECT, so a busy write can carry it in its own statement (as a
 * WITH part, with a WHERE that ties it to the write) instead of a round trip of its own.
 */
export function auditInsert(ctx: Ctx, entry: AuditEntry): SQL {
	return sql`insert into audit_events (tenant_id, actor, action, entity_type, entity_id, plan_id, before, after)
		select ${ctx.tenantId}::uuid, ${ctx.actor.id}, ${entry.action}, ${entry.entityType}, ${entry.entityId}::uuid,
			${entry.planId ?? null}::uuid, ${toJson(entry.before)}::jsonb, ${toJson(entry.after)}::jsonb`;
}

function toJson(value: unknown): string | null {
	return value === undefined ? null : JSON.stringify(value);
}
