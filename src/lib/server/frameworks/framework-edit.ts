import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { frameworks } from '../db/schema';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { loadFramework, type FrameworkView, type Level } from './framework-repository';

/** Shared steps of every framework edit: load it in the transaction, and mark it changed. */
export async function loadFrameworkForEdit(tx: Db, ctx: Ctx, frameworkId: string): Promise<FrameworkView> {
	const framework = await loadFramework(tx, ctx.tenantId, frameworkId);
	if (!framework) throw notFound();
	return framework;
}

export function findLevel(framework: FrameworkView, levelId: string): Level {
	const level = framework.levels.find((candidate) => candidate.id === levelId);
	if (!level) throw notFound();
	return level;
}

export async function touchFramework(tx: Db, ctx: Ctx, frameworkId: string): Promise<void> {
	await tx
		.update(frameworks)
		.set({ version: sql`${frameworks.version} + 1`, updatedAt: new Date() })
		.where(and(eq(frameworks.tenantId, ctx.tenantId), eq(frameworks.id, frameworkId)));
}

export function levelLabel(level: Pick<Level, 'nameSv' | 'nameEn'>) {
	return { sv: level.nameSv, en: level.nameEn };
}
