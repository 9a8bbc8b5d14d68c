import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { accounts, apiTokens, auditEvents, people } from '../db/schema';
import { isUuid } from '../shared/uuid';
import { isCalendarDate } from '../shared/calendar-date';

export type AuditEvent = typeof auditEvents.$inferSelect;

export interface AuditFilter {
	/** An account id, "cli", "demo", "api:<token id>". */
	actor?: string;
	entityId?: string;
	/** Dates (yyyy-mm-dd), inclusive; anything else is ignored (readAuditFilter tells the user). */
	from?: string;
	to?: string;
	limit?: number;
}

export async function listAuditEvents(db: Db, tenantId: string, filter: AuditFilter = {}): Promise<AuditEvent[]> {
	const conditions: SQL[] = [eq(auditEvents.tenantId, tenantId)];
	if (filter.actor) conditions.push(eq(auditEvents.actor, filter.actor));
	if (filter.entityId) {
		if (!isUuid(filter.entityId)) return [];
		conditions.push(eq(auditEvents.entityId, filter.entityId));
	}
	// Only real dates: "2025-99-99" made an invalid Date and "9999-12-31" + 1 day a year PostgreSQL cannot read (500s).
	if (filter.from && isCalendarDate(filter.from)) conditions.push(gte(auditEvents.at, new Date(`${filter.from}T00:00:00Z`)));
	if (filter.to && isCalendarDate(filter.to)) {
		conditions.push(lt(auditEvents.at, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
	}
	return db
		.select()
		.from(auditEvents)
		.where(and(...conditions))
		.orderBy(desc(auditEvents.at))
		.limit(filter.limit ?? 200);
}

/** Readable names for the actors in a list of events: people's names, tokens' names. */
export async function actorNames(db: Db, tenantId: string, actors: string[]): Promise<Map<string, string>> {
	const accountIds = actors.filter(isUuid);
	const tokenIds = actors.filter((actor) => actor.startsWith('api:')).map((actor) => actor.slice(4)).filter(isUuid);
	const [accountRows, tokenRows] = await Promise.all([
		accountIds.length
			? db
					.select({ id: accounts.id, name: people.name })
					.from(accounts)
					.innerJoin(people, and(eq(people.tenantId, accounts.tenantId), eq(people.id, accounts.personId)))
					.where(and(eq(accounts.tenantId, tenantId), inArray(accounts.id, accountIds)))
			: [],
		tokenIds.length
			? db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(and(eq(apiTokens.tenantId, tenantId), inArray(apiTokens.id, tokenIds)))
			: []
	]);
	return new Map([...accountRows.map((row) => [row.id, row.name] as const), ...tokenRows.map((row) => [`api:${row.id}`, `API: ${row.name}`] as const)]);
}

/** Everyone who has changed something: for the log's person filter. */
export async function listAuditActors(db: Db, tenantId: string): Promise<string[]> {
	const rows = await db.selectDistinct({ actor: auditEvents.actor }).from(auditEvents).where(eq(auditEvents.tenantId, tenantId));
	return rows.map((row) => row.actor);
}
