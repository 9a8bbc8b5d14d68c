import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * docs/SECURITY.md lists every runtime dependency with the version installed and the advisories
 * known for it (no advisory service is reachable from CI). An upgrade or a new dependency that is
 * not written down there fails here, so the list cannot go stale silently.
 */
describe('docs/SECURITY.md', () => {
	it('lists every runtime dependency at the version installed', () => {
		const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
		const doc = fs.readFileSync('docs/SECURITY.md', 'utf8');
		const missing = Object.keys(manifest.dependencies).flatMap((name) => {
			const { version } = JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
			return doc.includes(`| \`${name}\` | ${version} |`) ? [] : [`${name} ${version}`];
		});
		expect(missing).toEqual([]);
	});
});
