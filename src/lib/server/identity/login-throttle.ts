/**
 * Attempts per client address within a window, in this server's memory: a brake on password
 * guessing across many accounts. The per-account lockout, which must hold across servers, lives in
 * the database (sign-in.ts).
 */
const WINDOW_MS = 10 * 60_000;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;
const attempts = new Map<string, number[]>();

export function allowAttempt(address: string, now = Date.now()): boolean {
	const recent = (attempts.get(address) ?? []).filter((at) => now - at < WINDOW_MS);
	if (recent.length >= MAX_ATTEMPTS_PER_ADDRESS) {
		attempts.set(address, recent);
		return false;
	}
	recent.push(now);
	attempts.set(address, recent);
	if (attempts.size > 10_000) attempts.clear();
	return true;
}
