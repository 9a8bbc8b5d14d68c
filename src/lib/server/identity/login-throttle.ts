/**
 * Failed sign-ins (and password-link requests) per client address within a window, in this
 * server's memory: a brake on guessing passwords across many accounts. Successful sign-ins do not
 * count, so a whole school behind one address can sign in. The per-account lockout, which must
 * hold across servers, lives in the database (sign-in.ts).
 */
const WINDOW_MS = 10 * 60_000;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
const attempts = new Map<string, number[]>();

function recent(address: string, now: number): number[] {
	const list = (attempts.get(address) ?? []).filter((at) => now - at < WINDOW_MS);
	attempts.set(address, list);
	return list;
}

export function isThrottled(address: string, now = Date.now()): boolean {
	return recent(address, now).length >= MAX_ATTEMPTS_PER_ADDRESS;
}

export function countAttempt(address: string, now = Date.now()): void {
	if (attempts.size > 10_000) attempts.clear();
	recent(address, now).push(now);
}
