import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
	it('accepts dates that exist', () => {
		for (const date of ['2025-01-01', '2024-02-29', '1900-01-01', '2999-12-31']) expect(isCalendarDate(date)).toBe(true);
	});
	it('refuses what is not a date, or lies outside the years a filter can mean', () => {
		for (const date of ['2025-99-99', '0000-00-00', '9999-12-31', '2025-02-29', '2025-04-31', '2025-1-1', '20250101', 'igår', '', '2025-01-01x']) {
			expect(isCalendarDate(date)).toBe(false);
		}
	});
});
