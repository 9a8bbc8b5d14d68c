import { describe, expect, it } from 'vitest';
import { countAttempt, isThrottled, MAX_ATTEMPTS_PER_ADDRESS } from './login-throttle';

describe('login throttle', () => {
	it('throttles an address after too many failures, for ten minutes', () => {
		const now = Date.now();
		for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
			expect(isThrottled('10.0.0.1', now)).toBe(false);
			countAttempt('10.0.0.1', now);
		}
		expect(isThrottled('10.0.0.1', now)).toBe(true);
		expect(isThrottled('10.0.0.2', now)).toBe(false);
		expect(isThrottled('10.0.0.1', now + 10 * 60_000 + 1)).toBe(false);
	});
});
