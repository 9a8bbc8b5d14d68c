import type { FrameworkView, Level } from '../frameworks/framework-repository';
import { levelLabel } from '../frameworks/framework-edit';
import { DomainError, notFound } from '../shared/domain-error';

/** May an item of `level` stand under a parent of `parentLevel` (null: at the top of the plan)? */
export function assertPlacement(framework: FrameworkView, level: Level, parentLevel: Level | null): void {
	const allowed = parentLevel ? parentLevel.childLevelIds.includes(level.id) : level.isRoot;
	if (allowed) return;
	if (parentLevel) {
		throw new DomainError('error_level_not_allowed_under', { level: levelLabel(level), parent: levelLabel(parentLevel) }, { field: 'parentId' });
	}
	throw new DomainError('error_level_not_allowed_at_top', { level: levelLabel(level) }, { field: 'parentId' });
}

export function levelOf(framework: FrameworkView, levelId: string): Level {
	const level = framework.levels.find((candidate) => candidate.id === levelId);
	if (!level) throw notFound();
	return level;
}
