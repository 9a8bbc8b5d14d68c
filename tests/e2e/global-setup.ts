import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts Styrkedjan as a user would (`npm start`: build if needed, migrate, demo organisation) on a
 * fresh embedded database in a temporary directory, and stops it afterwards.
 */
export default async function setup(project: TestProject) {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-e2e-'));
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const server: ChildProcess = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, DATABASE_URL: '', LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	server.stdout!.on('data', (chunk) => (output += chunk));
	server.stderr!.on('data', (chunk) => (output += chunk));
	await waitFor(`${baseURL}/healthz`, server, () => output);
	project.provide('baseURL', baseURL);
	project.provide('dataDir', dataDir);
	return async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => server.once('exit', resolve));
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}

async function waitFor(url: string, server: ChildProcess, output: () => string) {
	const deadline = Date.now() + 170_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`The server stopped:\n${output()}`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`The server did not start:\n${output()}`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		dataDir: string;
	}
}
