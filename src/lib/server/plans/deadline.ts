import type { PeriodKind } from '../db/schema';

/**
 * Deadlines are kept as the user wrote them ("VT23", "September", "Mars 2024", "dec 22",
 * "31 augusti", "2024-09-30"); a comparable date is derived for sorting and overdue checks: the last
 * day of the month or term meant. A year left out is read from the plan's year; in a school year,
 * August to December belong to its first calendar year and January to July to the second.
 */
export interface PlanYear {
	periodKind: PeriodKind;
	startYear: number;
}

const MONTHS: Record<string, number> = {
	januari: 1, january: 1, jan: 1,
	februari: 2, february: 2, feb: 2,
	mars: 3, march: 3, mar: 3,
	april: 4, apr: 4,
	maj: 5, may: 5,
	juni: 6, june: 6, jun: 6,
	juli: 7, july: 7, jul: 7,
	augusti: 8, august: 8, aug: 8,
	september: 9, sept: 9, sep: 9,
	oktober: 10, october: 10, okt: 10, oct: 10,
	november: 11, nov: 11,
	december: 12, dec: 12
};

export function deriveDeadlineDate(text: string | null | undefined, plan: PlanYear): string | null {
	const written = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
	if (!written) return null;

	const iso = written.match(/^(\d{4})-(\d{2})-(\d{2})$/);
	if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));

	const term = written.match(/^(vt|ht)[\s-]?(\d{2}|\d{4})?$/);
	if (term) {
		const spring = term[1] === 'vt';
		const year = term[2] ? fullYear(term[2]) : yearFor(spring ? 6 : 12, plan);
		return spring ? isoDate(year, 6, 30) : isoDate(year, 12, 31);
	}

	const dayMonth = written.match(/^(?:per\s+)?(\d{1,2})\s+([a-zåäö]+)\.?(?:\s+(\d{2}|\d{4}))?$/);
	if (dayMonth && MONTHS[dayMonth[2]]) {
		const month = MONTHS[dayMonth[2]];
		const year = dayMonth[3] ? fullYear(dayMonth[3]) : yearFor(month, plan);
		return validDate(year, month, Number(dayMonth[1]));
	}

	const monthYear = written.match(/^([a-zåäö]+)\.?(?:\s+(\d{2}|\d{4}))?$/);
	if (monthYear && MONTHS[monthYear[1]]) {
		const month = MONTHS[monthYear[1]];
		const year = monthYear[2] ? fullYear(monthYear[2]) : yearFor(month, plan);
		return isoDate(year, month, lastDayOfMonth(year, month));
	}
	return null;
}

function yearFor(month: number, plan: PlanYear): number {
	if (plan.periodKind === 'calendar_year') return plan.startYear;
	return month >= 8 ? plan.startYear : plan.startYear + 1;
}

function fullYear(digits: string): number {
	return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function lastDayOfMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
	return isoDate(year, month, day);
}

function isoDate(year: number, month: number, day: number): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A combined "Ansvar/Klart" entry split into who and when: "Utvecklingsledare okt 24" is
 * "Utvecklingsledare" by "okt 24". The deadline is the longest run of last words that gives a date;
 * a note in brackets after it stays with the name ("Skolchef VT25 (del 2)" → "Skolchef (del 2)", "VT25").
 * Null when the text does not end in a deadline or is nothing but one.
 */
export function splitTrailingDeadline(text: string): { rest: string; deadline: string } | null {
	const [, body, note] = /^(.*?)\s*(\([^()]*\))?$/s.exec(text.trim().replace(/\s+/g, ' '))!;
	const words = body.split(' ');
	for (let count = Math.min(4, words.length - 1); count >= 1; count--) {
		const deadline = words.slice(-count).join(' ');
		if (!readsAsDeadline(deadline)) continue;
		const rest = words.slice(0, -count).join(' ').replace(/[\s,;:–-]+$/, '');
		if (rest) return { rest: note ? `${rest} ${note}` : rest, deadline };
	}
	return null;
}

/** Whether a text is a deadline a date can be derived from, in whatever plan year. */
export function readsAsDeadline(text: string): boolean {
	return deriveDeadlineDate(text, { periodKind: 'calendar_year', startYear: 2000 }) !== null;
}
