import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';
import { isUuid } from '../shared/uuid';
import { isCalendarDate } from '../shared/calendar-date';
import type { AuditEvent } from './audit-repository';

/**
 * The organisation's audit log, a page at a time: newest first, paged by keyset on (at, id) —
 * never by OFFSET, so page 500 costs what page 1 does and a change written meanwhile neither
 * repeats nor skips a row. The cursor names the last (or first) row shown.
 */

/** What a person looks for in the log: the changes of a kind, grouped as people think of them. */
export const AUDIT_KINDS = ['follow_up', 'item', 'plan', 'framework', 'organisation', 'people'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const KIND_PREFIXES: Record<AuditKind, string[]> = {
	follow_up: ['follow_up.', 'measurement.'],
	item: ['node.', 'indicator.'],
	plan: ['plan.', 'chapter.', 'period.'],
	framework: ['framework.', 'level.', 'field.'],
	organisation: ['tenant.', 'unit.', 'scale.'],
	people: ['person.', 'account.', 'role.', 'role_title.', 'api_token.', 'identity_provider.', 'saml_provider.']
};

export function isAuditKind(value: unknown): value is AuditKind {
	return typeof value === 'string' && (AUDIT_KINDS as readonly string[]).includes(value);
}

export interface AuditLogFilter {
	/** An account id, "cli", "demo", "api:<token id>". */
	actor?: string;
	/** Part of an item's name (or an item's id): the changes of the items so named and of their indicators. */
	item?: string;
	kind?: AuditKind;
	/** Dates (yyyy-mm-dd), inclusive; anything else is ignored (readAuditFilter tells the user). */
	from?: string;
	to?: string;
}

export interface AuditPageRequest {
	/** Show the rows older than this cursor (the next page). */
	after?: string;
	/** Show the rows newer than this cursor (the page before). */
	before?: string;
	size?: number;
}

export interface AuditLogPage {
	events: (AuditEvent & { cursor: string })[];
	/** The cursor for the page before (newer rows), or null on the first page. */
	newer: string | null;
	/** The cursor for the next page (older rows), or null on the last page. */
	older: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

/** "2026-11-23T00:31:02.123456|<uuid>": the row's time to the microsecond (as stored) and its id. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6})\|([0-9a-fA-F-]{36})$/;

export function parseCursor(value: string | null | undefined): { at: string; id: string } | null {
	const match = value ? CURSOR.exec(value) : null;
	if (!match || !isUuid(match[2]) || !isCalendarDate(match[1].slice(0, 10)) || Number.isNaN(Date.parse(`${match[1].slice(0, 23)}Z`))) return null;
	return { at: match[1], id: match[2] };
}

const cursorOf = sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' || ${auditEvents.id}::text`;

/** A LIKE pattern matching `text` anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function conditions(tenantId: string, filter: AuditLogFilter): SQL[] {
	const where: SQL[] = [eq(auditEvents.tenantId, tenantId)];
	if (filter.actor) where.push(eq(auditEvents.actor, filter.actor));
	if (filter.kind) {
		where.push(or(...KIND_PREFIXES[filter.kind].map((prefix) => sql`${auditEvents.action} like ${`${prefix.replace(/_/g, '\\_')}%`}`))!);
	}
	const item = filter.item?.trim();
	if (item) {
		if (isUuid(item)) where.push(eq(auditEvents.entityId, item));
		else {
			const pattern = containing(item);
			// Items named so (by title or number), their indicators, and removed items whose last title was so.
			where.push(sql`(${auditEvents.entityId} in (select n.id from nodes n where n.tenant_id = ${tenantId} and (n.title ilike ${pattern} or n.ref ilike ${pattern}))
				or ${auditEvents.entityId} in (select i.id from indicators i join nodes n on n.tenant_id = i.tenant_id and n.id = i.node_id
					where i.tenant_id = ${tenantId} and (n.title ilike ${pattern} or n.ref ilike ${pattern}))
				or (${auditEvents.action} = 'node.delete' and ${auditEvents.before}->>'title' ilike ${pattern}))`);
		}
	}
	// Only real dates: "2025-99-99" made an invalid Date and "9999-12-31" + 1 day a year PostgreSQL cannot read (500s).
	if (filter.from && isCalendarDate(filter.from)) where.push(sql`${auditEvents.at} >= ${`${filter.from}T00:00:00Z`}::timestamptz`);
	if (filter.to && isCalendarDate(filter.to)) where.push(sql`${auditEvents.at} < ${`${filter.to}T00:00:00Z`}::timestamptz + interval '1 day'`);
	return where;
}

/** One page of the log under the filter, by keyset: `after` for older rows, `before` for newer ones. */
export async function listAuditPage(db: Db, tenantId: string, filter: AuditLogFilter = {}, page: AuditPageRequest = {}): Promise<AuditLogPage> {
	const size = Math.min(Math.max(page.size ?? AUDIT_PAGE_SIZE, 1), 200);
	const where = conditions(tenantId, filter);
	const before = parseCursor(page.before);
	const after = before ? null : parseCursor(page.after);
	const key = sql`(${auditEvents.at}, ${auditEvents.id})`;
	if (after) where.push(sql`${key} < (${after.at}::timestamp at time zone 'UTC', ${after.id}::uuid)`);
	if (before) where.push(sql`${key} > (${before.at}::timestamp at time zone 'UTC', ${before.id}::uuid)`);
	const order = before ? [asc(auditEvents.at), asc(auditEvents.id)] : [desc(auditEvents.at), desc(auditEvents.id)];
	const rows = await db
		.select({ event: auditEvents, cursor: cursorOf })
		.from(auditEvents)
		.where(and(...where))
		.orderBy(...order)
		.limit(size + 1);
	const more = rows.length > size;
	const shown = rows.slice(0, size).map((row) => ({ ...row.event, cursor: row.cursor }));
	if (before) shown.reverse();
	const first = shown[0]?.cursor ?? null;
	const last = shown.at(-1)?.cursor ?? null;
	return {
		events: shown,
		newer: before ? (more ? first : null) : after ? first : null,
		older: before ? last : more ? last : null
	};
}
