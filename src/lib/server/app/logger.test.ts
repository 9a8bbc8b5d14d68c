import { describe, expect, it } from 'vitest';
import { errorForLog } from './logger';

describe('errors in the log', () => {
	it('keeps what happened and never the client a lost connection carries (its password among the parameters)', () => {
		const error = Object.assign(new Error('terminating connection due to administrator command'), {
			code: '57P01',
			severity: 'FATAL',
			client: { connectionParameters: { user: 'styrkedjan', password: 'hemligt-lösenord', database: 'prod' } }
		});
		const logged = errorForLog(error);
		expect(logged).toMatchObject({ type: 'Error', message: 'terminating connection due to administrator command', code: '57P01', severity: 'FATAL' });
		expect(JSON.stringify(logged)).not.toContain('hemligt-lösenord');
		expect(logged).not.toHaveProperty('client');
	});

	it('keeps the cause an error was wrapped around (drizzle wraps the driver’s error)', () => {
		const cause = Object.assign(new Error('Connection terminated unexpectedly'), { client: { secret: 'x' } });
		const logged = errorForLog(new Error('Failed query: select 1', { cause }));
		expect(logged.cause).toMatchObject({ message: 'Connection terminated unexpectedly' });
		expect(JSON.stringify(logged)).not.toContain('secret');
	});
});
