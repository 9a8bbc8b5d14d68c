import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../db/schema';
import { createTestOrganisation, testDb } from '../testing/factories';
import { addUnit } from '../organisation/add-unit';
import { can } from '../policies';
import { addAccount } from './add-account';
import { assignRole } from './assign-role';
import { removeRole } from './remove-role';
import { holdRoleTitle } from './hold-role-title';
import { signIn } from './sign-in';
import { createSession, endSession, resolveSession } from './sessions';
import { createApiToken, resolveApiToken, revokeApiToken } from './api-tokens';
import { issuePasswordLink, resetPassword } from './password-links';
import { setIdentityProvider } from './oidc';
import { resolveRequestContext } from '../app/request-context';
import { listAccounts } from './account-repository';
import { setAccountDisabled } from './set-account-disabled';

const PASSWORD = 'ett-långt-lösenord';

async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const school = await addUnit(db, org.ctx, { parentId: org.top.id, kind: 'school_unit', name: 'Norrskolan' });
	const account = await addAccount(db, org.ctx, { email: 'Karin@Exempel.se', name: 'Karin Ek', role: 'planner', unitId: school.id, password: PASSWORD });
	return { db, ...org, school, account };
}

describe('sign-in', () => {
	it('opens a session with the right password, case-insensitive email, and ends it on sign-out', async () => {
		const { db, tenant, account } = await setup();
		const { cookie, accountId } = await signIn(db, tenant.id, 'karin@exempel.SE', PASSWORD);
		expect(accountId).toBe(account.id);
		expect((await resolveSession(db, cookie))?.accountId).toBe(account.id);
		await endSession(db, cookie);
		expect(await resolveSession(db, cookie)).toBeUndefined();
	});

	it('gives the same answer for an unknown email and a wrong password, and locks after five failures', async () => {
		const { db, tenant } = await setup();
		await expect(signIn(db, tenant.id, 'ingen@exempel.se', PASSWORD)).rejects.toMatchObject({ code: 'error_sign_in_failed' });
		for (let i = 0; i < 4; i++) {
			await expect(signIn(db, tenant.id, 'karin@exempel.se', 'fel')).rejects.toMatchObject({ code: 'error_sign_in_failed' });
		}
		await expect(signIn(db, tenant.id, 'karin@exempel.se', 'fel')).rejects.toMatchObject({ code: 'error_sign_in_failed', params: { attempts: 5, minutes: 15 } });
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD)).rejects.toMatchObject({ code: 'error_sign_in_failed' });
		const later = new Date(Date.now() + 16 * 60_000);
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD, later)).resolves.toMatchObject({ cookie: expect.any(String) });
	});

	it('refuses expired, forged and foreign sessions', async () => {
		const { db, tenant } = await setup();
		const { cookie } = await signIn(db, tenant.id, 'karin@exempel.se', PASSWORD);
		expect(await resolveSession(db, cookie, new Date(Date.now() + 13 * 3_600_000))).toBeUndefined();
		expect(await resolveSession(db, `${tenant.id}.${'x'.repeat(43)}`)).toBeUndefined();
		const other = await createTestOrganisation(db);
		expect(await resolveSession(db, cookie.replace(tenant.id, other.tenant.id))).toBeUndefined();
		expect(await resolveSession(db, 'nonsense')).toBeUndefined();
	});
});

describe('roles', () => {
	it('cover their unit and everything under it; organisation-wide matters need the top unit', async () => {
		const { db, tenant, top, school, account, ctx } = await setup();
		const other = await addUnit(db, ctx, { parentId: top.id, kind: 'school_unit', name: 'Söderskolan' });
		const classroom = await addUnit(db, ctx, { parentId: school.id, kind: 'department', name: 'Årskurs 1' });
		const actorOf = async () => {
			const resolved = await resolveRequestContext(db, { sessionCookie: await createSession(db, tenant.id, account.id) });
			if (!resolved || 'refused' in resolved) throw new Error('no session');
			return resolved.ctx.actor;
		};
		const actor = await actorOf();
		expect(actor).toMatchObject({ id: account.id, name: 'Karin Ek', personId: account.personId });
		expect(can(actor, 'plan.edit', { unitId: school.id })).toBe(true);
		expect(can(actor, 'plan.edit', { unitId: classroom.id })).toBe(true);
		expect(can(actor, 'plan.edit', { unitId: other.id })).toBe(false);
		expect(can(actor, 'framework.edit')).toBe(false);
		await assignRole(db, ctx, account.id, { role: 'admin', unitId: top.id });
		const admin = await actorOf();
		expect(can(admin, 'framework.edit')).toBe(true);
		expect(can(admin, 'plan.adopt', { unitId: other.id })).toBe(true);
		await expect(assignRole(db, ctx, account.id, { role: 'admin', unitId: top.id })).rejects.toMatchObject({ code: 'error_role_already_held' });
	});

	it('records each identity change exactly once in the audit log', async () => {
		const { db, ctx, tenant, top, account } = await setup();
		const count = async (action: string) =>
			(await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, tenant.id), eq(auditEvents.action, action)))).length;
		expect(await count('account.create')).toBe(1);
		await assignRole(db, ctx, account.id, { role: 'reader', unitId: top.id });
		expect(await count('role.assign')).toBe(1);
		const [people] = await listAccounts(db, tenant.id);
		await removeRole(db, ctx, people.roles.find((role) => role.role === 'reader')!.id);
		expect(await count('role.remove')).toBe(1);
		await holdRoleTitle(db, ctx, account.personId, 'Planeringschef', true);
		await holdRoleTitle(db, ctx, account.personId, 'Planeringschef', false);
		expect([await count('role_title.hold'), await count('role_title.release')]).toEqual([1, 1]);
		const { id } = await createApiToken(db, ctx, { name: 'Synk' });
		await revokeApiToken(db, ctx, id);
		expect([await count('api_token.create'), await count('api_token.revoke')]).toEqual([1, 1]);
		await setIdentityProvider(db, ctx, { issuer: 'https://login.example.se', clientId: 'a', clientSecret: 'b' });
		expect(await count('identity_provider.set')).toBe(1);
		await signIn(db, tenant.id, 'karin@exempel.se', PASSWORD);
		expect(await count('account.sign_in')).toBe(1);
		const link = await issuePasswordLink(db, tenant.id, account.id, 1);
		await resetPassword(db, decodeURIComponent(link.split('token=')[1]), 'ett-nytt-långt-lösenord');
		expect(await count('account.set_password')).toBe(1);
	});
});

describe('deactivating an account', () => {
	it('signs the person out at once and keeps them out until reactivated', async () => {
		const { db, ctx, tenant, account } = await setup();
		const { cookie } = await signIn(db, tenant.id, 'karin@exempel.se', PASSWORD);
		await setAccountDisabled(db, ctx, account.id, true);
		expect(await resolveSession(db, cookie)).toBeUndefined();
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD)).rejects.toMatchObject({ code: 'error_sign_in_failed' });
		await setAccountDisabled(db, ctx, account.id, false);
		await expect(signIn(db, tenant.id, 'karin@exempel.se', PASSWORD)).resolves.toBeTruthy();
		const self = { ...ctx, actor: { ...ctx.actor, id: account.id } };
		await expect(setAccountDisabled(db, self, account.id, true)).rejects.toMatchObject({ code: 'error_cannot_disable_self' });
	});
});

describe('API tokens', () => {
	it('work until revoked, and only in their organisation', async () => {
		const { db, ctx, tenant } = await setup();
		const { id, token } = await createApiToken(db, ctx, { name: 'Kolada-synk' });
		expect((await resolveApiToken(db, token))?.tenantId).toBe(tenant.id);
		expect(await resolveApiToken(db, token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeUndefined();
		const other = await createTestOrganisation(db);
		await expect(revokeApiToken(db, other.ctx, id)).rejects.toMatchObject({ code: 'error_not_found' });
		await revokeApiToken(db, ctx, id);
		expect(await resolveApiToken(db, token)).toBeUndefined();
	});
});

describe('password links', () => {
	it('set a password once, end the account\'s sessions, and refuse reuse and short passwords', async () => {
		const { db, tenant, account } = await setup();
		const { cookie } = await signIn(db, tenant.id, 'karin@exempel.se', PASSWORD);
		const token = decodeURIComponent((await issuePasswordLink(db, tenant.id, account.id, 1)).split('token=')[1]);
		await expect(resetPassword(db, token, 'kort')).rejects.toMatchObject({ code: 'error_password_too_short' });
		await resetPassword(db, token, 'ett-nytt-långt-lösenord');
		expect(await resolveSession(db, cookie)).toBeUndefined();
		await expect(resetPassword(db, token, 'ännu-ett-långt-lösenord')).rejects.toMatchObject({ code: 'error_reset_link_invalid' });
		await expect(signIn(db, tenant.id, 'karin@exempel.se', 'ett-nytt-långt-lösenord')).resolves.toBeTruthy();
	});
});
