import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accounts, auditEvents, roleAssignments, samlAssertions, samlRequests, sessions } from '../../db/schema';
import { createTestOrganisation, testDb } from '../../testing/factories';
import { resolveSession } from '../sessions';
import { addAccount } from '../add-account';
import { setAccountDisabled } from '../set-account-disabled';
import { FEDERATION_CERT, IDP_CERT, idpMetadata, mintResponse, readAuthnRequest, startSamlIdp, type ResponseOptions, type SamlIdp } from '../../../../../tests/peers/saml-idp';
import { parseIdpMetadata } from './parse-idp-metadata';
import { setSamlProvider } from './set-saml-provider';
import { removeSamlProvider } from './remove-saml-provider';
import { findSamlProvider } from './saml-providers';
import { serviceProviderMetadata, serviceProviderUrls, startSamlSignIn } from './saml-service-provider';
import { signInWithSaml } from './sign-in-with-saml';

const ENTITY = 'https://idp.exempel.se/metadata';
const SSO = 'https://idp.exempel.se/sso';
const ORIGIN = 'https://styrkedjan.exempel.se';

let idp: SamlIdp;
beforeAll(async () => {
	idp = await startSamlIdp('exempel.se');
});
afterAll(async () => {
	await idp?.close();
});

async function setup(options: { defaultRole?: string } = {}) {
	const db = await testDb();
	const org = await createTestOrganisation(db);
	await setSamlProvider(db, org.ctx, { metadataXml: idpMetadata({ entityId: ENTITY, ssoUrl: SSO }), defaultRole: options.defaultRole ?? 'reporter' });
	const provider = (await findSamlProvider(db, org.tenant.id))!;
	const urls = serviceProviderUrls(ORIGIN, org.tenant.slug);
	/** A sign-in started here: the AuthnRequest's id, as the IdP reads it from the redirect. */
	const start = async () => {
		const started = await startSamlSignIn(db, provider, urls, '/plans');
		const address = new URL(started.address);
		expect(`${address.origin}${address.pathname}`).toBe(SSO);
		expect(address.searchParams.get('RelayState')).toBe('/plans');
		const request = readAuthnRequest(address.searchParams.get('SAMLRequest')!);
		expect(request).toMatchObject({ acs: urls.acs, issuer: urls.entityId });
		// The browser keeps the same id (its cookie): only an answer to it signs this browser in.
		expect(started.requestId).toBe(request.id);
		return request.id;
	};
	const response = (inResponseTo: string, options: Partial<ResponseOptions> = {}) =>
		mintResponse({ issuer: ENTITY, acs: urls.acs, audience: urls.entityId, inResponseTo, nameId: 'pid-1234', email: 'Sara.Saml@Exempel.se', name: 'Sara Saml', ...options });
	/** The answer to a request, posted by the browser that started it. */
	const signIn = (requestId: string, options: Partial<ResponseOptions> = {}) => signInWithSaml(db, provider, urls, response(requestId, options), requestId);
	return { db, ...org, provider, urls, start, response, signIn };
}

/** What a refused sign-in must not have written: accounts, sessions, used assertions, audit records. */
async function written(db: Db, tenantId: string) {
	const counted = await Promise.all(
		[accounts, sessions, samlAssertions, auditEvents].map(async (table) => (await db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0].n)
	);
	return counted.join(',');
}

describe('IdP metadata', () => {
	it('reads the entity id, the redirect sign-on address and the signing certificate', async () => {
		const metadata = await parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: SSO }));
		expect(metadata).toMatchObject({ entityId: ENTITY, ssoUrl: SSO, signature: 'none' });
		expect(metadata.certificates).toEqual([IDP_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '')]);
	});

	it('refuses malformed, unsigned and unusable metadata with the reason', async () => {
		await expect(parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><oops>')).rejects.toMatchObject({ code: 'error_saml_metadata_malformed' });
		await expect(parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">')).rejects.toMatchObject({ code: 'error_saml_metadata_malformed' });
		await expect(parseIdpMetadata('inte xml alls')).rejects.toMatchObject({ code: 'error_saml_metadata_malformed' });
		await expect(parseIdpMetadata('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).rejects.toMatchObject({ code: 'error_saml_metadata_malformed' });
		await expect(parseIdpMetadata(`<a>${'x'.repeat(300_000)}</a>`)).rejects.toMatchObject({ code: 'error_saml_metadata_too_large' });
		await expect(parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>')).rejects.toMatchObject({ code: 'error_saml_metadata_no_idp' });
		await expect(parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: SSO, withoutCertificate: true }))).rejects.toMatchObject({ code: 'error_saml_metadata_unsigned' });
		await expect(parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: SSO, postOnly: true }))).rejects.toMatchObject({ code: 'error_saml_metadata_no_sso' });
		await expect(parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: 'http://idp.exempel.se/sso' }))).rejects.toMatchObject({ code: 'error_saml_metadata_no_sso' });
	});

	it('checks the document signature against the federation certificate when one is given', async () => {
		const federationCertificate = FEDERATION_CERT;
		const signed = idpMetadata({ entityId: ENTITY, ssoUrl: SSO, signedBy: 'federation' });
		expect(await parseIdpMetadata(signed)).toMatchObject({ signature: 'unchecked' });
		expect(await parseIdpMetadata(signed, { federationCertificate })).toMatchObject({ signature: 'verified', ssoUrl: SSO });
		await expect(parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: SSO }), { federationCertificate })).rejects.toMatchObject({ code: 'error_saml_metadata_not_signed' });
		await expect(parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: SSO, signedBy: 'stranger' }), { federationCertificate })).rejects.toMatchObject({
			code: 'error_saml_metadata_bad_signature'
		});
		await expect(parseIdpMetadata(idpMetadata({ entityId: ENTITY, ssoUrl: SSO, signedBy: 'federation', tamperAfterSigning: true }), { federationCertificate })).rejects.toMatchObject({
			code: 'error_saml_metadata_bad_signature'
		});
		await expect(parseIdpMetadata(signed, { federationCertificate: 'inget certifikat' })).rejects.toMatchObject({ code: 'error_saml_federation_certificate_invalid' });
	});
});

describe('setting the SAML provider', () => {
	it('fetches metadata from its address, keeps what it read, audits, and can be removed', async () => {
		const db = await testDb();
		const org = await createTestOrganisation(db);
		const read = await setSamlProvider(db, org.ctx, { metadataUrl: `${idp.url}/metadata/signed`, federationCertificate: FEDERATION_CERT, displayName: 'Logga in med Skolfed', defaultRole: 'planner' });
		expect(read.signature).toBe('verified');
		const provider = await findSamlProvider(db, org.tenant.id);
		expect(provider).toMatchObject({ entityId: idp.entityId, ssoUrl: `${idp.url}/sso`, metadataUrl: `${idp.url}/metadata/signed`, displayName: 'Logga in med Skolfed', defaultRole: 'planner' });
		const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.tenantId, org.tenant.id), eq(auditEvents.action, 'saml_provider.set')));
		expect(audited).toHaveLength(1);

		await removeSamlProvider(db, org.ctx);
		expect(await findSamlProvider(db, org.tenant.id)).toBeUndefined();
		await expect(removeSamlProvider(db, org.ctx)).rejects.toMatchObject({ code: 'error_not_found' });
	});

	it('refuses a missing, unreachable or non-https address and keeps the provider as it was', async () => {
		const { db, ctx, tenant } = await setup();
		await expect(setSamlProvider(db, ctx, {})).rejects.toMatchObject({ code: 'error_saml_metadata_missing', field: 'metadataUrl' });
		await expect(setSamlProvider(db, ctx, { metadataUrl: 'http://idp.exempel.se/metadata' })).rejects.toMatchObject({ code: 'error_saml_metadata_url_invalid' });
		await expect(setSamlProvider(db, ctx, { metadataUrl: `${idp.url}/finns-inte` })).rejects.toMatchObject({ code: 'error_saml_metadata_fetch_failed' });
		await expect(setSamlProvider(db, ctx, { metadataXml: idpMetadata({ entityId: 'https://annan.se', ssoUrl: SSO, withoutCertificate: true }) })).rejects.toMatchObject({
			code: 'error_saml_metadata_unsigned',
			field: 'metadataXml'
		});
		expect((await findSamlProvider(db, tenant.id))?.entityId).toBe(ENTITY);
	});

	it('publishes the SP metadata with the entity id and assertion consumer service', () => {
		const urls = serviceProviderUrls(ORIGIN, 'exempelkommun');
		const xml = serviceProviderMetadata(urls);
		expect(xml).toContain(`entityID="${ORIGIN}/auth/saml/exempelkommun/metadata"`);
		expect(xml).toContain(`Location="${ORIGIN}/auth/saml/exempelkommun/acs"`);
		expect(xml).toContain('WantAssertionsSigned="true"');
	});
});

describe('signing in through SAML', () => {
	it('creates the person with the default role on first sign-in, then finds them by their subject', async () => {
		const { db, tenant, start, signIn } = await setup();
		const cookie = await signIn(await start());
		const session = await resolveSession(db, cookie);
		expect(session?.tenantId).toBe(tenant.id);
		const [account] = await db.select().from(accounts).where(eq(accounts.id, session!.accountId));
		expect(account).toMatchObject({ email: 'sara.saml@exempel.se', samlSubject: 'pid-1234', passwordHash: null });
		const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.accountId, account.id));
		expect(roles.map((role) => role.role)).toEqual(['reporter']);

		// Later, with another e-mail: still the same account (by NameID).
		const again = await signIn(await start(), { email: 'sara.ny@exempel.se' });
		expect((await resolveSession(db, again))?.accountId).toBe(account.id);
		expect(await db.select().from(samlRequests).where(eq(samlRequests.tenantId, tenant.id))).toEqual([]);
	});

	it('links an existing account by e-mail and refuses a disabled one', async () => {
		const { db, ctx, tenant, start, signIn } = await setup();
		const existing = await addAccount(db, ctx, { email: 'sara.saml@exempel.se', name: 'Sara', role: 'admin' });
		const cookie = await signIn(await start());
		expect((await resolveSession(db, cookie))?.accountId).toBe(existing.id);
		await setAccountDisabled(db, ctx, existing.id, true);
		const before = await written(db, tenant.id);
		await expect(signIn(await start())).rejects.toMatchObject({ code: 'error_sign_in_failed' });
		expect(await written(db, tenant.id)).toBe(before);
	});

	it('refuses a tampered, expired, wrongly addressed, unsigned, forged or unsolicited response, writing nothing', async () => {
		const { db, tenant, provider, urls, start, response } = await setup();
		const cases: [string, (requestId: string) => string, RegExp][] = [
			['tampered after signing', (requestId) => response(requestId, { tamper: true }), /signature/i],
			['expired', (requestId) => response(requestId, { validMinutes: -10 }), /expired|subject confirmation/i],
			['for another audience', (requestId) => response(requestId, { audience: 'https://annan-tjanst.se/sp' }), /audience/i],
			['unsigned', (requestId) => response(requestId, { signature: 'none' }), /signature/i],
			['signed by another key', (requestId) => response(requestId, { signature: 'stranger' }), /signature/i],
			['from another issuer', (requestId) => response(requestId, { issuer: 'https://annan-idp.se' }), /issuer/i],
			['for another address', (requestId) => response(requestId, { acs: 'https://elak.example/acs' }), /recipient/i],
			['answering no request of ours', () => response('_aldrig-skickad'), /InResponseTo/],
			['unsolicited (no InResponseTo)', () => response(''), /InResponseTo/]
		];
		const before = await written(db, tenant.id);
		for (const [what, make, reason] of cases) {
			const requestId = await start();
			const refused = await signInWithSaml(db, provider, urls, make(requestId), requestId).then(
				() => undefined,
				(thrown) => thrown
			);
			expect(refused, what).toMatchObject({ code: 'error_sso_failed' });
			expect(refused.reason, what).toMatch(reason);
		}
		expect(await written(db, tenant.id)).toBe(before);
	});

	it('refuses a replayed assertion, also when its request id is accepted again and when two copies arrive at once', async () => {
		const { db, tenant, provider, urls, start, response } = await setup();
		const requestId = await start();
		const posted = response(requestId);
		await signInWithSaml(db, provider, urls, posted, requestId);
		const before = await written(db, tenant.id);
		// Replayed as it was: the request it answered is spent.
		await expect(signInWithSaml(db, provider, urls, posted, requestId)).rejects.toMatchObject({ code: 'error_sso_failed', reason: expect.stringMatching(/InResponseTo/) });
		// Even were the request id to pass again, the assertion's own id is refused by the replay store.
		await db.insert(samlRequests).values({ tenantId: tenant.id, requestId });
		await expect(signInWithSaml(db, provider, urls, posted, requestId)).rejects.toMatchObject({ code: 'error_sso_failed', reason: expect.stringMatching(/replayed/) });
		expect(await written(db, tenant.id)).toBe(before);

		const again = await start();
		const twice = response(again);
		const outcomes = await Promise.allSettled([signInWithSaml(db, provider, urls, twice, again), signInWithSaml(db, provider, urls, twice, again)]);
		expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
	});

	it('signs in only the browser that started the sign-in: an answer posted into another browser is refused (login CSRF)', async () => {
		const { db, tenant, provider, urls, start, response } = await setup();
		const attackers = await start();
		const victims = await start();
		const before = await written(db, tenant.id);
		// The attacker's own valid answer, posted from a page of theirs into the victim's browser (which started its own sign-in, or none).
		await expect(signInWithSaml(db, provider, urls, response(attackers), victims)).rejects.toMatchObject({ code: 'error_sso_failed', reason: expect.stringMatching(/InResponseTo/) });
		await expect(signInWithSaml(db, provider, urls, response(attackers), undefined)).rejects.toMatchObject({ code: 'error_sso_failed', reason: expect.stringMatching(/no sign-in was started/) });
		expect(await written(db, tenant.id)).toBe(before);
		// The victim's own answer, in the browser that started it, signs in.
		await expect(signInWithSaml(db, provider, urls, response(victims), victims)).resolves.toEqual(expect.any(String));
	});

	it('keeps another organisation’s requests and assertions apart', async () => {
		const first = await setup();
		const second = await setup();
		const requestId = await first.start();
		// The same IdP serves both: an answer to the first organisation's request is not the second's.
		await expect(signInWithSaml(second.db, second.provider, second.urls, second.response(requestId), requestId)).rejects.toMatchObject({ code: 'error_sso_failed' });
		await expect(signInWithSaml(first.db, first.provider, first.urls, first.response(requestId), requestId)).resolves.toEqual(expect.any(String));
	});
});
