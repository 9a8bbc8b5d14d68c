import type { AuditEvent } from '../audit/audit-repository';

export interface AuditChange {
	field: string;
	before: string;
	after: string;
}

export interface PresentedAuditEvent {
	id: string;
	at: string;
	actor: string;
	action: string;
	entityType: string;
	entityId: string;
	planId: string | null;
	changes: AuditChange[];
}

const HIDDEN = new Set(['tenantId', 'version', 'updatedAt', 'createdAt', 'id', 'passwordHash']);

/** What changed, field by field: the values that differ between before and after. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
	const from = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
	const to = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
	const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((key) => !HIDDEN.has(key));
	return keys
		.filter((key) => key in to || after === null || after === undefined)
		.map((key) => ({ field: key, before: show(from[key]), after: show(to[key]) }))
		.filter((change) => change.before !== change.after);
}

function show(value: unknown): string {
	if (value === undefined || value === null || value === '') return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(show).join(', ');
	return JSON.stringify(value);
}

export function presentAuditEvents(events: AuditEvent[], names: Map<string, string>): PresentedAuditEvent[] {
	return events.map((event) => ({
		id: event.id,
		at: event.at.toISOString(),
		actor: names.get(event.actor) ?? event.actor,
		action: event.action,
		entityType: event.entityType,
		entityId: event.entityId,
		planId: event.planId,
		changes: auditChanges(event.before, event.after)
	}));
}
