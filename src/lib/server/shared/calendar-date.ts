/** The years a date typed into a filter or form can sensibly mean; also keeps day arithmetic inside what PostgreSQL and Date can write. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** A date written yyyy-mm-dd that exists in the calendar (no 2025-02-30, no 0000-00-00) and lies within the years above. */
export function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	if (year < FIRST_YEAR || year > LAST_YEAR) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date (YYYY-MM-DD) where the organisations are: deadlines and the annual cycle are Swedish days, not UTC ones. */
export function swedishToday(now = new Date()): string {
	return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}
