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
