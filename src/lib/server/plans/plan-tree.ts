import type { Level } from '../frameworks/framework-repository';
import type { PlanData, PlanNode } from './plan-repository';

export interface TreeEntry {
	node: PlanNode;
	level: Level;
	children: TreeEntry[];
	/** Shown here through a link: the item's home is elsewhere; it is reported there, once. */
	linked: boolean;
	depth: number;
}

/** The plan's items as an outline: each under its parent, and again (marked linked) under each linked parent. */
export function buildTree(data: Pick<PlanData, 'nodes' | 'framework'>): TreeEntry[] {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const children = new Map<string | null, PlanNode[]>();
	const linkedChildren = new Map<string, PlanNode[]>();
	for (const node of data.nodes) {
		const siblings = children.get(node.parentId) ?? [];
		siblings.push(node);
		children.set(node.parentId, siblings);
		for (const parentId of node.linkedParentIds) {
			const linked = linkedChildren.get(parentId) ?? [];
			linked.push(node);
			linkedChildren.set(parentId, linked);
		}
	}
	for (const list of children.values()) list.sort((a, b) => a.position - b.position);

	// `path` holds the items above the one being built, so a link can never lead back into its own branch.
	const path = new Set<string>();
	const build = (node: PlanNode, depth: number, linked: boolean): TreeEntry => {
		path.add(node.id);
		const own = (children.get(node.id) ?? []).map((child) => build(child, depth + 1, linked));
		const viaLinks = (linkedChildren.get(node.id) ?? []).filter((child) => !path.has(child.id)).map((child) => build(child, depth + 1, true));
		path.delete(node.id);
		return { node, level: levels.get(node.levelId)!, children: own.length && viaLinks.length ? [...own, ...viaLinks] : own.length ? own : viaLinks, linked, depth };
	};
	return (children.get(null) ?? []).map((root) => build(root, 0, false));
}

/** Every entry of the outline, depth first: for tables and documents. */
export function flattenTree(entries: TreeEntry[]): TreeEntry[] {
	const flat: TreeEntry[] = [];
	const visit = (list: TreeEntry[]) => {
		for (const entry of list) {
			flat.push(entry);
			visit(entry.children);
		}
	};
	visit(entries);
	return flat;
}

/** Ids of a node and everything under it (own children only): what a move must not land in. */
export function subtreeIds(nodes: Pick<PlanNode, 'id' | 'parentId'>[], rootId: string): Set<string> {
	const byParent = new Map<string, string[]>();
	for (const node of nodes) {
		if (!node.parentId) continue;
		byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node.id]);
	}
	const result = new Set<string>();
	const stack = [rootId];
	while (stack.length) {
		const id = stack.pop()!;
		if (result.has(id)) continue;
		result.add(id);
		stack.push(...(byParent.get(id) ?? []));
	}
	return result;
}
