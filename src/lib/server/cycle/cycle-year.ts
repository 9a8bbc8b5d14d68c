import type { PeriodKind } from '../db/schema';

/** The first and last day of a cycle's year: 1 January–31 December, or 1 August–31 July for a school year. */
export function cycleSpan(periodKind: PeriodKind, startYear: number): { first: string; last: string } {
	return periodKind === 'school_year' ? { first: `${startYear}-08-01`, last: `${startYear + 1}-07-31` } : { first: `${startYear}-01-01`, last: `${startYear}-12-31` };
}

/** Whether a day (YYYY-MM-DD) lies in the cycle's year (ISO dates compare as text). */
export function inCycle(day: string, span: { first: string; last: string }): boolean {
	return day >= span.first && day <= span.last;
}

/** The cycle's name as people say it: "2025" or "läsåret 25/26". */
export function cycleName(periodKind: PeriodKind, startYear: number, locale: 'sv' | 'en'): string {
	if (periodKind === 'calendar_year') return String(startYear);
	const short = `${String(startYear).slice(2)}/${String(startYear + 1).slice(2)}`;
	return locale === 'en' ? `school year ${short}` : `läsåret ${short}`;
}
