import { describe, expect, it } from 'vitest';
import { fileName } from './export-plan';

describe('file names of exported documents', () => {
	it('cuts a long title at a word boundary, never in the middle of a word', () => {
		const name = fileName('Verksamhetsplan för förskola, grundskola, gymnasieskola och vuxenutbildning i Exempelkommun', 'Delår 2 per 31 augusti');
		expect(name).toBe('verksamhetsplan-for-forskola-grundskola-gymnasieskola-och-vuxenutbildning-i');
		expect(name.length).toBeLessThanOrEqual(80);
		// Exactly 80 characters ending at a word's end stays whole; one character more loses the whole last word.
		expect(fileName(`${'a'.repeat(70)} ${'b'.repeat(9)}`)).toBe(`${'a'.repeat(70)}-${'b'.repeat(9)}`);
		expect(fileName(`${'a'.repeat(70)} ${'b'.repeat(10)}`)).toBe('a'.repeat(70));
		// One word longer than the limit is cut where it must be.
		expect(fileName('x'.repeat(100))).toBe('x'.repeat(80));
		expect(fileName('Plan 2025', 'Helår')).toBe('plan-2025-helar');
		expect(fileName('???')).toBe('plan');
	});
});
