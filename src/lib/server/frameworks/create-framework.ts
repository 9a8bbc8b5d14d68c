import { z } from 'zod';
import type { Db } from '../db/client';
import { frameworks, levelChildren, levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findPreset } from './presets';
import { loadFramework, type FrameworkView } from './framework-repository';

export const createFrameworkInput = z.object({
	name: z.string().trim().min(1).max(200),
	description: z.string().trim().max(2000).default(''),
	/** A preset key, or empty for a framework without levels. */
	preset: z.string().trim().default('')
});

export async function createFramework(db: Db, ctx: Ctx, input: unknown): Promise<FrameworkView> {
	const data = parseInput(createFrameworkInput, input, {
		name: { sv: 'Namn', en: 'Name' },
		description: { sv: 'Beskrivning', en: 'Description' },
		preset: { sv: 'Utgå från', en: 'Start from' }
	});
	const preset = data.preset ? findPreset(data.preset) : undefined;
	if (data.preset && !preset) throw new DomainError('error_field_invalid', { field: { sv: 'Utgå från', en: 'Start from' } }, { field: 'preset' });

	const frameworkId = await db.transaction(async (tx) => {
		const [framework] = await tx
			.insert(frameworks)
			.values({ tenantId: ctx.tenantId, name: data.name, description: data.description, preset: preset?.key ?? null })
			.returning();
		const ids = new Map<string, string>();
		for (const [position, level] of (preset?.levels ?? []).entries()) {
			const { children: _children, ...columns } = level;
			const [row] = await tx
				.insert(levels)
				.values({ tenantId: ctx.tenantId, frameworkId: framework.id, position, ...columns, tableColumns: level.tableColumns ?? [] })
				.returning({ id: levels.id });
			ids.set(level.key, row.id);
		}
		const edges = (preset?.levels ?? []).flatMap((level) =>
			level.children.map((child) => ({ tenantId: ctx.tenantId, parentLevelId: ids.get(level.key)!, childLevelId: ids.get(child)! }))
		);
		if (edges.length) await tx.insert(levelChildren).values(edges);
		await recordAudit(tx, ctx, {
			action: 'framework.create',
			entityType: 'framework',
			entityId: framework.id,
			after: { ...framework, levels: preset?.levels ?? [] }
		});
		return framework.id;
	});
	return (await loadFramework(db, ctx.tenantId, frameworkId))!;
}
