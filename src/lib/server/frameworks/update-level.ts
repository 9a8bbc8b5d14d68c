import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { levelChildren, levels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { countPlacements, countUntitledItems } from './framework-repository';
import { findLevel, levelLabel, loadFrameworkForEdit, touchFramework } from './framework-edit';
import { BUILT_IN_COLUMNS, levelNameLabels, levelSettingsInput } from './level-input';
import { unknownPlaceholders } from './name-template';

/**
 * Changes a level's names, placement rules, document style (with how documents name its items and
 * what its title column asks for) and whether its items have titles. A rule
 * that existing items rely on (an item at the top of a plan, a parent–child pair, no title) cannot be
 * dropped: the user is told how many items stand in the way, so they can move them (or name them) first.
 */
export async function updateLevel(db: Db, ctx: Ctx, frameworkId: string, levelId: string, input: unknown): Promise<void> {
	const data = parseInput(levelSettingsInput, input, levelNameLabels);
	await db.transaction(async (tx) => {
		const framework = await loadFrameworkForEdit(tx, ctx, frameworkId);
		const level = findLevel(framework, levelId);
		const levelIds = new Set(framework.levels.map((candidate) => candidate.id));
		if (data.childLevelIds.some((id) => !levelIds.has(id))) {
			throw new DomainError('error_field_invalid', { field: levelNameLabels.childLevelIds }, { field: 'childLevelIds' });
		}
		const columns = new Set<string>([...BUILT_IN_COLUMNS, ...level.fields.map((field) => field.key)]);
		const badColumn = data.tableColumns.find((column) => !columns.has(column));
		if (badColumn) throw new DomainError('error_field_invalid', { field: levelNameLabels.tableColumns }, { field: 'tableColumns' });

		for (const key of ['nameTemplateSv', 'nameTemplateEn'] as const) {
			const [unknown] = unknownPlaceholders(data[key], level.fields.map((field) => field.key));
			if (unknown !== undefined) throw new DomainError('error_name_template_placeholder', { field: levelNameLabels[key], placeholder: `{${unknown}}`, title: '{title}', ref: '{ref}' }, { field: key });
		}
		if (level.isRoot && !data.isRoot) {
			const stuck = await countPlacements(tx, ctx.tenantId, null, level.id);
			if (stuck) throw new DomainError('error_level_root_in_use', { level: levelLabel(level), count: stuck }, { field: 'isRoot', status: 409 });
		}
		if (level.untitled && !data.untitled) {
			const nameless = await countUntitledItems(tx, ctx.tenantId, level.id);
			if (nameless) throw new DomainError('error_level_titles_missing', { level: levelLabel(level), count: nameless }, { field: 'untitled', status: 409 });
		}
		const removed = level.childLevelIds.filter((id) => !data.childLevelIds.includes(id));
		for (const childId of removed) {
			const stuck = await countPlacements(tx, ctx.tenantId, level.id, childId);
			if (stuck) {
				const child = findLevel(framework, childId);
				throw new DomainError(
					'error_level_child_in_use',
					{ level: levelLabel(level), child: levelLabel(child), count: stuck },
					{ field: 'childLevelIds', status: 409 }
				);
			}
		}

		const { childLevelIds, ...settings } = data;
		await tx.update(levels).set(settings).where(and(eq(levels.tenantId, ctx.tenantId), eq(levels.id, levelId)));
		await tx.delete(levelChildren).where(and(eq(levelChildren.tenantId, ctx.tenantId), eq(levelChildren.parentLevelId, levelId)));
		if (childLevelIds.length) {
			await tx
				.insert(levelChildren)
				.values(childLevelIds.map((childLevelId) => ({ tenantId: ctx.tenantId, parentLevelId: levelId, childLevelId })));
		}
		await touchFramework(tx, ctx, frameworkId);
		await recordAudit(tx, ctx, { action: 'level.update', entityType: 'level', entityId: levelId, before: level, after: data });
	});
}
