import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import Provider from 'oidc-provider';

/** A real SMTP server on this machine; every message it receives is written to `dir` as an .eml file. */
export async function startMailServer(port: number, dir: string): Promise<() => Promise<void>> {
	fs.mkdirSync(dir, { recursive: true });
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				count += 1;
				fs.writeFileSync(path.join(dir, `${Date.now()}-${String(count).padStart(4, '0')}.eml`), Buffer.concat(chunks));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return () => new Promise((resolve) => server.close(() => resolve()));
}

export const OIDC_CLIENT = { id: 'styrkedjan-e2e', secret: 'e2e-client-secret-which-is-long-enough' };

/**
 * A real OpenID Connect provider (oidc-provider) with its development login screens: any login
 * name is accepted and becomes the subject, with an email at the demo organisation.
 */
export async function startOidcProvider(port: number, appOrigin: string): Promise<() => Promise<void>> {
	const issuer = `http://127.0.0.1:${port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: OIDC_CLIENT.id,
				client_secret: OIDC_CLIENT.secret,
				redirect_uris: [`${appOrigin}/auth/oidc/callback`],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		pkce: { required: () => true },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		features: { devInteractions: { enabled: true } },
		findAccount: async (_ctx: unknown, id: string) => ({
			accountId: id,
			claims: async () => ({ sub: id, email: `${id}@exempelkommun.se`, email_verified: true, name: `Sso ${id}` })
		})
	});
	const server = provider.listen(port);
	await new Promise<void>((resolve) => server.once('listening', () => resolve()));
	return () => new Promise((resolve) => server.close(() => resolve()));
}
