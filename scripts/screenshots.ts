/**
 * Screenshots of the main pages at a phone's 390 px and a desktop's 1280 px, for the README and
 * docs/screenshots/: what anyone gets before installing. Starts Styrkedjan as `npm start` does, on a
 * fresh embedded database with the demo, signs in as the demo's people, and writes one PNG per page
 * and width. Run again after a change to the pages:
 *
 *   npm run screenshots
 *
 * Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH), as the browser tests do.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { snapshotBuild } from '../tests/build-snapshot';
import { DEMO_EMAILS, DEMO_PASSWORD, freePort, waitUntilServing } from '../tests/server-process';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const WIDTHS = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 860 }
];

/** The pages shown, each as the person who uses it. */
const SHOTS: { file: string; role: keyof typeof DEMO_EMAILS | null; address: (plan: string) => string }[] = [
	{ file: 'start-page-strategist', role: 'admin', address: () => '/' },
	{ file: 'start-page-rektor', role: 'reporter', address: () => '/' },
	{ file: 'plan', role: 'planner', address: (plan) => plan },
	{ file: 'overview', role: 'admin', address: (plan) => `${plan}/overview` },
	{ file: 'att-rapportera', role: 'reporter', address: () => '/att-rapportera' },
	{ file: 'public-plans', role: null, address: () => '/public/exempelkommun' }
];

const build = await snapshotBuild();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-screenshots-'));
const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['scripts/start.js'], {
	env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseURL, DATABASE_URL: '', DEMO: 'true', LOG_LEVEL: 'warn', STYRKEDJAN_BUILD: build.dir },
	stdio: ['ignore', 'pipe', 'pipe']
});
let output = '';
server.stdout!.on('data', (chunk) => (output += chunk));
server.stderr!.on('data', (chunk) => (output += chunk));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
	await waitUntilServing(`${baseURL}/healthz`, server, () => output);
	fs.mkdirSync(OUT, { recursive: true });
	const pages = new Map<string, Page>();
	const pageFor = async (role: keyof typeof DEMO_EMAILS | null) => {
		const key = role ?? 'public';
		if (!pages.has(key)) {
			const page = await (await browser.newContext({ baseURL, locale: 'sv-SE' })).newPage();
			if (role) {
				await page.goto('/login');
				await page.getByLabel('E-post').fill(DEMO_EMAILS[role]);
				await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
				await page.getByRole('button', { name: 'Logga in' }).click();
				await page.waitForURL((url) => url.pathname === '/');
			}
			pages.set(key, page);
		}
		return pages.get(key)!;
	};
	const admin = await pageFor('admin');
	const plans = (await (await admin.request.get('/api/v1/plans')).json()) as { id: string; title: string }[];
	const plan = `/plans/${plans.find((each) => each.title === 'Utbildningsförvaltningens verksamhetsplan 2025')!.id}`;
	for (const shot of SHOTS) {
		const page = await pageFor(shot.role);
		for (const size of WIDTHS) {
			await page.setViewportSize({ width: size.width, height: size.height });
			const response = await page.goto(shot.address(plan));
			if (!response?.ok()) throw new Error(`${shot.address(plan)} answered ${response?.status()}`);
			const file = path.join(OUT, `${shot.file}-${size.name}.png`);
			await page.screenshot({ path: file });
			console.log(`${path.relative(process.cwd(), file)} (${size.width} px)`);
		}
	}
} finally {
	await browser.close();
	server.kill('SIGTERM');
	await new Promise((resolve) => server.once('exit', resolve));
	fs.rmSync(dataDir, { recursive: true, force: true });
	build.remove();
}
