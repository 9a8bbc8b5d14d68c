import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class DirectoryLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`Databasen i ${dataDir} används redan av en annan process (pid ${pid}). ` +
				`Stoppa den (t.ex. servern) innan du kör kommandot, eller peka DATABASE_URL på PostgreSQL. ` +
				`(The database in ${dataDir} is already in use by process ${pid}.)`
		);
		this.name = 'DirectoryLockedError';
	}
}

export interface DirectoryLock {
	release(): void;
}

/**
 * Who holds a lock: a pid alone says little once the holder is gone (containers restart with the
 * same low pids), so the lock also records when that process started. Absent where the system does
 * not say (no /proc) and in locks written before this was recorded.
 */
interface Holder {
	pid: number;
	started?: string;
}

/** Directories this process holds. A lock naming our pid is ours only if it is in here. */
const held = new Set<string>();

/**
 * PGlite's data directory must never be opened by two processes: a second server or CLI would
 * corrupt it. A lock file names its holder; only a living holder (same pid, same start) blocks.
 * Node has no flock(), so a lock left by a killed process is recognised as stale instead.
 */
export function acquireDirectoryLock(dataDir: string): DirectoryLock {
	const dir = path.resolve(dataDir);
	const file = path.join(dir, 'styrkedjan.lock');
	if (held.has(dir)) throw new DirectoryLockedError(dir, process.pid);
	const content = JSON.stringify({ pid: process.pid, started: startOf(process.pid) } satisfies Holder);
	for (let attempt = 0; attempt < 5; attempt++) {
		if (createExclusive(file, content)) {
			held.add(dir);
			return lockOf(dir, file, content);
		}
		const found = read(file);
		const written = modified(file);
		if (found === undefined || !written) continue;
		const holder = parseHolder(found);
		if (holder && isLiving(holder, written)) throw new DirectoryLockedError(dir, holder.pid);
		removeIfStill(file, found);
	}
	throw new Error(`Could not lock ${dir}`);
}

function lockOf(dir: string, file: string, content: string): DirectoryLock {
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		// A process that opens and closes many databases (tests, the CLI) keeps no listener per lock.
		process.removeListener('exit', release);
		held.delete(dir);
		if (read(file) === content) fs.rmSync(file, { force: true });
	};
	process.once('exit', release);
	return { release };
}

/** Does the process that wrote this lock (at `written`) still run? */
function isLiving(holder: Holder, written: Date): boolean {
	// Not in `held`: an earlier process that had our pid (killed, then restarted with the same pid).
	if (holder.pid === process.pid) return false;
	if (!isAlive(holder.pid)) return false;
	if (holder.started) {
		// Where the system cannot tell a start time, the pid's liveness is all we know.
		const started = startOf(holder.pid);
		return !started || started === holder.started;
	}
	// Written by an earlier version, without a start time: a process that started after the lock was written did not write it.
	return !startedAfter(holder.pid, written);
}

/**
 * When a process started, as this boot's id and its start in clock ticks after boot, so that a pid
 * reused after a reboot cannot match either. Undefined without /proc (then pids alone decide).
 */
function startOf(pid: number): string | undefined {
	const ticks = startTicks(pid);
	return ticks === undefined ? undefined : `${bootId()}/${ticks}`;
}

/** Field 22 of /proc/<pid>/stat. Field 2, the command name, may hold spaces and parentheses; the fields after it do not. */
function startTicks(pid: number): string | undefined {
	const stat = read(`/proc/${pid}/stat`);
	return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19] || undefined;
}

/** Did the process start more than two seconds after `time`? Boot time from /proc/stat; Linux reports ticks at 100 per second. */
function startedAfter(pid: number, time: Date): boolean {
	const ticks = Number(startTicks(pid));
	const booted = Number(/^btime (\d+)$/m.exec(read('/proc/stat') ?? '')?.[1]);
	if (!Number.isFinite(ticks) || !booted) return false;
	return booted * 1000 + ticks * 10 > time.getTime() + 2000;
}

let boot: string | undefined;
function bootId(): string {
	boot ??= read('/proc/sys/kernel/random/boot_id')?.trim() ?? '';
	return boot;
}

function parseHolder(content: string): Holder | undefined {
	// Written by earlier versions: the pid alone.
	if (/^\d+$/.test(content.trim())) return { pid: Number(content.trim()) };
	try {
		const { pid, started } = JSON.parse(content) as Partial<Holder>;
		if (Number.isInteger(pid) && pid! > 0) return { pid: pid!, started: typeof started === 'string' ? started : undefined };
	} catch {
		/* unreadable: nobody can be holding it */
	}
	return undefined;
}

/**
 * Creates the lock file, whole, only if there is none: written aside first and linked into place,
 * so no one ever reads a half-written lock. Where hard links are not supported, an exclusive create.
 */
function createExclusive(file: string, content: string): boolean {
	const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
	fs.writeFileSync(aside, content);
	try {
		fs.linkSync(aside, file);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EEXIST') return false;
		if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
		try {
			fs.writeFileSync(file, content, { flag: 'wx' });
			return true;
		} catch (fallback) {
			if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
			throw fallback;
		}
	} finally {
		fs.rmSync(aside, { force: true });
	}
}

/**
 * Removes a stale lock, unless someone replaced it since we read it: two processes finding the same
 * stale lock must not remove each other's new one. The lock is moved aside (atomic), then checked.
 */
function removeIfStill(file: string, stale: string): void {
	const aside = `${file}.stale-${process.pid}.${randomBytes(4).toString('hex')}`;
	try {
		fs.renameSync(file, aside);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
		throw error;
	}
	if (read(aside) !== stale) {
		try {
			// Another process's fresh lock: put it back (unless yet another one has locked meanwhile).
			fs.linkSync(aside, file);
		} catch {
			/* the newer lock stands */
		}
	}
	fs.rmSync(aside, { force: true });
}

function modified(file: string): Date | undefined {
	try {
		return fs.statSync(file).mtime;
	} catch {
		return undefined;
	}
}

function read(file: string): string | undefined {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
