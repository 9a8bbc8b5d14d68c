/** The ISO week (Monday first; week 1 holds the year's first Thursday) of a date written YYYY-MM-DD: "2026-W48". */
export function isoWeek(day: string): string {
	const [year, month, date] = day.split('-').map(Number);
	const at = new Date(Date.UTC(year, month - 1, date));
	const weekday = at.getUTCDay() || 7;
	// The Thursday of the same week decides the week's year.
	at.setUTCDate(at.getUTCDate() + 4 - weekday);
	const weekYear = at.getUTCFullYear();
	const week = Math.ceil(((at.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
	return `${weekYear}-W${String(week).padStart(2, '0')}`;
}
