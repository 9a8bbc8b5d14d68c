import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Five tiers: unit (no database), the same database tests on PGlite and on PostgreSQL, the security
 * group (real servers over HTTP) and the browser suite. PostgreSQL runs when TEST_DATABASE_URL is set; with CI=true it must be.
 */
const postgresUrl = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && !postgresUrl) {
	throw new Error('CI=true requires TEST_DATABASE_URL: the PostgreSQL tier may not be skipped in CI.');
}
const only = process.env.TEST_TIERS?.split(',');
// Tests read produced PDFs back with poppler; without it those checks are skipped locally, never in CI.
const poppler = ['pdftotext', 'pdfinfo', 'pdftohtml', 'pdffonts'].filter((tool) => !fs.existsSync(`/usr/bin/${tool}`));
if (poppler.length && process.env.CI === 'true') throw new Error(`CI=true requires poppler (${poppler.join(', ')}): apt-get install -y poppler-utils.`);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = fs.existsSync(chromium);
if (!hasBrowser) {
	if (process.env.CI === 'true') throw new Error(`CI=true requires Chromium at ${chromium}: the browser suite may not be skipped in CI.`);
	console.warn(`\n  Chromium not found at ${chromium}: the browser suite is skipped. Install it with: apt-get install -y chromium\n`);
}

const dbProject = (name: string, kind: 'pglite' | 'postgres') => ({
	test: {
		name,
		include: ['src/**/*.db.test.ts'],
		setupFiles: ['src/lib/server/testing/db-setup.ts'],
		globalSetup: kind === 'postgres' ? ['src/lib/server/testing/postgres-global-setup.ts'] : [],
		env: { TEST_DB: kind },
		isolate: false,
		// Limits for a hang, not for speed: on 2 busy cores a PDF of every demo plan takes minutes.
		testTimeout: 300_000,
		hookTimeout: 300_000
	}
});

const projects = [
	{ test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.db.test.ts'], testTimeout: 120_000 } },
	dbProject('db-pglite', 'pglite'),
	...(postgresUrl ? [dbProject('db-postgres', 'postgres')] : []),
	{
		// Hostile users and a flaky network, against real servers over HTTP (tests/security/server.ts).
		test: {
			name: 'security',
			include: ['tests/security/**/*.test.ts'],
			globalSetup: ['tests/security/global-setup.ts'],
			testTimeout: 120_000,
			hookTimeout: 180_000
		}
	},
	...(hasBrowser ? [{
		test: {
			name: 'e2e',
			include: ['tests/e2e/**/*.e2e.test.ts'],
			globalSetup: ['tests/e2e/global-setup.ts'],
			fileParallelism: false,
			testTimeout: 180_000,
			hookTimeout: 180_000
		}
	}] : [])
].filter((project) => !only || only.includes(project.test.name));

export default defineConfig({ test: { projects } });
