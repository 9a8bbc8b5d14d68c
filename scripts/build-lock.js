// One build at a time in a checkout: the browser suite and the security group each ask for a build
// before they start servers, and two builds into one folder would spoil each other. The lock file
// names its holder; a lock whose holder is gone is taken over.
import fs from 'node:fs';
import path from 'node:path';

export async function withBuildLock(root, work) {
	const lockFile = path.join(root, '.build-lock');
	for (;;) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(lockFile, 'utf8')) || 0;
			if (!holder || !isAlive(holder)) fs.rmSync(lockFile, { force: true });
			else await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	try {
		return await work();
	} finally {
		fs.rmSync(lockFile, { force: true });
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}
