import { describe, expect, it } from 'vitest';
import { isoWeek } from './iso-week';

describe('isoWeek', () => {
	it('numbers weeks from Monday, week 1 holding the first Thursday, across the turn of a year', () => {
		expect(isoWeek('2026-11-23')).toBe('2026-W48');
		expect(isoWeek('2026-11-29')).toBe('2026-W48'); // Sunday
		expect(isoWeek('2026-11-30')).toBe('2026-W49'); // Monday
		expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: 2026 has 53 weeks
		expect(isoWeek('2024-12-30')).toBe('2025-W01');
		expect(isoWeek('2021-01-03')).toBe('2020-W53');
		expect(isoWeek('2025-01-01')).toBe('2025-W01');
	});
});
