import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents, people, reminderMails } from '../db/schema';
import type { Mail } from '../app/mailer';
import { createTestOrganisation, createTestPlan, testDb } from '../testing/factories';
import { addNode } from '../plans/add-node';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { setAccountDisabled } from '../identity/set-account-disabled';
import { addPeriod, setPeriodClosed } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { listScale } from '../follow-up/scales';
import { ALL_UNITS, type Ctx } from '../shared/context';
import type { Role } from '../db/schema';
import { sendReminders } from './send-reminders';
import { sendWeeklyDigests } from './send-weekly-digests';
import { sendRemindersNow } from './send-reminders-now';
import { recentJobRuns } from '../jobs/job-runs';
import { setReminderPreferences } from './set-reminder-preferences';
import { setReminderDays } from './set-reminder-days';
import { previewReminders } from './reminder-preview';
import { ReminderDeliveryError } from './deliver';
import { isoWeek } from './iso-week';
import { freePort } from '../../../../tests/server-process';

/** Monday 27 May 2024, morning in Sweden: Tertial 1 is due on Friday, Delår 1 was due in April. */
const NOW = new Date('2024-05-27T07:00:00Z');
const ORIGIN = 'https://styrkedjan.example.se';

/** A real SMTP server on a port of its own; every message it receives is parsed and kept. */
async function startMailServer(port = 0) {
	const received: ParsedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream).then((mail) => (received.push(mail), callback()), callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = (server as unknown as { server: net.Server }).server.address() as net.AddressInfo;
	return { port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** How the mailer sends, but to the test's server. */
const sender = (port: number) => {
	const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
	return async (mail: Mail) => void (await transport.sendMail({ from: 'Styrkedjan <noreply@styrkedjan.local>', ...mail }));
};

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function mailServer(port?: number) {
	const server = await startMailServer(port);
	servers.push(server);
	return server;
}

const asPerson = (tenantId: string, personId: string, role: Role = 'reporter'): Ctx => ({
	tenantId,
	actor: { id: personId, name: personId, personId, grants: [{ role, units: ALL_UNITS, organisationWide: true }] }
});

/**
 * An organisation with one plan: A1 and A2 for the Utvecklingschef (held by Omar, by Olle who turned
 * reminders off and by Dora whose account is disabled), A3 named for Emma (English); Tertial 1 due
 * in four days (A2 reported), Delår 1 past due, and a closed period past due. Pia plans and asked for
 * the weekly digest; so did Omar, who is no strategist.
 */
async function organisation(db: Db, name: string) {
	const org = await createTestOrganisation(db);
	const { plan, level } = await createTestPlan(db, org.ctx, org.top.id, 'enkel');
	const goal = await addNode(db, org.ctx, plan.id, { levelId: level('mal').id, title: `${name}s mål` });
	const person = async (first: string, role: Role = 'reporter') => {
		const account = await addAccount(db, org.ctx, { email: `${first.toLowerCase()}@${name.toLowerCase()}.se`, name: `${first} ${name}`, role });
		return { ...account, email: `${first.toLowerCase()}@${name.toLowerCase()}.se` };
	};
	const [omar, olle, dora, emma, pia] = [await person('Omar'), await person('Olle'), await person('Dora'), await person('Emma'), await person('Pia', 'planner')];
	for (const holder of [omar, olle, dora]) await holdRoleTitle(db, org.ctx, holder.personId, 'Utvecklingschef', true);
	const activity = (title: string, responsible: unknown) => addNode(db, org.ctx, plan.id, { levelId: level('aktivitet').id, parentId: goal.id, title, values: { responsible } });
	const a1 = await activity('Läsfixare i åk 1', 'Utvecklingschef');
	const a2 = await activity('Matematiklyftet', 'Utvecklingschef');
	const a3 = await activity('Skolgården', { roles: [], people: [emma.personId] });
	const tertial = await addPeriod(db, org.ctx, plan.id, { name: 'Tertial 1', asOf: '2024-04-30', dueOn: '2024-05-31' });
	const delar = await addPeriod(db, org.ctx, plan.id, { name: 'Delår 1', asOf: '2024-03-31', dueOn: '2024-04-15' });
	const closed = await addPeriod(db, org.ctx, plan.id, { name: 'Bokslut', asOf: '2024-02-28', dueOn: '2024-03-15' });
	await setPeriodClosed(db, org.ctx, plan.id, closed, true);
	const [status] = await listScale(db, org.tenant.id, 'status');
	await recordFollowUp(db, org.ctx, plan.id, a2.id, tertial, { statusId: status.id, comment: 'Igång.' });
	await setReminderPreferences(db, asPerson(org.tenant.id, olle.personId), { reminders: false });
	await setReminderPreferences(db, asPerson(org.tenant.id, emma.personId), { locale: 'en' });
	await setReminderPreferences(db, asPerson(org.tenant.id, pia.personId, 'planner'), { weeklyDigest: true });
	await setReminderPreferences(db, asPerson(org.tenant.id, omar.personId), { weeklyDigest: true });
	await setAccountDisabled(db, org.ctx, dora.id, true);
	return { org, plan, tertial, delar, closed, omar, olle, dora, emma, pia, a1, a3 };
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((entry) => entry.value.map((value) => value.address));
const byAddress = (mails: ParsedMail[]) => mails.map((mail) => [to(mail).join(), mail.subject]).sort((a, b) => `${a}`.localeCompare(`${b}`));

describe('reminders by e-mail', () => {
	it('reminds who must report, once per period: due soon and overdue, in their language, never the opted-out, the disabled or a closed period', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		await organisation(db, 'Syd');
		const server = await mailServer();
		const send = sender(server.port);

		expect(await sendReminders(db, north.org.tenant.id, { now: NOW, send, origin: ORIGIN })).toEqual({ sent: 4, alreadySent: 0, optedOut: 2, skipped: 2 });
		expect(byAddress(server.received)).toEqual([
			['emma@norr.se', 'Overdue: report Delår 1 (it was due 2024-04-15)'],
			['emma@norr.se', 'Reminder: report Tertial 1 by 2024-05-31'],
			['omar@norr.se', 'Försenat: rapportera Delår 1 (sista dag var 2024-04-15)'],
			['omar@norr.se', 'Påminnelse: rapportera Tertial 1 senast 2024-05-31']
		]);
		const omarSoon = server.received.find((mail) => mail.subject === 'Påminnelse: rapportera Tertial 1 senast 2024-05-31')!;
		expect(omarSoon.text).toContain('Hej Omar Norr!');
		expect(omarSoon.text).toContain('Du har en punkt kvar att rapportera i Tertial 1 (Verksamhetsplan 2024). Sista dag är 2024-05-31.');
		expect(omarSoon.text).toContain('- Verksamhetsplan 2024 › Läsfixare i åk 1\n');
		expect(omarSoon.text).not.toContain('Matematiklyftet'); // reported
		expect(omarSoon.text).toContain(`${ORIGIN}/att-rapportera\n`);
		expect(omarSoon.text).toContain(`Stäng av dem under Mina inställningar:\n${ORIGIN}/installningar`);
		expect(omarSoon.html).toBe(false); // plain text only
		const omarLate = server.received.find((mail) => mail.subject?.startsWith('Försenat'))!;
		expect(omarLate.text).toContain('och 2 punkter är ännu inte rapporterade.');
		expect(omarLate.text).toContain('› Matematiklyftet');
		const emmaSoon = server.received.find((mail) => mail.subject?.startsWith('Reminder'))!;
		expect(emmaSoon.text).toContain('You have one item left to report in Tertial 1');
		expect(emmaSoon.text).toContain('- Verksamhetsplan 2024 › Skolgården');
		expect(emmaSoon.text).toContain('Turn them off in My settings');

		// Run again: nothing new goes, each mail is marked sent.
		expect(await sendReminders(db, north.org.tenant.id, { now: NOW, send, origin: ORIGIN })).toEqual({ sent: 0, alreadySent: 4, optedOut: 2, skipped: 2 });
		expect(server.received).toHaveLength(4);
		const rows = await db.select().from(reminderMails).where(eq(reminderMails.tenantId, north.org.tenant.id));
		expect(rows.map((row) => [row.kind, row.subject, row.status]).sort()).toEqual(
			[
				['due_soon', north.tertial, 'sent'],
				['due_soon', north.tertial, 'sent'],
				['overdue', north.delar, 'sent'],
				['overdue', north.delar, 'sent']
			].sort()
		);
		expect(rows.every((row) => row.sentAt !== null)).toBe(true);
		// Nothing is mailed to the other organisation's people by this one's run.
		expect(server.received.flatMap(to).some((address) => address?.endsWith('@syd.se'))).toBe(false);
	});

	it('sends nothing before the days before, and with 0 days only the overdue reminder', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const server = await mailServer();
		const send = sender(server.port);
		// Eight days before Tertial 1's due date: only Delår 1's overdue reminders.
		expect(await sendReminders(db, north.org.tenant.id, { now: new Date('2024-05-23T07:00:00Z'), send, origin: ORIGIN })).toMatchObject({ sent: 2 });
		expect(server.received.every((mail) => /Delår 1/.test(mail.subject ?? ''))).toBe(true);
		await expect(setReminderDays(db, north.org.ctx, { days: 61 })).rejects.toMatchObject({ code: 'error_field_invalid' });
		await setReminderDays(db, north.org.ctx, { days: '0' });
		expect(await sendReminders(db, north.org.tenant.id, { now: NOW, send, origin: ORIGIN })).toMatchObject({ sent: 0, alreadySent: 2 });
		const preview = await previewReminders(db, north.org.tenant.id, NOW);
		expect(preview.days).toBe(0);
		expect(preview.periods.map((period) => [period.periodName, period.people.map((person) => [person.name, person.items, person.state])])).toEqual([
			['Delår 1', [['Dora Norr', 2, 'no_address'], ['Emma Norr', 1, 'overdue'], ['Olle Norr', 2, 'off'], ['Omar Norr', 2, 'overdue']]],
			['Tertial 1', [['Dora Norr', 1, 'no_address'], ['Emma Norr', 1, 'when_overdue'], ['Olle Norr', 1, 'off'], ['Omar Norr', 1, 'when_overdue']]]
		]);
		const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, north.org.tenant.id), eq(auditEvents.action, 'organisation.reminders')));
		expect(audit.after).toEqual({ reminderDaysBefore: 0 });
	});

	it('a mail server that is down: the run throws, nothing is marked sent, and a later run with the server up sends', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const port = await freePort(); // nothing listens there: a mail server that is down
		const failure = await sendReminders(db, north.org.tenant.id, { now: NOW, send: sender(port), origin: ORIGIN }).catch((thrown) => thrown);
		expect(failure).toBeInstanceOf(ReminderDeliveryError);
		expect(failure.failed).toBe(4);
		expect(failure.message).toMatch(/^4 reminder mail\(s\) could not be sent and will be retried \(.*ECONNREFUSED/);
		expect(await db.select().from(reminderMails).where(eq(reminderMails.tenantId, north.org.tenant.id))).toEqual([]);

		// The administrator's button says so, in their language, and the attempt is in the audit log.
		await expect(sendRemindersNow(db, north.org.ctx, { now: NOW, send: sender(port), origin: ORIGIN })).rejects.toMatchObject({ code: 'error_reminders_failed', status: 503 });

		const server = await mailServer(port);
		expect(await sendRemindersNow(db, north.org.ctx, { now: NOW, send: sender(port), origin: ORIGIN })).toEqual({ sent: 4, alreadySent: 0, optedOut: 2, skipped: 2 });
		expect(server.received).toHaveLength(4);
		const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, north.org.tenant.id), eq(auditEvents.action, 'reminders.send')));
		expect(audits.map((audit) => audit.after)).toEqual(
			expect.arrayContaining([expect.objectContaining({ failed: 4, sent: 0 }), { sent: 4, alreadySent: 0, optedOut: 2, skipped: 2 }])
		);
		// Both are among the reminder job's runs, as the jobs page shows them: the failure by its message key.
		const runs = await recentJobRuns(db, north.org.tenant.id, 'reminders');
		expect(runs.map((run) => [run.summary, run.error && JSON.parse(run.error).code])).toEqual([
			[{ sent: 4, alreadySent: 0, optedOut: 2, skipped: 2 }, null],
			[{}, 'error_reminders_failed']
		]);
	});

	it('one failure among others: the rest are sent, the failed one is sent by the next run', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const server = await mailServer();
		const real = sender(server.port);
		let refused = false;
		const flaky = async (mail: Mail) => {
			if (mail.to === 'emma@norr.se' && !refused) {
				refused = true;
				throw new Error('452 Mailbox full');
			}
			await real(mail);
		};
		await expect(sendReminders(db, north.org.tenant.id, { now: NOW, send: flaky, origin: ORIGIN })).rejects.toThrow(/^1 reminder mail\(s\) could not be sent .*452 Mailbox full/);
		expect(server.received).toHaveLength(3);
		expect(await sendReminders(db, north.org.tenant.id, { now: NOW, send: flaky, origin: ORIGIN })).toMatchObject({ sent: 1, alreadySent: 3 });
		expect(server.received).toHaveLength(4);
	});

	it('the weekly digest goes to strategists who asked for it, once a week, per unit', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const server = await mailServer();
		const send = sender(server.port);
		expect(isoWeek('2024-05-27')).toBe('2024-W22');
		expect(await sendWeeklyDigests(db, north.org.tenant.id, { now: NOW, send, origin: ORIGIN })).toEqual({ sent: 1, alreadySent: 0, skipped: 1, nothing: 0 });
		expect(await sendWeeklyDigests(db, north.org.tenant.id, { now: new Date('2024-06-01T10:00:00Z'), send, origin: ORIGIN })).toMatchObject({ sent: 0, alreadySent: 1 });
		expect(server.received.map((mail) => [to(mail).join(), mail.subject])).toEqual([['pia@norr.se', 'Veckosammanfattning vecka 22: rapporteringen']]);
		const [digest] = server.received;
		expect(digest.text).toContain(`\n${north.org.top.name}\n`);
		expect(digest.text).toContain('Verksamhetsplan 2024 – Delår 1 (sista dag 2024-04-15): 0 av 4 rapporterade, 4 saknas (sista dagen har passerat)');
		expect(digest.text).toContain('Verksamhetsplan 2024 – Tertial 1 (sista dag 2024-05-31): 1 av 4 rapporterade, 3 saknas');
		expect(digest.text).not.toContain('Bokslut'); // closed
		expect(digest.text).toContain(`${ORIGIN}/installningar`);
		// A new week, a new digest; Pia turned to English.
		await setReminderPreferences(db, asPerson(north.org.tenant.id, north.pia.personId, 'planner'), { locale: 'en' });
		expect(await sendWeeklyDigests(db, north.org.tenant.id, { now: new Date('2024-06-03T07:00:00Z'), send, origin: ORIGIN })).toMatchObject({ sent: 1 });
		expect(server.received[1].subject).toBe('Weekly digest, week 23: reporting');
	});

	it('a person changes only their own settings, audited; nothing changed writes nothing', async () => {
		const db = await testDb();
		const north = await organisation(db, 'Norr');
		const ctx = asPerson(north.org.tenant.id, north.omar.personId);
		await setReminderPreferences(db, ctx, { reminders: false, locale: 'en' });
		await setReminderPreferences(db, ctx, { reminders: false });
		await expect(setReminderPreferences(db, ctx, { locale: 'de' })).rejects.toMatchObject({ code: 'error_field_invalid', field: 'locale' });
		await expect(setReminderPreferences(db, { ...ctx, actor: { ...ctx.actor, personId: undefined } }, { reminders: true })).rejects.toMatchObject({ status: 404 });
		const [omar] = await db.select().from(people).where(and(eq(people.tenantId, north.org.tenant.id), eq(people.id, north.omar.personId)));
		expect(omar).toMatchObject({ reminders: false, locale: 'en', weeklyDigest: true });
		const audits = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.tenantId, north.org.tenant.id), eq(auditEvents.action, 'person.preferences'), eq(auditEvents.entityId, north.omar.personId)))
			.orderBy(auditEvents.at);
		expect(audits.map((audit) => [audit.before, audit.after])).toEqual([
			[{ weeklyDigest: false }, { weeklyDigest: true }],
			[{ reminders: true, locale: 'sv' }, { reminders: false, locale: 'en' }]
		]);
	});
});
