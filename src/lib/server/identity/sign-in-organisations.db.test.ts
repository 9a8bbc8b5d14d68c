import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../db/schema';
import { createTestOrganisation, testDb } from '../testing/factories';
import { setEmailDomains } from '../organisation/set-email-domains';
import { emailDomain, findSignInOrganisation, organisationForEmail } from './sign-in-organisations';

describe('finding the organisation a sign-in goes to', () => {
	it('finds it by the e-mail\'s domain, whatever its case; none or several is no answer', async () => {
		const db = await testDb();
		const north = await createTestOrganisation(db);
		const south = await createTestOrganisation(db);
		await setEmailDomains(db, north.ctx, { domains: 'Norr.se, @skola.norr.se' });
		await setEmailDomains(db, south.ctx, { domains: 'syd.se delad.se' });

		expect(await organisationForEmail(db, 'anna@NORR.se', '')).toMatchObject({ id: north.tenant.id, slug: north.tenant.slug });
		expect(await organisationForEmail(db, 'anna@skola.norr.se', '')).toMatchObject({ id: north.tenant.id });
		expect(await organisationForEmail(db, 'bo@syd.se', '')).toMatchObject({ id: south.tenant.id });
		expect(await organisationForEmail(db, 'bo@annan.se', '')).toBeUndefined();
		expect(await organisationForEmail(db, 'utan-snabel-a', '')).toBeUndefined();

		// A domain two organisations name signs in to neither: the person is asked for the address.
		await setEmailDomains(db, north.ctx, { domains: 'norr.se, delad.se' });
		expect(await organisationForEmail(db, 'cia@delad.se', '')).toBeUndefined();
		// The server's default organisation is used when no domain matches, never over a match.
		expect(await organisationForEmail(db, 'bo@annan.se', south.tenant.slug)).toMatchObject({ id: south.tenant.id });
		expect(await organisationForEmail(db, 'anna@norr.se', south.tenant.slug)).toMatchObject({ id: north.tenant.id });
	});

	it('finds an organisation by its sign-in address only', async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		expect(await findSignInOrganisation(db, org.tenant.slug)).toEqual({ id: org.tenant.id, slug: org.tenant.slug, name: org.tenant.name });
		expect(await findSignInOrganisation(db, 'finns-inte')).toBeUndefined();
		expect(await findSignInOrganisation(db, '')).toBeUndefined();
	});

	it('keeps domains clean, refuses what is not one, and records the change', async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		expect(await setEmailDomains(db, org.ctx, { domains: 'B.se; a.se, b.se\n@c.se' })).toEqual(['a.se', 'b.se', 'c.se']);
		await expect(setEmailDomains(db, org.ctx, { domains: 'a.se, inte en domän' })).rejects.toMatchObject({ code: 'error_email_domain_invalid' });
		await expect(setEmailDomains(db, org.ctx, { domains: 'http://a.se' })).rejects.toMatchObject({ code: 'error_email_domain_invalid' });
		const events = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, org.tenant.id));
		expect(events.filter((event) => event.action === 'tenant.email_domains').map((event) => event.after)).toEqual([{ emailDomains: ['a.se', 'b.se', 'c.se'] }]);
		expect(await setEmailDomains(db, org.ctx, { domains: '' })).toEqual([]);
	});

	it('reads the domain of an address', () => {
		expect(emailDomain('Anna.Ek@Linkoping.SE ')).toBe('linkoping.se');
		expect(emailDomain('ingen')).toBe('');
	});
});
