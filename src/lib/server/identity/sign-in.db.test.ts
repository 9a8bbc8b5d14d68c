import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../db/schema';
import { createTestOrganisation, testDb } from '../testing/factories';
import { addAccount } from './add-account';
import { setAccountDisabled } from './set-account-disabled';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, signIn } from './sign-in';

const PASSWORD = 'ett-långt-lösenord';

async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const account = await addAccount(db, org.ctx, { email: 'karin@exempel.se', name: 'Karin Ek', role: 'planner', unitId: org.top.id, password: PASSWORD });
	const stored = async () => {
		const [row] = await db.select().from(accounts).where(and(eq(accounts.tenantId, org.tenant.id), eq(accounts.id, account.id)));
		return row;
	};
	return { db, ...org, account, stored };
}

const refusal = (attempt: Promise<unknown>) =>
	attempt.then(
		() => 'signed in',
		(thrown: { code?: string; params?: unknown; status?: number }) => ({ code: thrown.code, params: thrown.params, status: thrown.status })
	);

describe('account lockout under parallel attempts', () => {
	it('counts each of 100 parallel wrong passwords, ends locked, and then refuses the right password', async () => {
		const { db, tenant, stored } = await setup();
		const results = await Promise.all(Array.from({ length: 100 }, () => refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord'))));
		expect(results.every((result) => typeof result === 'object' && result.code === 'error_sign_in_failed')).toBe(true);
		const after = await stored();
		expect(after.failedLogins).toBe(100);
		expect(after.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD)).rejects.toMatchObject({ code: 'error_sign_in_failed' });
		expect((await stored()).failedLogins).toBe(101);
		const later = new Date(Date.now() + (LOCKOUT_MINUTES + 1) * 60_000);
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD, later)).resolves.toMatchObject({ cookie: expect.any(String) });
		expect(await stored()).toMatchObject({ failedLogins: 0, lockedUntil: null });
	});

	it('lets the right password in among fewer parallel failures than the limit', async () => {
		const { db, tenant } = await setup();
		const wrong = Array.from({ length: MAX_FAILED_LOGINS - 2 }, () => refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord')));
		const [right] = await Promise.all([refusal(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD)), ...wrong]);
		expect(right).toBe('signed in');
	});

	it('starts counting afresh once a lock has run out', async () => {
		const { db, tenant, stored } = await setup();
		for (let i = 0; i < MAX_FAILED_LOGINS; i++) await refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord'));
		expect((await stored()).lockedUntil).not.toBeNull();
		const later = new Date(Date.now() + (LOCKOUT_MINUTES + 1) * 60_000);
		await refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord', later));
		expect(await stored()).toMatchObject({ failedLogins: 1 });
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD, later)).resolves.toBeTruthy();
	});
});

describe('the answer to a refused sign-in', () => {
	it('is the same for a wrong password, an unknown, a locked and a disabled account', async () => {
		const { db, ctx, tenant, account } = await setup();
		const wrong = await refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord'));
		const unknown = await refusal(signIn(db, tenant.id, 'ingen@exempel.se', PASSWORD));
		for (let i = 0; i < MAX_FAILED_LOGINS; i++) await refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord'));
		const locked = await refusal(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD));
		const lockedWrong = await refusal(signIn(db, tenant.id, 'karin@exempel.se', 'fel lösenord'));
		await setAccountDisabled(db, ctx, account.id, true);
		const disabled = await refusal(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD));
		expect(wrong).toEqual({ code: 'error_sign_in_failed', params: { attempts: MAX_FAILED_LOGINS, minutes: LOCKOUT_MINUTES }, status: 400 });
		expect([unknown, locked, lockedWrong, disabled]).toEqual([wrong, wrong, wrong, wrong]);
	});
});
