import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { addressAttempts } from '../db/schema';

/**
 * Sign-in attempts (and password-link requests) per client address: a brake on guessing passwords
 * across many accounts. Counted in the database, so every app server shares one allowance, and
 * counted *before* the password is checked, so parallel requests cannot all slip through while
 * the count still looks low. A sign-in that succeeds gives its attempt back, so a whole school
 * behind one address can sign in; only failures (and attempts still being checked) use it up.
 *
 * The window slides: the count of this ten-minute window plus the previous window's count weighted
 * by how much of it still lies within the last ten minutes.
 */
export const WINDOW_MS = 10 * 60_000;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;

export interface AddressAttempt {
	allowed: boolean;
	/** Hands the attempt back (the sign-in succeeded). */
	giveBack(): Promise<void>;
}

const keyOf = (address: string) => createHash('sha256').update(address).digest('hex');
const windowOf = (now: Date) => Math.floor(now.getTime() / WINDOW_MS);

/** Counts an attempt from the address and says whether it is within the allowance. One statement. */
export async function countAttempt(db: Db, address: string, now = new Date()): Promise<AddressAttempt> {
	await sweepWhenDue(db, now);
	const addressHash = keyOf(address);
	const t = addressAttempts;
	// A request that read the clock just before another moved the row on to the next window counts in
	// the row's window (greatest), so a window never goes backwards and resets the count.
	const [row] = await db
		.insert(t)
		.values({ addressHash, windowIndex: windowOf(now), attempts: 1, previousAttempts: 0 })
		.onConflictDoUpdate({
			target: t.addressHash,
			set: {
				previousAttempts: sql`case when ${t.windowIndex} >= excluded.window_index then ${t.previousAttempts}
					when ${t.windowIndex} = excluded.window_index - 1 then ${t.attempts} else 0 end`,
				attempts: sql`case when ${t.windowIndex} >= excluded.window_index then ${t.attempts} + 1 else 1 end`,
				windowIndex: sql`greatest(${t.windowIndex}, excluded.window_index)`
			}
		})
		.returning({ windowIndex: t.windowIndex, attempts: t.attempts, previousAttempts: t.previousAttempts });
	const elapsed = Math.min(1, Math.max(0, (now.getTime() - row.windowIndex * WINDOW_MS) / WINDOW_MS));
	const estimate = row.attempts + Math.floor(row.previousAttempts * (1 - elapsed));
	return {
		allowed: estimate <= MAX_ATTEMPTS_PER_ADDRESS,
		giveBack: async () => {
			// The row may have moved on to the next window meanwhile: then the attempt sits in its "previous".
			await db
				.update(t)
				.set({
					attempts: sql`case when ${t.windowIndex} = ${row.windowIndex} then greatest(${t.attempts} - 1, 0) else ${t.attempts} end`,
					previousAttempts: sql`case when ${t.windowIndex} = ${row.windowIndex + 1} then greatest(${t.previousAttempts} - 1, 0) else ${t.previousAttempts} end`
				})
				.where(and(eq(t.addressHash, addressHash), inArray(t.windowIndex, [row.windowIndex, row.windowIndex + 1])));
		}
	};
}

let nextSweep = 0;

/** Rows older than two windows count for nothing; each server deletes them once a window. */
async function sweepWhenDue(db: Db, now: Date): Promise<void> {
	if (now.getTime() < nextSweep) return;
	nextSweep = now.getTime() + WINDOW_MS;
	await sweepAddressAttempts(db, now);
}

export async function sweepAddressAttempts(db: Db, now = new Date()): Promise<void> {
	await db.delete(addressAttempts).where(lt(addressAttempts.windowIndex, windowOf(now) - 1));
}
