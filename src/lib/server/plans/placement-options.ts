import type { PlanData } from './plan-repository';
import type { SkeletonNode } from './outline-repository';
import { subtreeIds } from './plan-tree';
import { itemLabel } from '../presenters/item-name';

export interface PlacementTarget {
	id: string;
	label: string;
	depth: number;
}

/**
 * Where an item may be moved or linked: under any item whose level may hold its level, never inside
 * its own subtree. Offered in outline order so the list reads like the plan.
 */
export function placementOptions(data: { nodes: SkeletonNode[]; framework: PlanData['framework'] }, node: Pick<SkeletonNode, 'id' | 'levelId' | 'parentId' | 'linkedParentIds'>) {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const inside = subtreeIds(data.nodes, node.id);
	const depth = new Map<string, number>();
	const ordered: SkeletonNode[] = [];
	const byParent = new Map<string | null, SkeletonNode[]>();
	for (const candidate of data.nodes) byParent.set(candidate.parentId, [...(byParent.get(candidate.parentId) ?? []), candidate]);
	const walk = (parentId: string | null, level: number) => {
		for (const child of (byParent.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
			depth.set(child.id, level);
			ordered.push(child);
			walk(child.id, level + 1);
		}
	};
	walk(null, 0);
	const possible = ordered.filter(
		(candidate) => !inside.has(candidate.id) && levels.get(candidate.levelId)?.childLevelIds.includes(node.levelId)
	);
	const target = (candidate: SkeletonNode): PlacementTarget => ({
		id: candidate.id,
		label: itemLabel(candidate, levels.get(candidate.levelId)),
		depth: depth.get(candidate.id) ?? 0
	});
	return {
		canBeTop: levels.get(node.levelId)?.isRoot ?? false,
		moveTargets: possible.map(target),
		linkTargets: possible.filter((candidate) => candidate.id !== node.parentId && !node.linkedParentIds.includes(candidate.id)).map(target)
	};
}

/** The item's ancestors, top first: for the breadcrumb. */
export function ancestorsOf<T extends { id: string; parentId: string | null }>(data: { nodes: T[] }, node: { parentId: string | null }): T[] {
	const byId = new Map(data.nodes.map((candidate) => [candidate.id, candidate]));
	const path: T[] = [];
	for (let current = node.parentId ? byId.get(node.parentId) : undefined; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
		path.unshift(current);
	}
	return path;
}
