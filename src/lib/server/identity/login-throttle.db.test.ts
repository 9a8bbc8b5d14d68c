import { describe, expect, it } from 'vitest';
import { addressAttempts } from '../db/schema';
import { testDb } from '../testing/factories';
import { countAttempt, MAX_ATTEMPTS_PER_ADDRESS, sweepAddressAttempts, WINDOW_MS } from './login-throttle';

/** The start of a window, so the tests know how far into it they are. */
const windowStart = () => new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS);
const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('attempts per address', () => {
	it('allows exactly the allowance out of 100 parallel attempts, per address', async () => {
		const db = await testDb();
		const now = windowStart();
		const attempts = await Promise.all(Array.from({ length: 100 }, () => countAttempt(db, '10.0.0.1', now)));
		expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(MAX_ATTEMPTS_PER_ADDRESS);
		expect((await countAttempt(db, '10.0.0.2', now)).allowed).toBe(true);
	});

	it('gives successful attempts back, so many sign-ins from one address never use it up', async () => {
		const db = await testDb();
		const now = windowStart();
		for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS * 3; i++) {
			const attempt = await countAttempt(db, '10.0.0.3', now);
			expect(attempt.allowed).toBe(true);
			await attempt.giveBack();
		}
		for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) expect((await countAttempt(db, '10.0.0.3', now)).allowed).toBe(true);
		expect((await countAttempt(db, '10.0.0.3', now)).allowed).toBe(false);
	});

	it('forgets attempts as they slide out of the last ten minutes, and stores no address in clear', async () => {
		const db = await testDb();
		const start = windowStart();
		for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) await countAttempt(db, '10.0.0.4', at(start, 9));
		expect((await countAttempt(db, '10.0.0.4', at(start, 9.5))).allowed).toBe(false);
		// Half of the previous window still lies within the last ten minutes: 31 × ½ + this one.
		expect((await countAttempt(db, '10.0.0.4', at(start, 15))).allowed).toBe(true);
		expect((await countAttempt(db, '10.0.0.4', at(start, 30))).allowed).toBe(true);
		const rows = await db.select().from(addressAttempts);
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain('10.0.0.4');
	});

	it('deletes what counts for nothing any more', async () => {
		const db = await testDb();
		const start = windowStart();
		await countAttempt(db, '10.0.0.5', at(start, -30));
		await countAttempt(db, '10.0.0.6', at(start, -5));
		await countAttempt(db, '10.0.0.7', start);
		await sweepAddressAttempts(db, start);
		expect(await db.select().from(addressAttempts)).toHaveLength(2);
	});
});
