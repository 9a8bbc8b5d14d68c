import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);

describe('the runtime', () => {
	it('is the Node 24 LTS the project brings, not the system Node', () => {
		expect(major(process.version)).toBe(24);
		expect(major(execFileSync('node_modules/.bin/node', ['--version'], { encoding: 'utf8' }))).toBe(24);
	});

	it('says in package.json that Node 22 or later is needed, and lets the node package install itself', () => {
		const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
		expect(manifest.engines.node).toBe('>=22');
		expect(manifest.dependencies.node).toMatch(/^\^24\./);
		expect(manifest.allowScripts.node).toBe(true);
	});
});
