#!/usr/bin/env node
// `npm start`: builds when the sources are newer than the build, then runs the server. The server
// itself migrates the database and loads the demo organisation on first start (src/hooks.server.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withBuildLock } from './build-lock.js';
import { serve } from './serve.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

// The project brings its own Node (the `node` package, put first on PATH by npm scripts and npx):
// an older system Node means the script was started some other way.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	console.error(`Styrkedjan behöver Node 22 eller senare (här: ${process.version}). Starta med \`npm start\`, som använder projektets egen Node 24.`);
	process.exit(1);
}

// The server runs with a young generation of 8 MB per semi-space and an old generation let grow 50 % over what
// is live before it is collected (MEMORY_FLAGS). Node 24's defaults grow the young generation with the machine's
// memory (tens of MB per semi-space) and the old one up to 4× what is live: a server answering 8,000-item plans held
// 245 MB after its first answer and saw-toothed to 370 MB; with these, 133–161 MB at the same speed
// (docs/BENCHMARKS.md, #15). V8 takes them only when Node starts, so without them the process replaces itself
// (execve: same pid, same stdio) with one that has them. A flag of one's own, on the command line or in
// NODE_OPTIONS, is kept.
const MEMORY_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
const missing = MEMORY_FLAGS.filter((flag) => !given.some((arg) => arg.startsWith(flag.split('=')[0])));
if (!process.argv.includes('--build-only') && missing.length && typeof process.execve === 'function') {
	process.execve(process.execPath, [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)], process.env);
}
if (!process.argv.includes('--build-only')) console.log(`Node ${process.version}`);

function newest(dir) {
	let latest = 0;
	if (!fs.existsSync(dir)) return latest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'paraglide' || entry.name.startsWith('.')) continue;
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
	}
	return latest;
}

const output = path.join(root, 'build', 'index.js');
const sourcesChanged = () =>
	!fs.existsSync(output) ||
	Math.max(newest('src'), newest('messages'), newest('static'), fs.statSync('package.json').mtimeMs) > fs.statSync(output).mtimeMs;

// STYRKEDJAN_BUILD runs an already built copy as it is (the test suites run snapshots of the build,
// so a rebuild during a run cannot swap a running server's files).
const runBuilt = process.env.STYRKEDJAN_BUILD ? path.resolve(process.env.STYRKEDJAN_BUILD, 'index.js') : undefined;
if (!runBuilt && sourcesChanged()) {
	await withBuildLock(root, () => {
		if (!sourcesChanged()) return;
		console.log('Bygger Styrkedjan …');
		const result = spawnSync(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
			stdio: 'inherit',
			// What ships is built for production whatever started us: Vite keeps an inherited NODE_ENV, and under
			// Vitest (NODE_ENV=test) Svelte would compile its dev checks into every element of every page.
			env: { ...process.env, NODE_ENV: 'production' }
		});
		if (result.status !== 0) process.exit(result.status ?? 1);
	});
}

// `--build-only`: build if needed and stop (the browser tests build before they take a port).
if (process.argv.includes('--build-only')) process.exit(0);

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.BODY_SIZE_LIMIT ??= '12M';
const address = process.env.ORIGIN ?? `http://localhost:${process.env.PORT}`;
process.env.ORIGIN ??= address;

try {
	await serve(path.dirname(runBuilt ?? output));
} catch (error) {
	console.error(error?.message ?? error);
	process.exit(1);
}
console.log(`\nStyrkedjan kör på ${address}  (Ctrl+C avslutar)\n`);
