import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestOrganisation, testDb } from '../testing/factories';
import { workerDatabase } from '../testing/test-database';
import { passwordResets } from '../db/schema';
import { addAccount } from './add-account';
import { hashSecret, joinCredential, newSecret } from './secrets';
import { issuePasswordLink, resetPassword } from './password-links';
import { signIn } from './sign-in';

const tokenOf = (path: string) => decodeURIComponent(path.split('token=')[1]);

async function setup() {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	const account = await addAccount(db, org.ctx, { email: 'karin@exempel.se', name: 'Karin Ek', role: 'planner', unitId: org.top.id, password: 'ett-långt-lösenord' });
	return { db, ...org, account };
}

describe('password links', () => {
	it('work only once when ten people use the same link at the same time', async () => {
		const { db, tenant, account } = await setup();
		const token = tokenOf(await issuePasswordLink(db, tenant.id, account.id, 1));
		// On PostgreSQL the link's row is held by another connection until all ten wait for it, so
		// they truly meet: a check-then-write would let every one through when it is let go.
		const held = await holdLinkRow(tenant.id);
		const resets = Array.from({ length: 10 }, (_, i) => resetPassword(db, token, `nytt-lösenord-nummer-${i}`));
		// Settled from the start: a refusal that comes while the row is being let go is awaited, not left unhandled.
		const settled = Promise.allSettled(resets);
		await held?.releaseWhenWaiting(resets.length);
		const results = await settled;
		const succeeded = results.flatMap((result, i) => (result.status === 'fulfilled' ? [i] : []));
		expect(succeeded).toHaveLength(1);
		for (const result of results) if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'error_reset_link_invalid' });
		await expect(signIn(db, tenant.id, 'karin@exempel.se', `nytt-lösenord-nummer-${succeeded[0]}`)).resolves.toBeTruthy();
	});

	it('stop working when a newer link is sent', async () => {
		const { db, tenant, account } = await setup();
		const older = tokenOf(await issuePasswordLink(db, tenant.id, account.id, 1));
		const newer = tokenOf(await issuePasswordLink(db, tenant.id, account.id, 1));
		await expect(resetPassword(db, older, 'ett-annat-långt-lösenord')).rejects.toMatchObject({ code: 'error_reset_link_invalid' });
		await resetPassword(db, newer, 'ett-nytt-långt-lösenord');
	});

	it('stop working when the password is set through another link', async () => {
		const { db, tenant, account } = await setup();
		const newest = tokenOf(await issuePasswordLink(db, tenant.id, account.id, 1));
		// An older invitation still outstanding, as two links sent at the same moment would leave it.
		const secret = newSecret();
		await db.insert(passwordResets).values({ tenantId: tenant.id, accountId: account.id, tokenHash: hashSecret(secret), expiresAt: new Date(Date.now() + 7 * 24 * 3_600_000) });
		await resetPassword(db, newest, 'ett-nytt-långt-lösenord');
		await expect(resetPassword(db, joinCredential(tenant.id, secret), 'ett-annat-långt-lösenord')).rejects.toMatchObject({ code: 'error_reset_link_invalid' });
	});
});

/** PostgreSQL only: locks the organisation's link rows from a connection of its own. */
async function holdLinkRow(tenantId: string) {
	const connectionString = ((await workerDatabase()).pool?.options as { connectionString?: string } | undefined)?.connectionString;
	if (!connectionString) return undefined;
	const holder = new pg.Client({ connectionString });
	const watcher = new pg.Client({ connectionString });
	await Promise.all([holder.connect(), watcher.connect()]);
	await holder.query('begin');
	await holder.query('select 1 from password_resets where tenant_id = $1 for update', [tenantId]);
	return {
		async releaseWhenWaiting(count: number) {
			try {
				for (;;) {
					const { rows } = await watcher.query(`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
					if (rows[0].waiting >= count) break;
					await new Promise((resolve) => setTimeout(resolve, 20));
				}
				await holder.query('commit');
			} finally {
				await Promise.all([holder.end(), watcher.end()]);
			}
		}
	};
}
