import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seed, type ForeignIds } from './seed';
import { startMailServer, startOidcProvider } from './peers';
import { startSchoolUnitRegister } from '../peers/school-unit-register';
import { startKolada } from '../peers/kolada';
import { startSamlIdp } from '../peers/saml-idp';
import { snapshotBuild } from '../build-snapshot';
import { freePort, waitUntilServing } from '../server-process';

/**
 * Starts Styrkedjan as a user would (`npm start`) on a fresh embedded database holding the demo and a
 * second organisation, beside a real SMTP server and a real OpenID provider; stops them afterwards.
 */
export default async function setup(project: TestProject) {
	// Build first: a port found free is only free for a moment, so it is taken just before the server listens.
	const build = await snapshotBuild();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-e2e-'));
	const mailDir = path.join(dataDir, 'mail');
	const foreign = await seed(path.join(dataDir, 'db'));
	const [port, smtpPort, oidcPort] = [await freePort(), await freePort(), await freePort()];
	const baseURL = `http://127.0.0.1:${port}`;
	const stopMail = await startMailServer(smtpPort, mailDir);
	const stopOidc = await startOidcProvider(oidcPort, baseURL);
	// Skolverket's school unit register, as a local stub with recorded answers: never the real service.
	const register = await startSchoolUnitRegister();
	// Kolada's API v3, as a local stub with recorded answers: never the real service.
	const kolada = await startKolada();
	// A SAML identity provider (xml-crypto signing) for the seed's Samlby kommun: its users arrive as <name>@samlby.se.
	const samlIdp = await startSamlIdp('samlby.se');
	const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			DATA_DIR: path.join(dataDir, 'db'),
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			DATABASE_URL: '',
			DEMO: 'true',
			DEFAULT_TENANT: 'exempelkommun',
			SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
			SKOLVERKET_URL: register.url,
			KOLADA_URL: kolada.url,
			JOB_SCHEDULE: 'off',
			LOG_LEVEL: 'warn',
			STYRKEDJAN_BUILD: build.dir
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	// E2E_SERVER_LOG=1 shows the server's own log while the tests run.
	const echo = process.env.E2E_SERVER_LOG === '1';
	server.stdout!.on('data', (chunk) => ((output += chunk), echo && process.stdout.write(chunk)));
	server.stderr!.on('data', (chunk) => ((output += chunk), echo && process.stderr.write(chunk)));
	await waitUntilServing(`${baseURL}/healthz`, server, () => output);
	project.provide('baseURL', baseURL);
	project.provide('mailDir', mailDir);
	project.provide('oidcIssuer', `http://127.0.0.1:${oidcPort}`);
	project.provide('foreign', foreign);
	project.provide('samlIdp', samlIdp.url);
	return async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
		await stopMail();
		await stopOidc();
		await register.close();
		await kolada.close();
		await samlIdp.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
		build.remove();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		mailDir: string;
		oidcIssuer: string;
		foreign: ForeignIds;
		samlIdp: string;
	}
}
