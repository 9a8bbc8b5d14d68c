import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { acquireDirectoryLock, DirectoryLockedError } from './directory-lock';

const hasProc = fs.existsSync(`/proc/${process.pid}/stat`);
let dataDir: string;
let lockFile: string;
const children: ChildProcess[] = [];

beforeEach(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'styrkedjan-lock-'));
	lockFile = path.join(dataDir, 'styrkedjan.lock');
});
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
	fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The pid of a process that has exited (as after kill -9). */
function exitedPid(): number {
	return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** A real second process, as a second server or the CLI: takes the lock and holds it, or says it was refused. */
function lockingProcess(): { child: ChildProcess; outcome: Promise<'locked' | 'refused'> } {
	const script = `import { acquireDirectoryLock } from ${JSON.stringify(path.resolve('src/lib/server/db/directory-lock.ts'))};
		try { acquireDirectoryLock(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000); }
		catch (error) { console.log(error.name === 'DirectoryLockedError' ? 'refused' : String(error)); }`;
	const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	const outcome = new Promise<'locked' | 'refused'>((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk) => {
			output += chunk;
			if (/locked|refused/.test(output)) resolve(output.includes('locked') ? 'locked' : 'refused');
		});
		child.once('exit', () => reject(new Error(`The process ended without an answer: ${output}`)));
	});
	return { child, outcome };
}

async function holderProcess(): Promise<ChildProcess> {
	const { child, outcome } = lockingProcess();
	expect(await outcome).toBe('locked');
	return child;
}

function takesOver() {
	const lock = acquireDirectoryLock(dataDir);
	expect(fs.readFileSync(lockFile, 'utf8')).toContain(String(process.pid));
	lock.release();
	expect(fs.existsSync(lockFile)).toBe(false);
}

describe('the data directory lock', () => {
	test('a lock left by a process that has exited is taken over (as written today and by earlier versions)', () => {
		const pid = exitedPid();
		fs.writeFileSync(lockFile, JSON.stringify({ pid, started: 'then' }));
		takesOver();
		fs.writeFileSync(lockFile, String(pid));
		takesOver();
	});

	test('a lock naming our own pid, left by an earlier process with the same pid (a restarted container), is taken over', () => {
		fs.writeFileSync(lockFile, String(process.pid));
		takesOver();
		fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid, started: 'before the restart' }));
		takesOver();
	});

	test.skipIf(!hasProc)('a lock naming a living process that started at another time (its pid reused) is taken over', () => {
		for (const pid of [process.ppid, 1].filter((candidate) => fs.existsSync(`/proc/${candidate}/stat`))) {
			fs.writeFileSync(lockFile, JSON.stringify({ pid, started: '0' }));
			takesOver();
		}
	});

	test.skipIf(!hasProc)('a lock of an earlier version (the pid alone) naming a living process: taken over if written before that process started, else it blocks', () => {
		fs.writeFileSync(lockFile, String(process.ppid));
		expect(() => acquireDirectoryLock(dataDir)).toThrow(DirectoryLockedError);
		const beforeItStarted = new Date('2000-01-01T00:00:00Z');
		fs.utimesSync(lockFile, beforeItStarted, beforeItStarted);
		takesOver();
	});

	test('a living holder blocks, with the clear message; once it is killed (kill -9) the lock is taken over', async () => {
		const holder = await holderProcess();
		let refused: unknown;
		try {
			acquireDirectoryLock(dataDir).release();
		} catch (error) {
			refused = error;
		}
		expect(refused).toBeInstanceOf(DirectoryLockedError);
		expect((refused as DirectoryLockedError).pid).toBe(holder.pid);
		expect((refused as Error).message).toContain(`används redan av en annan process (pid ${holder.pid})`);

		const exited = new Promise((resolve) => holder.once('exit', resolve));
		holder.kill('SIGKILL');
		await exited;
		takesOver();
	});

	test('several processes starting at once over a stale lock: exactly one of them gets it', async () => {
		fs.writeFileSync(lockFile, JSON.stringify({ pid: exitedPid(), started: 'then' }));
		const outcomes = await Promise.all(Array.from({ length: 4 }, () => lockingProcess().outcome));
		expect(outcomes.filter((outcome) => outcome === 'locked')).toHaveLength(1);
	});

	test('this process cannot open the same directory twice; after release it can again', () => {
		const lock = acquireDirectoryLock(dataDir);
		expect(() => acquireDirectoryLock(dataDir)).toThrow(DirectoryLockedError);
		lock.release();
		takesOver();
	});
});
