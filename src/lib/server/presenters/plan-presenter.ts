import { responsibleLabel } from '../plans/responsible';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { Level } from '../frameworks/framework-repository';
import type { PlanData, PlanNode } from '../plans/plan-repository';
import { buildTree, type TreeEntry } from '../plans/plan-tree';
import { renderRichText } from './rich-text';
import { itemName, type NameableItem } from './item-name';
import type { OutlineSlice, OutlineSliceRow } from '../plans/outline-repository';

export type FieldDisplay =
	| { kind: 'text'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'html'; html: string }
	| { kind: 'yes_no'; value: boolean }
	| { kind: 'number'; value: number }
	| { kind: 'deadline'; text: string; date: string | null };

export interface PresentedField {
	key: string;
	type: FieldDefinition['type'];
	labelSv: string;
	labelEn: string;
	display: FieldDisplay;
}

export interface LevelRef {
	id: string;
	nameSv: string;
	nameEn: string;
	namePluralSv: string;
	namePluralEn: string;
}

export interface OutlineEntry {
	id: string;
	ref: string;
	title: string;
	level: LevelRef;
	followUp: Level['followUp'];
	linked: boolean;
	carriedOver: boolean;
	/** A goal of the organiser's standing in a unit's plan (its wording is the goal's), and whether that changed since. */
	anchor: { changed: boolean } | null;
	indicatorCount: number;
	fields: PresentedField[];
	childLevels: LevelRef[];
	children: OutlineEntry[];
	/** Items under this one not shown here (the outline's budget ran out): they open on the item's page. */
	hiddenCount: number;
}

export interface Outline {
	roots: OutlineEntry[];
	rootLevels: LevelRef[];
	/** Entries in the whole outline (linked ones counted where they show), and how many are shown. */
	total: number;
	shown: number;
}

/** How many outline entries a page renders before deeper levels collapse (see docs/BENCHMARKS.md). */
export const OUTLINE_BUDGET = 400;

const levelRef = (level: Level): LevelRef => ({
	id: level.id,
	nameSv: level.nameSv,
	nameEn: level.nameEn,
	namePluralSv: level.namePluralSv,
	namePluralEn: level.namePluralEn
});

/** What presenting an item's fields needs of it. */
export type FieldNode = Pick<PlanNode, 'fieldValues' | 'responsibles' | 'boardIds' | 'deadlineText' | 'deadlineDate'>;

/** The values an item shows for its level's fields; empty ones are left out. */
export function presentFields(
	node: FieldNode,
	level: Level,
	boardNames: Map<string, string>,
	options: { richText: boolean }
): PresentedField[] {
	const result: PresentedField[] = [];
	for (const field of level.fields) {
		const display = displayOf(field, node, boardNames, options);
		if (display) result.push({ key: field.key, type: field.type, labelSv: field.labelSv, labelEn: field.labelEn, display });
	}
	return result;
}

function displayOf(field: FieldDefinition, node: FieldNode, boardNames: Map<string, string>, options: { richText: boolean }): FieldDisplay | null {
	const value = node.fieldValues[field.key];
	switch (field.type) {
		case 'responsible':
			return node.responsibles.length ? { kind: 'list', items: node.responsibles.map(responsibleLabel) } : null;
		case 'boards':
			return node.boardIds.length ? { kind: 'list', items: node.boardIds.map((id) => boardNames.get(id) ?? '?') } : null;
		case 'deadline':
			return node.deadlineText ? { kind: 'deadline', text: node.deadlineText, date: node.deadlineDate } : null;
		case 'text_list':
			return Array.isArray(value) && value.length ? { kind: 'list', items: value as string[] } : null;
		case 'yes_no':
			return typeof value === 'boolean' ? { kind: 'yes_no', value } : null;
		case 'number':
			return typeof value === 'number' ? { kind: 'number', value } : null;
		case 'rich_text':
			if (typeof value !== 'string' || !value) return null;
			return options.richText ? { kind: 'html', html: renderRichText(value) } : { kind: 'text', text: firstLine(value) };
		default:
			return typeof value === 'string' && value ? { kind: 'text', text: value } : null;
	}
}

function firstLine(markdown: string): string {
	const line = markdown.split('\n').find((candidate) => candidate.trim()) ?? '';
	const plain = line.replace(/[*_#>`[\]]/g, '').trim();
	return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain;
}

export function boardNameMap(data: Pick<PlanData, 'boards'>): Map<string, string> {
	return new Map(data.boards.map((board) => [board.id, board.shortName ?? board.name]));
}

/** An outline entry as it is presented: the item, its level, and the entries shown under it (or how many are not). */
export interface OutlineSource {
	node: FieldNode & NameableItem & { id: string; carriedOver: boolean; sourceNodeId: string | null };
	level: Level;
	linked: boolean;
	/** An anchor whose goal's wording changed since. */
	sourceChanged: boolean;
	indicatorCount: number;
	children: OutlineSource[];
	hiddenCount: number;
}

/**
 * The plan's outline: levels named, fields displayed, what may be added where. A large plan is
 * expanded only as deep as `budget` entries allow; deeper branches are collapsed with a count and
 * open on their item's page. `rootId` gives the outline under one item (for that item's page).
 * (The plan page reads only the shown part from the database: plans/outline-repository.ts and
 * `presentOutlineSlice`; this cuts a whole plan read already.)
 */
export function presentOutline(data: PlanData, options: { rootId?: string; budget?: number } = {}): Outline {
	const tree = buildTree(data);
	const start = options.rootId ? findEntry(tree, options.rootId)?.children ?? [] : tree;
	const maxDepth = depthWithin(start, options.budget ?? OUTLINE_BUDGET);
	const cut = (entry: TreeEntry, depth: number): OutlineSource => {
		const open = depth < maxDepth;
		return {
			node: entry.node,
			level: entry.level,
			linked: entry.linked,
			sourceChanged: entry.node.sourceChangedAt !== null,
			indicatorCount: entry.node.indicators.length,
			children: open ? entry.children.map((child) => cut(child, depth + 1)) : [],
			hiddenCount: open ? 0 : countEntries(entry.children)
		};
	};
	return presentSources(start.map((entry) => cut(entry, 0)), countEntries(start), data, !options.rootId);
}

/**
 * The outline from the part of it read by `loadOutlineSlice` (the shown entries, each deepest one
 * with how many are under it): the same entries, in the same order, as `presentOutline` gives.
 */
export function presentOutlineSlice(slice: OutlineSlice, data: Pick<PlanData, 'framework' | 'boards'>, options: { rootId?: string } = {}): Outline {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const byParent = new Map<string, (OutlineSource & { row: OutlineSliceRow })[]>();
	const parentKey = (row: OutlineSliceRow) => row.key.slice(0, Math.max(0, row.key.lastIndexOf('/')));
	for (const row of slice.rows) {
		const parent = parentKey(row);
		const source: OutlineSource & { row: OutlineSliceRow } = {
			row,
			node: row.item,
			level: levels.get(row.item.levelId)!,
			linked: row.linked,
			sourceChanged: row.item.sourceChanged,
			indicatorCount: row.item.indicatorCount,
			children: [],
			hiddenCount: row.hidden
		};
		const siblings = byParent.get(parent);
		if (siblings) siblings.push(source);
		else byParent.set(parent, [source]);
	}
	// As buildTree orders them: own items by position, then those linked here (by their own position).
	const order = (a: { row: OutlineSliceRow }, b: { row: OutlineSliceRow }) =>
		Number(a.row.viaLink) - Number(b.row.viaLink) || a.row.position - b.row.position || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
	for (const siblings of byParent.values()) siblings.sort(order);
	const attach = (list: (OutlineSource & { row: OutlineSliceRow })[]): OutlineSource[] => {
		for (const source of list) source.children = attach(byParent.get(source.row.key) ?? []);
		return list;
	};
	// The first shown depth hangs under the plan (key '') or under the item the outline is of.
	const first = slice.rows.find((row) => row.depth === 0);
	const top = first ? byParent.get(parentKey(first)) ?? [] : [];
	return presentSources(attach(top), slice.total, data, !options.rootId);
}

function presentSources(sources: OutlineSource[], total: number, data: Pick<PlanData, 'framework' | 'boards'>, withRootLevels: boolean): Outline {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const boardNames = boardNameMap(data);
	let shown = 0;
	const present = (entry: OutlineSource): OutlineEntry => {
		shown += 1;
		return {
			id: entry.node.id,
			ref: entry.node.ref,
			title: itemName(entry.node, entry.level),
			level: levelRef(entry.level),
			followUp: entry.level.followUp,
			linked: entry.linked,
			carriedOver: entry.node.carriedOver,
			anchor: entry.node.sourceNodeId ? { changed: entry.sourceChanged } : null,
			indicatorCount: entry.indicatorCount,
			fields: presentFields(entry.node, entry.level, boardNames, { richText: false }),
			childLevels: entry.linked ? [] : entry.level.childLevelIds.map((id) => levelRef(levels.get(id)!)),
			children: entry.children.map(present),
			hiddenCount: entry.hiddenCount
		};
	};
	const roots = sources.map(present);
	return {
		roots,
		rootLevels: withRootLevels ? data.framework.levels.filter((level) => level.isRoot).map(levelRef) : [],
		total,
		shown
	};
}

function findEntry(entries: TreeEntry[], id: string): TreeEntry | undefined {
	for (const entry of entries) {
		if (entry.node.id === id && !entry.linked) return entry;
		const found = findEntry(entry.children, id);
		if (found) return found;
	}
	return undefined;
}

function countEntries(entries: TreeEntry[]): number {
	return entries.reduce((sum, entry) => sum + 1 + countEntries(entry.children), 0);
}

/** The deepest level (0 = the first shown) whose entries, with all above it, fit the budget. */
function depthWithin(roots: TreeEntry[], budget: number): number {
	let depth = 0;
	let level = roots;
	let used = roots.length;
	while (level.length) {
		const next = level.flatMap((entry) => entry.children);
		if (!next.length || used + next.length > budget) return depth;
		used += next.length;
		level = next;
		depth += 1;
	}
	return depth;
}

export function presentChapters(data: Pick<PlanData, 'chapters'>) {
	return data.chapters.map((chapter) => ({ id: chapter.id, title: chapter.title, placement: chapter.placement, html: renderRichText(chapter.body) }));
}
