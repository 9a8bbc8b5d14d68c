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
 * PGlite's data directory must never be opened by two processes: a second server or CLI would
 * corrupt it. A lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
export function acquireDirectoryLock(dataDir: string): DirectoryLock {
	const file = path.join(dataDir, 'styrkedjan.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(file, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				// A process that opens and closes many databases (tests, the CLI) keeps no listener per lock.
				process.removeListener('exit', release);
				try {
					if (readPid(file) === process.pid) fs.unlinkSync(file);
				} catch {
					/* already gone */
				}
			};
			process.once('exit', release);
			return { release };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = readPid(file);
			if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
				throw new DirectoryLockedError(path.resolve(dataDir), owner);
			}
			if (owner === process.pid) throw new DirectoryLockedError(path.resolve(dataDir), owner);
			fs.rmSync(file, { force: true });
		}
	}
	throw new Error(`Could not lock ${dataDir}`);
}

function readPid(file: string): number | undefined {
	try {
		const pid = Number(fs.readFileSync(file, 'utf8').trim());
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
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
