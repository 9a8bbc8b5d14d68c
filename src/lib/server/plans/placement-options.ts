import type { PlanData, PlanNode } from './plan-repository';
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
export function placementOptions(data: Pick<PlanData, 'nodes' | 'framework'>, node: PlanNode) {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const inside = subtreeIds(data.nodes, node.id);
	const depth = new Map<string, number>();
	const ordered: PlanNode[] = [];
	const byParent = new Map<string | null, PlanNode[]>();
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
	const target = (candidate: PlanNode): PlacementTarget => ({
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
export function ancestorsOf(data: Pick<PlanData, 'nodes'>, node: PlanNode): PlanNode[] {
	const byId = new Map(data.nodes.map((candidate) => [candidate.id, candidate]));
	const path: PlanNode[] = [];
	for (let current = node.parentId ? byId.get(node.parentId) : undefined; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
		path.unshift(current);
	}
	return path;
}
