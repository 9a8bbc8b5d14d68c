import { responsibleLabel } from '../plans/responsible';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { Level } from '../frameworks/framework-repository';
import type { PlanData, PlanNode } from '../plans/plan-repository';
import { buildTree, type TreeEntry } from '../plans/plan-tree';
import { renderRichText } from './rich-text';
import { itemName } from './item-name';

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

/** The values an item shows for its level's fields; empty ones are left out. */
export function presentFields(
	node: PlanNode,
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

function displayOf(field: FieldDefinition, node: PlanNode, boardNames: Map<string, string>, options: { richText: boolean }): FieldDisplay | null {
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

/**
 * The plan's outline: levels named, fields displayed, what may be added where. A large plan is
 * expanded only as deep as `budget` entries allow; deeper branches are collapsed with a count and
 * open on their item's page. `rootId` gives the outline under one item (for that item's page).
 */
export function presentOutline(data: PlanData, options: { rootId?: string; budget?: number } = {}): Outline {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const boardNames = boardNameMap(data);
	const tree = buildTree(data);
	const start = options.rootId ? findEntry(tree, options.rootId)?.children ?? [] : tree;
	const maxDepth = depthWithin(start, options.budget ?? OUTLINE_BUDGET);
	let shown = 0;
	const present = (entry: TreeEntry, depth: number): OutlineEntry => {
		shown += 1;
		const open = depth < maxDepth;
		return {
			id: entry.node.id,
			ref: entry.node.ref,
			title: itemName(entry.node, entry.level),
			level: levelRef(entry.level),
			followUp: entry.level.followUp,
			linked: entry.linked,
			carriedOver: entry.node.carriedOver,
			anchor: entry.node.sourceNodeId ? { changed: entry.node.sourceChangedAt !== null } : null,
			indicatorCount: entry.node.indicators.length,
			fields: presentFields(entry.node, entry.level, boardNames, { richText: false }),
			childLevels: entry.linked ? [] : entry.level.childLevelIds.map((id) => levelRef(levels.get(id)!)),
			children: open ? entry.children.map((child) => present(child, depth + 1)) : [],
			hiddenCount: open ? 0 : countEntries(entry.children)
		};
	};
	const roots = start.map((entry) => present(entry, 0));
	return {
		roots,
		rootLevels: options.rootId ? [] : data.framework.levels.filter((level) => level.isRoot).map(levelRef),
		total: countEntries(start),
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
