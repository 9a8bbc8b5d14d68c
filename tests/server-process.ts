import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

/** Waits until a server we started answers `url` with 2xx; fails with its output if it stops first. */
export async function waitUntilServing(url: string, server: ChildProcess, output: () => string): Promise<void> {
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

/** A port free right now on the loopback: take it just before the server listens. */
export function freePort(): Promise<number> {
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

/** The demo organisation's people, one per role (src/lib/server/demo/demo-content.ts). */
export const DEMO_PASSWORD = 'exempel-demo-2025';
/** An account added beside the demo's people for the sign-in test to lock on purpose (tests/e2e/seed.ts). */
export const LOCKED_EMAIL = 'lasprov@exempelkommun.se';
export const DEMO_EMAILS = {
	admin: 'admin@exempelkommun.se',
	planner: 'planerare@exempelkommun.se',
	reporter: 'rapportor@exempelkommun.se',
	reader: 'lasare@exempelkommun.se',
	/** A planner on one school (Lindskolan F–6) only: the school's own plan in the steering chain. */
	rektor: 'rektor@exempelkommun.se'
};
