import type { TestProject } from 'vitest/node';
import { snapshotBuild } from '../build-snapshot';

/**
 * The security group starts its own servers (one per test file, on PostgreSQL or PGlite as the test
 * needs), all from one snapshot of the build made here.
 */
export default async function setup(project: TestProject) {
	const snapshot = await snapshotBuild();
	project.provide('securityBuild', snapshot.dir);
	return () => snapshot.remove();
}

declare module 'vitest' {
	export interface ProvidedContext {
		securityBuild: string;
	}
}
