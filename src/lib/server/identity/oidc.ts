import * as client from 'openid-client';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { accounts, identityProviders, ROLES } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { addAccount } from './add-account';
import { openSsoSession } from './sso-session';
import { signInRefused } from './sign-in';

/** The cookie that carries state, nonce and PKCE verifier from the start of a sign-in to its callback. */
export const OIDC_COOKIE = 'styrkedjan_oidc';

export type IdentityProvider = typeof identityProviders.$inferSelect;

export async function findIdentityProvider(db: Db, tenantId: string): Promise<IdentityProvider | undefined> {
	const [row] = await db.select().from(identityProviders).where(eq(identityProviders.tenantId, tenantId));
	return row;
}

const providerInput = z.object({
	issuer: z.url(),
	clientId: z.string().trim().min(1),
	clientSecret: z.string().trim().min(1),
	displayName: z.string().trim().min(1).max(100).default('Logga in med organisationens konto'),
	defaultRole: z.enum(ROLES).default('reader')
});

/** Sets (or replaces) the organisation's OpenID Connect provider. */
export async function setIdentityProvider(db: Db, ctx: Ctx, input: unknown): Promise<void> {
	const data = parseInput(providerInput, input, {
		issuer: { sv: 'Utfärdare (issuer)', en: 'Issuer' },
		clientId: { sv: 'Klient-id', en: 'Client id' },
		clientSecret: { sv: 'Klienthemlighet', en: 'Client secret' },
		displayName: { sv: 'Knapptext', en: 'Button text' },
		defaultRole: { sv: 'Roll vid första inloggning', en: 'Role at first sign-in' }
	});
	await db.transaction(async (tx) => {
		await tx.delete(identityProviders).where(eq(identityProviders.tenantId, ctx.tenantId));
		await tx.insert(identityProviders).values({ tenantId: ctx.tenantId, ...data });
		await recordAudit(tx, ctx, {
			action: 'identity_provider.set',
			entityType: 'tenant',
			entityId: ctx.tenantId,
			after: { issuer: data.issuer, clientId: data.clientId, defaultRole: data.defaultRole }
		});
	});
	configurations.delete(ctx.tenantId);
}

const configurations = new Map<string, Promise<client.Configuration>>();

/** Discovery is cached per organisation. Plain http is accepted only for a provider on this machine (tests, development). */
function configurationFor(provider: IdentityProvider): Promise<client.Configuration> {
	let configuration = configurations.get(provider.tenantId);
	if (!configuration) {
		const issuer = new URL(provider.issuer);
		const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
		configuration = client.discovery(issuer, provider.clientId, provider.clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
		configuration.catch(() => configurations.delete(provider.tenantId));
		configurations.set(provider.tenantId, configuration);
	}
	return configuration;
}

/** What the browser must remember between leaving for the provider and coming back. */
export interface OidcPending {
	tenantId: string;
	state: string;
	nonce: string;
	verifier: string;
	redirectTo: string;
}

export async function startOidcSignIn(provider: IdentityProvider, redirectUri: string, redirectTo: string): Promise<{ url: URL; pending: OidcPending }> {
	const configuration = await configurationFor(provider);
	const verifier = client.randomPKCECodeVerifier();
	const pending: OidcPending = { tenantId: provider.tenantId, state: client.randomState(), nonce: client.randomNonce(), verifier, redirectTo };
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: redirectUri,
		scope: 'openid email profile',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

/**
 * Completes the sign-in: the code is exchanged and the ID token checked (signature, issuer,
 * audience, nonce, state, PKCE) by openid-client. The person is found by their subject, else by
 * email (and linked), else created with the organisation's default role. Returns the session cookie.
 */
export async function finishOidcSignIn(db: Db, provider: IdentityProvider, pending: OidcPending, callbackUrl: URL): Promise<string> {
	const configuration = await configurationFor(provider);
	const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
		pkceCodeVerifier: pending.verifier,
		expectedState: pending.state,
		expectedNonce: pending.nonce,
		idTokenExpected: true
	});
	const idClaims = tokens.claims();
	if (!idClaims?.sub) throw new DomainError('error_sso_failed');
	// Many providers keep email and name out of the ID token when an access token is issued; the
	// userinfo endpoint has them (its subject must match the ID token's, which openid-client checks).
	const claims =
		typeof idClaims.email === 'string' && typeof idClaims.name === 'string'
			? idClaims
			: { ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
	const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
	const name = typeof claims.name === 'string' && claims.name ? claims.name : email || idClaims.sub;
	const tenantId = provider.tenantId;
	const system: Ctx = { tenantId, actor: { id: 'sso', name: 'SSO', grants: [] } };

	let [account] = await db.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), eq(accounts.oidcSubject, idClaims.sub)));
	if (!account && email) {
		[account] = await db.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), eq(accounts.email, email)));
		if (account) {
			await db.update(accounts).set({ oidcSubject: idClaims.sub }).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id)));
		}
	}
	if (!account) {
		if (!email) throw new DomainError('error_sso_no_email');
		account = await addAccount(db, system, { email, name, role: provider.defaultRole, oidcSubject: idClaims.sub });
	}
	if (account.disabled) throw signInRefused();
	const signedIn = account;
	return db.transaction((tx) => openSsoSession(tx, tenantId, signedIn, { method: 'oidc', issuer: provider.issuer }));
}
