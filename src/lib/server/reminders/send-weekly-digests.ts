import type { Db } from '../db/client';
import { sendMail } from '../app/mailer';
import { swedishToday } from '../shared/calendar-date';
import { can } from '../policies';
import { grantsFrom } from '../identity/grants';
import { listUnits } from '../organisation/organisation-repository';
import { countOpenPeriods } from '../start-page/start-page-repository';
import { digestMail, type DigestUnit } from '../presenters/reminder-mails';
import { listDigestRecipients } from './reminder-repository';
import { appOrigin, deliver, type Outgoing } from './deliver';
import { isoWeek } from './iso-week';
import type { ReminderOptions } from './send-reminders';

/**
 * The weekly digest for strategists who asked for it (people.weekly_digest; the settings page offers
 * it to those the policies let oversee reporting): per unit, each open period's reported and missing
 * items, for the units within the person's reach. One per person and ISO week (claimed like a
 * reminder); nobody is mailed a digest with nothing in it.
 */
export async function sendWeeklyDigests(db: Db, tenantId: string, options: ReminderOptions = {}): Promise<Record<string, number>> {
	const today = swedishToday(options.now);
	const week = isoWeek(today);
	const [recipients, units, periods] = await Promise.all([listDigestRecipients(db, tenantId), listUnits(db, tenantId), countOpenPeriods(db, tenantId, today)]);
	const counts: Record<string, number> = { sent: 0, alreadySent: 0, skipped: 0, nothing: 0 };
	const origin = options.origin ?? appOrigin();
	const perUnit = digestByUnit(units, periods);
	const outgoing: Outgoing[] = [];
	for (const recipient of recipients) {
		const actor = { id: recipient.personId, name: recipient.personName, personId: recipient.personId, grants: grantsFrom(units, recipient.assignments) };
		if (!can(actor, 'followup.overview') || !recipient.email) {
			counts.skipped += 1;
			continue;
		}
		const reach = perUnit.filter((unit) => can(actor, 'followup.overview', { unitId: unit.unitId }));
		if (!reach.length) {
			counts.nothing += 1;
			continue;
		}
		const mail = digestMail({ to: recipient.email, locale: recipient.locale, personName: recipient.personName, week, units: reach, origin });
		outgoing.push({ personId: recipient.personId, kind: 'digest', subject: week, mail });
	}
	return deliver(db, tenantId, outgoing, options.send ?? sendMail, counts);
}

/** The open periods' counts gathered per owner unit (in the unit tree's order), each period with reported of all. */
function digestByUnit(
	units: { id: string; name: string }[],
	rows: Awaited<ReturnType<typeof countOpenPeriods>>
): (DigestUnit & { unitId: string })[] {
	const periods = new Map<string, DigestUnit['periods'][number] & { unitId: string }>();
	for (const row of rows) {
		const period = periods.get(row.periodId) ?? { unitId: row.ownerUnitId, planTitle: row.planTitle, periodName: row.periodName, dueOn: row.dueOn, pastDue: row.pastDue, reported: 0, total: 0 };
		period.total += row.items;
		if (row.reported) period.reported += row.items;
		periods.set(row.periodId, period);
	}
	const collator = new Intl.Collator('sv');
	return units
		.map((unit) => ({
			unitId: unit.id,
			unitName: unit.name,
			periods: [...periods.values()]
				.filter((period) => period.unitId === unit.id)
				.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || collator.compare(a.planTitle, b.planTitle))
				.map(({ unitId: _unit, ...period }) => period)
		}))
		.filter((unit) => unit.periods.length > 0);
}
