import { and, eq, lt } from 'drizzle-orm';
import type { Profile } from '@node-saml/node-saml';
import type { Db } from '../../db/client';
import { accounts, samlAssertions } from '../../db/schema';
import type { Ctx } from '../../shared/context';
import { DomainError } from '../../shared/domain-error';
import { addAccount } from '../add-account';
import { openSsoSession } from '../sso-session';
import { signInRefused } from '../sign-in';
import { CLOCK_SKEW_MS, serviceProvider, type ServiceProviderUrls } from './saml-service-provider';
import { samlRequestStore } from './saml-request-store';
import type { SamlProvider } from './saml-providers';

/** A SAMLResponse (base64) larger than this is refused unread: a signed assertion with a few attributes is a few kB. */
export const MAX_RESPONSE_CHARS = 256 * 1024;

const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const GIVEN_NAME = 'urn:oid:2.5.4.42';
const SURNAME = 'urn:oid:2.5.4.4';

/** The one answer the browser gets for any refused SAML response; `reason` is for the log. */
export class SamlRefused extends DomainError {
	constructor(readonly reason: string) {
		super('error_sso_failed');
	}
}

type XmlNode = { $?: Record<string, string>; _?: string; [child: string]: unknown };
const first = (node: unknown, child: string): XmlNode | undefined => ((node as XmlNode | undefined)?.[child] as XmlNode[] | undefined)?.[0];

/** An attribute's first text value (attributes may carry several). */
function attribute(profile: Profile, name: string): string {
	const value = (profile.attributes as Record<string, unknown> | undefined)?.[name];
	const text = Array.isArray(value) ? value.find((entry) => typeof entry === 'string') : value;
	return typeof text === 'string' ? text.trim() : '';
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * Completes a sign-in through SAML: node-saml checks the response (the assertion's signature by the
 * IdP's certificate, audience, time, InResponseTo one of our requests of the last ten minutes,
 * used once, and the one this browser started: `startedHere`, from its cookie); then here the issuer and recipient are checked, and the assertion's id is recorded in
 * the same transaction that opens the session — an insert that does nothing when the id is there, so
 * a replayed assertion is refused even when two copies arrive at once. The person is found by their
 * SAML subject (NameID, unless transient), else by e-mail (and linked), else created with the
 * organisation's default role. Any refusal writes nothing. Returns the session cookie.
 */
export async function signInWithSaml(
	db: Db,
	provider: SamlProvider,
	urls: ServiceProviderUrls,
	samlResponse: string,
	startedHere: string | undefined,
	now = new Date()
): Promise<string> {
	if (!samlResponse || samlResponse.length > MAX_RESPONSE_CHARS) throw new SamlRefused('missing or oversized SAMLResponse');
	if (!startedHere) throw new SamlRefused('no sign-in was started in this browser (no request cookie)');
	if (/<!DOCTYPE|<!ENTITY/i.test(Buffer.from(samlResponse, 'base64').toString('utf8'))) throw new SamlRefused('DTD in SAMLResponse');
	let profile: Profile | null;
	try {
		({ profile } = await serviceProvider(db, provider, urls, samlRequestStore(db, provider.tenantId, startedHere)).validatePostResponseAsync({ SAMLResponse: samlResponse }));
	} catch (thrown) {
		throw new SamlRefused(thrown instanceof Error ? thrown.message : String(thrown));
	}
	if (!profile) throw new SamlRefused('no assertion');
	if (profile.issuer !== provider.entityId) throw new SamlRefused(`issuer ${profile.issuer} is not ${provider.entityId}`);
	const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
	const assertionId = assertion?.$?.ID;
	const notOnOrAfter = Date.parse(first(assertion, 'Conditions')?.$?.NotOnOrAfter ?? '');
	if (!assertionId || assertionId.length > 256 || !Number.isFinite(notOnOrAfter)) throw new SamlRefused('assertion without ID or NotOnOrAfter');
	const recipient = first(first(first(assertion, 'Subject'), 'SubjectConfirmation'), 'SubjectConfirmationData')?.$?.Recipient;
	// The Web Browser SSO profile requires the bearer confirmation to name where the answer goes: here.
	if (recipient !== urls.acs) throw new SamlRefused(`recipient ${recipient ?? '(none)'} is not ${urls.acs}`);

	const subject = profile.nameIDFormat === TRANSIENT || !profile.nameID ? undefined : profile.nameID.slice(0, 1024);
	const email = (attribute(profile, provider.emailAttribute) || (looksLikeEmail(profile.nameID ?? '') ? profile.nameID : '')).toLowerCase();
	const fullName = [attribute(profile, GIVEN_NAME), attribute(profile, SURNAME)].filter(Boolean).join(' ');
	const name = (attribute(profile, provider.nameAttribute) || fullName || email).slice(0, 200);
	const tenantId = provider.tenantId;
	const system: Ctx = { tenantId, actor: { id: 'sso', name: 'SSO', grants: [] } };

	return db.transaction(async (tx) => {
		// Used assertions are kept until they expire (with the clocks' allowance); then they could not be replayed anyway.
		await tx.delete(samlAssertions).where(and(eq(samlAssertions.tenantId, tenantId), lt(samlAssertions.notOnOrAfter, new Date(now.getTime() - CLOCK_SKEW_MS))));
		const [recorded] = await tx
			.insert(samlAssertions)
			.values({ tenantId, assertionId, notOnOrAfter: new Date(notOnOrAfter) })
			.onConflictDoNothing()
			.returning({ assertionId: samlAssertions.assertionId });
		if (!recorded) throw new SamlRefused(`assertion ${assertionId} replayed`);

		let [account] = subject ? await tx.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), eq(accounts.samlSubject, subject))) : [];
		if (!account && email) {
			[account] = await tx.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), eq(accounts.email, email)));
			if (account && subject) await tx.update(accounts).set({ samlSubject: subject }).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id)));
		}
		if (!account) {
			if (!email) throw new DomainError('error_sso_no_email');
			account = await addAccount(tx, system, { email, name, role: provider.defaultRole, samlSubject: subject });
		}
		if (account.disabled) throw signInRefused();
		return openSsoSession(tx, tenantId, account, { method: 'saml', entityId: provider.entityId }, now);
	});
}
