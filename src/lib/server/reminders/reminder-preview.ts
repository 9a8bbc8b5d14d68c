import type { Db } from '../db/client';
import { swedishToday } from '../shared/calendar-date';
import { findReminderDays, listUnreported } from './reminder-repository';
import { byPersonAndPeriod } from './send-reminders';

export type PreviewState = 'now' | 'overdue' | 'later' | 'when_overdue' | 'off' | 'no_address';

export interface PreviewPeriod {
	periodId: string;
	periodName: string;
	planTitle: string;
	dueOn: string;
	people: { personId: string; name: string; items: number; state: PreviewState }[];
	/** The first day its reminders go (null: only once the due date has passed). */
	remindFrom: string | null;
}

/**
 * For the administrator: every open period with unreported items, who must report them and how
 * many, and whether they are reminded now, later, or not at all (reminders off, no address).
 */
export async function previewReminders(db: Db, tenantId: string, now = new Date()): Promise<{ days: number; periods: PreviewPeriod[] }> {
	const today = swedishToday(now);
	const [days, rows] = await Promise.all([findReminderDays(db, tenantId), listUnreported(db, tenantId, today, { onlyDue: false })]);
	const periods = new Map<string, PreviewPeriod>();
	for (const group of byPersonAndPeriod(rows)) {
		const [first] = group;
		const remindFrom = days > 0 ? shiftDays(first.dueOn, -days) : null;
		const period = periods.get(first.periodId) ?? { periodId: first.periodId, periodName: first.periodName, planTitle: first.planTitle, dueOn: first.dueOn, people: [], remindFrom };
		const state: PreviewState = !first.reminders
			? 'off'
			: !first.email || !first.active
				? 'no_address'
				: first.dueOn < today
					? 'overdue'
					: remindFrom !== null && remindFrom <= today
						? 'now'
						: remindFrom !== null
							? 'later'
							: 'when_overdue';
		period.people.push({ personId: first.personId, name: first.personName, items: group.length, state });
		periods.set(first.periodId, period);
	}
	return { days, periods: [...periods.values()] };
}

function shiftDays(day: string, by: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + by);
	return date.toISOString().slice(0, 10);
}
