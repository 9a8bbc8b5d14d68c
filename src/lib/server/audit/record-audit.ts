import { sql, type SQL } from 'drizzle-orm';
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
	await recordAudits(tx, ctx, [entry]);
}

/** Many records at once (an import of many items): one statement per thousand. */
export async function recordAudits(tx: Db, ctx: Ctx, entries: AuditEntry[]): Promise<void> {
	const rows = entries.map((entry) => ({
		tenantId: ctx.tenantId,
		actor: ctx.actor.id,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		planId: entry.planId ?? null,
		before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
		after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after))
	}));
	for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditEvents).values(rows.slice(i, i + 1000));
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
