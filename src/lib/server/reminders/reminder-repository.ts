import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import type { ReminderKind, Role } from '../db/schema';
import type { NamingLevel } from '../presenters/item-name';
import { responsiblePeople } from '../plans/responsible-sql';

/**
 * The reminders' reads and the claim on a mail. Each read is one tenant-scoped statement over all the
 * organisation's people at once; who is responsible is plans/responsible-sql.ts's rule (as on
 * "Att rapportera"), unreported is "no follow-up for the item in the period".
 */

/** A person who must report an item still unreported in an open period: one row per person and item. */
export interface ReminderRow {
	personId: string;
	personName: string;
	/** The person's address (else their enabled account's); null: nowhere to send. */
	email: string | null;
	locale: 'sv' | 'en';
	reminders: boolean;
	/** The person has an account that is not disabled. */
	active: boolean;
	periodId: string;
	periodName: string;
	dueOn: string;
	planId: string;
	planTitle: string;
	nodeId: string;
	ref: string;
	title: string;
	description: string;
	fieldValues: Record<string, unknown>;
	level: NamingLevel;
}

/**
 * Unreported items of open periods in plans that are not archived, with the people who must report
 * them. `onlyDue`: only periods a reminder is due for as of `today` — within the organisation's days
 * before the due date, or past it.
 */
export async function listUnreported(db: Db, tenantId: string, today: string, options: { onlyDue: boolean }): Promise<ReminderRow[]> {
	const due = options.onlyDue
		? sql`and (p.due_on < ${today}::date or (t.reminder_days_before > 0 and p.due_on <= ${today}::date + t.reminder_days_before))`
		: sql``;
	return rowsOf<ReminderRow>(
		await db.execute(sql`
			select pe.id as "personId", pe.name as "personName", pe.locale, pe.reminders,
				coalesce(pe.email, acc.email) as email, acc.email is not null as active,
				p.id as "periodId", p.name as "periodName", to_char(p.due_on, 'YYYY-MM-DD') as "dueOn",
				pl.id as "planId", pl.title as "planTitle", n.id as "nodeId", n.ref, n.title, n.description, n.field_values as "fieldValues",
				json_build_object('untitled', l.untitled, 'fields', l.fields, 'descriptionPosition', l.description_position, 'tableColumns', l.table_columns) as level
			from periods p
			join tenants t on t.id = p.tenant_id
			join plans pl on pl.tenant_id = p.tenant_id and pl.id = p.plan_id and pl.state <> 'archived'
			join nodes n on n.tenant_id = p.tenant_id and n.plan_id = p.plan_id
			join levels l on l.tenant_id = n.tenant_id and l.id = n.level_id and l.follow_up <> 'none'
			join ${responsiblePeople(tenantId)} resp on resp.node_id = n.id
			join people pe on pe.tenant_id = p.tenant_id and pe.id = resp.person_id
			left join lateral (
				select a.email from accounts a where a.tenant_id = pe.tenant_id and a.person_id = pe.id and not a.disabled order by a.created_at limit 1
			) acc on true
			where p.tenant_id = ${tenantId} and p.closed_at is null ${due}
				and not exists (select 1 from follow_ups f where f.tenant_id = n.tenant_id and f.node_id = n.id and f.period_id = p.id)
			order by p.due_on, pl.title, p.id, pe.name, pe.id, n.position`)
	);
}

/** How many days before a period's due date the organisation's reporters are reminded. */
export async function findReminderDays(db: Db, tenantId: string): Promise<number> {
	const [row] = rowsOf<{ days: number }>(await db.execute(sql`select reminder_days_before as days from tenants where id = ${tenantId}`));
	return row?.days ?? 7;
}

/** A person who asked for the weekly digest, with their enabled accounts' roles (a strategist has a planner or admin role). */
export interface DigestRecipient {
	personId: string;
	personName: string;
	email: string | null;
	locale: 'sv' | 'en';
	assignments: { role: Role; unitId: string }[];
}

export async function listDigestRecipients(db: Db, tenantId: string): Promise<DigestRecipient[]> {
	return rowsOf<DigestRecipient>(
		await db.execute(sql`
			select pe.id as "personId", pe.name as "personName", pe.locale,
				coalesce(pe.email, min(a.email)) as email,
				coalesce(json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id)) filter (where ra.id is not null), '[]'::json) as assignments
			from people pe
			join accounts a on a.tenant_id = pe.tenant_id and a.person_id = pe.id and not a.disabled
			left join role_assignments ra on ra.tenant_id = a.tenant_id and ra.account_id = a.id
			where pe.tenant_id = ${tenantId} and pe.weekly_digest
			group by pe.id, pe.name, pe.locale, pe.email
			order by pe.name, pe.id`)
	);
}

/**
 * Claims a mail before it is sent, in a statement of its own: true if this run may send it. A claim
 * left 'sending' for an hour (a server that stopped mid-send) may be taken again.
 */
export async function claimMail(db: Db, tenantId: string, personId: string, kind: ReminderKind, subject: string): Promise<boolean> {
	const rows = rowsOf(
		await db.execute(sql`
			insert into reminder_mails (tenant_id, person_id, kind, subject, status) values (${tenantId}, ${personId}, ${kind}, ${subject}, 'sending')
			on conflict (tenant_id, person_id, kind, subject) do update set created_at = now()
				where reminder_mails.status = 'sending' and reminder_mails.created_at < now() - interval '1 hour'
			returning 1 as claimed`)
	);
	return rows.length === 1;
}

export async function markMailSent(db: Db, tenantId: string, personId: string, kind: ReminderKind, subject: string): Promise<void> {
	await db.execute(sql`
		update reminder_mails set status = 'sent', sent_at = now()
		where tenant_id = ${tenantId} and person_id = ${personId} and kind = ${kind} and subject = ${subject}`);
}

/** A mail that could not be sent: the claim goes, so the next run sends it. */
export async function releaseMail(db: Db, tenantId: string, personId: string, kind: ReminderKind, subject: string): Promise<void> {
	await db.execute(sql`
		delete from reminder_mails
		where tenant_id = ${tenantId} and person_id = ${personId} and kind = ${kind} and subject = ${subject} and status = 'sending'`);
}

export interface SentMail {
	personName: string;
	kind: ReminderKind;
	/** The period's name (a reminder) or the ISO week (a digest). */
	subject: string;
	status: 'sending' | 'sent';
	at: string;
}

/** The newest mails, for the administrator's page. */
export async function listSentMails(db: Db, tenantId: string, limit: number): Promise<SentMail[]> {
	return rowsOf<SentMail>(
		await db.execute(sql`
			select pe.name as "personName", m.kind, coalesce(p.name, m.subject) as subject, m.status,
				to_char(coalesce(m.sent_at, m.created_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
			from reminder_mails m
			join people pe on pe.tenant_id = m.tenant_id and pe.id = m.person_id
			left join periods p on p.tenant_id = m.tenant_id and m.kind <> 'digest' and p.id::text = m.subject
			where m.tenant_id = ${tenantId}
			order by coalesce(m.sent_at, m.created_at) desc, pe.name
			limit ${limit}`)
	);
}

/** A person's own settings, for their settings page. */
export async function findPreferences(db: Db, tenantId: string, personId: string) {
	const [row] = rowsOf<{ locale: 'sv' | 'en'; reminders: boolean; weeklyDigest: boolean; email: string | null }>(
		await db.execute(sql`select locale, reminders, weekly_digest as "weeklyDigest", email from people where tenant_id = ${tenantId} and id = ${personId}`)
	);
	return row;
}
