import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withBuildLock } from '../scripts/build-lock.js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Builds if the sources changed, then copies the build to a folder of this test run's own (inside
 * the checkout, so its imports still find node_modules). Servers started with STYRKEDJAN_BUILD set
 * to that folder keep running the same files even if someone rebuilds meanwhile. Returns the
 * folder and a function that removes it.
 */
export async function snapshotBuild(): Promise<{ dir: string; remove: () => void }> {
	const built = spawnSync(process.execPath, ['scripts/start.js', '--build-only'], { cwd: root, stdio: 'inherit' });
	if (built.status !== 0) throw new Error('The build failed.');
	const dir = path.join(root, '.test-builds', `${process.pid}-${Date.now().toString(36)}`);
	await withBuildLock(root, () => fs.cpSync(path.join(root, 'build'), dir, { recursive: true }));
	return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
