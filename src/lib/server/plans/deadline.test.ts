import { describe, expect, it } from 'vitest';
import { deriveDeadlineDate, readsAsDeadline, splitTrailingDeadline } from './deadline';

const calendar2024 = { periodKind: 'calendar_year' as const, startYear: 2024 };
const schoolYear22 = { periodKind: 'school_year' as const, startYear: 2022 };

describe('deriveDeadlineDate', () => {
	it.each([
		['2024-09-30', calendar2024, '2024-09-30'],
		['September', calendar2024, '2024-09-30'],
		['Mars 2024', calendar2024, '2024-03-31'],
		['februari', calendar2024, '2024-02-29'],
		['dec 22', schoolYear22, '2022-12-31'],
		['VT23', schoolYear22, '2023-06-30'],
		['vt', schoolYear22, '2023-06-30'],
		['HT 2024', calendar2024, '2024-12-31'],
		['ht', schoolYear22, '2022-12-31'],
		['31 augusti', calendar2024, '2024-08-31'],
		['per 31 augusti', calendar2024, '2024-08-31'],
		['mars', schoolYear22, '2023-03-31'],
		['oktober', schoolYear22, '2022-10-31']
	])('reads %s in its plan year', (text, plan, expected) => {
		expect(deriveDeadlineDate(text, plan)).toBe(expected);
	});

	it.each(['Löpande', '', '2024-02-30', '31 februari', 'nästa år'])('derives no date from %s', (text) => {
		expect(deriveDeadlineDate(text, calendar2024)).toBeNull();
	});
});

describe('deadlines with no date', () => {
	it.each(['vår/höst', 'Löpande', 'under året', 'VT/HT'])('%s gives no date, so it is shown as "no date"', (text) => {
		expect(readsAsDeadline(text)).toBe(false);
	});

	it('finds the deadline at the end of a responsible entry, never one that gives no date', () => {
		expect(splitTrailingDeadline('Utvecklingsledare okt 24')).toEqual({ rest: 'Utvecklingsledare', deadline: 'okt 24' });
		expect(splitTrailingDeadline('Skolchef 31 augusti 2025')).toEqual({ rest: 'Skolchef', deadline: '31 augusti 2025' });
		expect(splitTrailingDeadline('Rektor vår/höst')).toBeNull();
		expect(splitTrailingDeadline('VT25')).toBeNull();
	});
});
