import { and, eq, inArray } from 'drizzle-orm';
import * as messages from '../../paraglide/messages.js';
import type { Db } from '../db/client';
import { apiTokens, chapters, frameworks, indicators, levels, nodes, people, periods, plans, scaleValues, tenants, units } from '../db/schema';
import { isUuid } from '../shared/uuid';
import { itemName } from '../presenters/item-name';
import { auditChanges } from '../presenters/audit-presenter';
import { actorNames, type AuditEvent } from './audit-repository';

/**
 * The audit log read as sentences in the reader's language — "Anna Ek sparade uppföljningen av
 * ”Läsfixare”" — instead of event names and ids: who (a person's or API key's name), what (one
 * message per kind of change) and which (the thing's name now, or as it was when it was removed),
 * with a link to it while it exists. Values that are ids (a status, a period) are named too.
 */

type Locale = 'sv' | 'en';
type MessageFn = (params: Record<string, string>, options: { locale: Locale }) => string;
const message = (key: string): MessageFn | undefined => (messages as unknown as { m: Record<string, MessageFn | undefined> }).m[key];

export interface AuditSentenceChange {
	field: string;
	before: string;
	after: string;
}

export interface AuditLogEntry {
	id: string;
	at: string;
	/** Who, by name (for the table's own column and for filtering by eye). */
	actor: string;
	/** The sentence in three parts, so the thing's name can be a link: `${lead}${name}${tail}`. */
	lead: string;
	name: string;
	tail: string;
	/** Where the thing is now, if it still exists and has a page. */
	href: string | null;
	changes: AuditSentenceChange[];
}

interface Named {
	name: string;
	href: string | null;
}

/** A stand-in for the thing's name while the message is formatted; then the sentence is split at it. */
const MARK = '\u0000';

/** The message key for an event: `follow_up.save` → `audit_did_follow_up_save`. */
export const sentenceKey = (action: string) => `audit_did_${action.replace(/[^a-z]+/g, '_')}`;

/** Items' names as shown everywhere (`itemName`: the title, or for a level without titles its first column), by id. */
export async function itemNames(db: Db, tenantId: string, nodeIds: string[]): Promise<Map<string, { name: string; planId: string }>> {
	const wanted = nodeIds.filter(isUuid);
	if (!wanted.length) return new Map();
	const rows = await db
		.select({ id: nodes.id, planId: nodes.planId, ref: nodes.ref, title: nodes.title, description: nodes.description, fieldValues: nodes.fieldValues, level: levels })
		.from(nodes)
		.innerJoin(levels, and(eq(levels.tenantId, nodes.tenantId), eq(levels.id, nodes.levelId)))
		.where(and(eq(nodes.tenantId, tenantId), inArray(nodes.id, wanted)));
	return new Map(rows.map((row) => [row.id, { name: itemName(row, row.level) || row.ref, planId: row.planId }]));
}

/** Names (and pages) of the things events are about, by entity type, read in one query per type. */
async function thingNames(db: Db, tenantId: string, events: AuditEvent[], locale: Locale): Promise<Map<string, Named>> {
	const ids = (type: string) => [...new Set(events.filter((event) => event.entityType === type).map((event) => event.entityId))];
	const found = new Map<string, Named>();
	const put = (id: string, name: string, href: string | null = null) => found.set(id, { name, href });
	const jobs: Promise<void>[] = [];
	const when = (type: string, read: (wanted: string[]) => Promise<void>) => {
		const wanted = ids(type);
		if (wanted.length) jobs.push(read(wanted));
	};
	when('node', async (wanted) => {
		for (const [id, item] of await itemNames(db, tenantId, wanted)) put(id, item.name, `/plans/${item.planId}/nodes/${id}`);
	});
	when('indicator', async (wanted) => {
		const rows = await db
			.select({ id: indicators.id, name: indicators.name, nodeId: indicators.nodeId, planId: nodes.planId })
			.from(indicators)
			.innerJoin(nodes, and(eq(nodes.tenantId, indicators.tenantId), eq(nodes.id, indicators.nodeId)))
			.where(and(eq(indicators.tenantId, tenantId), inArray(indicators.id, wanted)));
		for (const row of rows) put(row.id, row.name, `/plans/${row.planId}/nodes/${row.nodeId}`);
	});
	when('plan', async (wanted) => {
		const rows = await db.select({ id: plans.id, title: plans.title }).from(plans).where(and(eq(plans.tenantId, tenantId), inArray(plans.id, wanted)));
		for (const row of rows) put(row.id, row.title, `/plans/${row.id}`);
	});
	when('chapter', async (wanted) => {
		const rows = await db.select({ id: chapters.id, title: chapters.title, planId: chapters.planId }).from(chapters).where(and(eq(chapters.tenantId, tenantId), inArray(chapters.id, wanted)));
		for (const row of rows) put(row.id, row.title, `/plans/${row.planId}/chapters/${row.id}`);
	});
	when('period', async (wanted) => {
		const rows = await db.select({ id: periods.id, name: periods.name, planId: periods.planId }).from(periods).where(and(eq(periods.tenantId, tenantId), inArray(periods.id, wanted)));
		for (const row of rows) put(row.id, row.name, `/plans/${row.planId}/follow-up?period=${row.id}`);
	});
	when('framework', async (wanted) => {
		const rows = await db.select({ id: frameworks.id, name: frameworks.name }).from(frameworks).where(and(eq(frameworks.tenantId, tenantId), inArray(frameworks.id, wanted)));
		for (const row of rows) put(row.id, row.name, `/frameworks/${row.id}`);
	});
	when('level', async (wanted) => {
		const rows = await db
			.select({ id: levels.id, sv: levels.nameSv, en: levels.nameEn, frameworkId: levels.frameworkId })
			.from(levels)
			.where(and(eq(levels.tenantId, tenantId), inArray(levels.id, wanted)));
		for (const row of rows) put(row.id, locale === 'en' ? row.en : row.sv, `/frameworks/${row.frameworkId}`);
	});
	when('unit', async (wanted) => {
		const rows = await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, wanted)));
		for (const row of rows) put(row.id, row.name, '/organisation');
	});
	when('tenant', async (wanted) => {
		const rows = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(and(eq(tenants.id, tenantId), inArray(tenants.id, wanted)));
		for (const row of rows) put(row.id, row.name, '/organisation');
	});
	when('scale_value', async (wanted) => {
		const rows = await db.select().from(scaleValues).where(and(eq(scaleValues.tenantId, tenantId), inArray(scaleValues.id, wanted)));
		for (const row of rows) put(row.id, locale === 'en' ? row.labelEn : row.labelSv, `/admin/scales`);
	});
	when('person', async (wanted) => {
		const rows = await db.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.tenantId, tenantId), inArray(people.id, wanted)));
		for (const row of rows) put(row.id, row.name);
	});
	when('account', async (wanted) => {
		for (const [id, name] of await actorNames(db, tenantId, wanted)) put(id, name);
	});
	when('api_token', async (wanted) => {
		const rows = await db.select({ id: apiTokens.id, name: apiTokens.name }).from(apiTokens).where(and(eq(apiTokens.tenantId, tenantId), inArray(apiTokens.id, wanted)));
		for (const row of rows) put(row.id, row.name, '/admin/tokens');
	});
	await Promise.all(jobs);
	return found;
}

/** Ids written in the events' before/after values (a status, a period, a unit) by their names. */
async function valueNames(db: Db, tenantId: string, wanted: string[], locale: Locale): Promise<Map<string, string>> {
	if (!wanted.length) return new Map();
	const [values, periodRows, unitRows] = await Promise.all([
		db.select({ id: scaleValues.id, sv: scaleValues.labelSv, en: scaleValues.labelEn }).from(scaleValues).where(and(eq(scaleValues.tenantId, tenantId), inArray(scaleValues.id, wanted))),
		db.select({ id: periods.id, name: periods.name }).from(periods).where(and(eq(periods.tenantId, tenantId), inArray(periods.id, wanted))),
		db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, wanted)))
	]);
	return new Map([
		...values.map((row) => [row.id, locale === 'en' ? row.en : row.sv] as const),
		...periodRows.map((row) => [row.id, row.name] as const),
		...unitRows.map((row) => [row.id, row.name] as const)
	]);
}

/** The name a removed thing had, from what the event kept of it. */
function keptName(event: AuditEvent): string {
	for (const value of [event.before, event.after]) {
		if (!value || typeof value !== 'object') continue;
		const record = value as Record<string, unknown>;
		for (const key of ['title', 'name', 'labelSv', 'nameSv']) if (typeof record[key] === 'string' && record[key]) return record[key] as string;
	}
	return '';
}

/** Who did it, by name: a person, an API key, or the system's own hands. */
function actorName(actor: string, names: Map<string, string>, locale: Locale): string {
	const named = names.get(actor);
	if (named) return named;
	if (actor === 'demo') return message('audit_actor_demo')!({}, { locale });
	if (actor === 'cli' || actor === 'system') return message('audit_actor_system')!({}, { locale });
	return actor;
}

const FIELD_KEYS: Record<string, string> = {
	title: 'audit_field_title',
	description: 'audit_field_description',
	comment: 'audit_field_comment',
	analysis: 'audit_field_analysis',
	statusId: 'audit_field_status',
	assessmentId: 'audit_field_assessment',
	name: 'audit_field_name',
	value: 'audit_field_value',
	periodId: 'audit_field_period',
	ref: 'audit_field_ref',
	shortName: 'audit_field_short_name',
	labelSv: 'audit_field_label_sv',
	labelEn: 'audit_field_label_en',
	colour: 'audit_field_colour',
	retired: 'audit_field_retired',
	role: 'audit_field_role',
	state: 'audit_field_state'
};

/** The log's rows as sentences in the reader's language. */
export async function describeAuditEvents(db: Db, tenantId: string, events: AuditEvent[], locale: Locale): Promise<AuditLogEntry[]> {
	const changesOf = new Map(events.map((event) => [event.id, auditChanges(event.before, event.after)]));
	const idsInValues = [...new Set([...changesOf.values()].flat().flatMap((change) => [change.before, change.after]).filter(isUuid))];
	const actorIds = [...new Set(events.map((event) => event.actor))];
	const [things, values, actors] = await Promise.all([
		thingNames(db, tenantId, events, locale),
		valueNames(db, tenantId, idsInValues, locale),
		actorNames(db, tenantId, actorIds)
	]);
	const shown = (value: string) => (isUuid(value) ? values.get(value) ?? '' : value);
	const field = (key: string) => {
		const labelKey = FIELD_KEYS[key];
		return labelKey ? message(labelKey)!({}, { locale }) : key;
	};
	return events.map((event) => {
		const thing = things.get(event.entityId);
		const name = thing?.name || keptName(event) || message('audit_unnamed')!({}, { locale });
		const actor = actorName(event.actor, actors, locale);
		const format = message(sentenceKey(event.action)) ?? message('audit_did_other')!;
		const sentence = format({ actor, name: MARK, action: event.action }, { locale });
		const [lead, tail = ''] = sentence.split(MARK);
		const mentionsName = sentence.includes(MARK);
		return {
			id: event.id,
			at: event.at.toISOString(),
			actor,
			lead,
			name: mentionsName ? name : '',
			tail,
			href: mentionsName ? (thing?.href ?? null) : null,
			// Only what a reader knows by name; internal keys and positions are left out.
			changes: (changesOf.get(event.id) ?? [])
				.filter((change) => change.field in FIELD_KEYS)
				.map((change) => ({ field: field(change.field), before: shown(change.before), after: shown(change.after) }))
				.filter((change) => change.before !== change.after)
		};
	});
}
