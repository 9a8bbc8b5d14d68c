import pg from 'pg';

/** The p-th percentile of a list of timings. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Waits until the server at `base` answers its health check (about 150 s at most). */
export async function waitForServer(base: string): Promise<void> {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return;
		} catch {
			if (i > 600) throw new Error('server did not start');
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}
}

/**
 * A fresh PostgreSQL database for one benchmark run (BENCH_DATABASE_URL is an admin connection;
 * default the local server): its address, and `drop` to remove it afterwards.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const name = `styrkedjan_bench_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database "${name}"`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			await admin.query(`drop database if exists "${name}" with (force)`);
			await admin.end();
		}
	};
}
