import { z } from 'zod';
import type { Db } from '../db/client';
import { levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { parseInput } from '../shared/parse-input';
import { keyFromName } from '../shared/slug';
import { loadFrameworkForEdit, touchFramework } from './framework-edit';
import { levelNameInput, levelNameLabels } from './level-input';

export async function addLevel(db: Db, ctx: Ctx, frameworkId: string, input: unknown): Promise<string> {
	const data = parseInput(z.object(levelNameInput), input, levelNameLabels);
	return db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const [level] = await tx
			.insert(levels)
			.values({
				tenantId: ctx.tenantId,
				frameworkId,
				key: keyFromName(data.nameSv, framework.levels.map((level) => level.key)),
				position: framework.levels.length,
				...data,
				isRoot: framework.levels.length === 0
			})
			.returning();
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, { action: 'level.create', entityType: 'level', entityId: level.id, after: level });
		return level.id;
	});
}
