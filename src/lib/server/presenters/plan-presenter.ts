import type { FieldDefinition } from '../frameworks/field-definition';
import type { Level } from '../frameworks/framework-repository';
import type { PlanData, PlanNode } from '../plans/plan-repository';
import { buildTree, type TreeEntry } from '../plans/plan-tree';
import { renderRichText } from './rich-text';

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
	indicatorCount: number;
	fields: PresentedField[];
	childLevels: LevelRef[];
	children: OutlineEntry[];
}

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
			return node.responsibles.length ? { kind: 'list', items: node.responsibles.map((r) => r.name) } : null;
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

/** The plan's outline for the plan page: levels named, fields displayed, what may be added where. */
export function presentOutline(data: PlanData): { roots: OutlineEntry[]; rootLevels: LevelRef[] } {
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const boardNames = boardNameMap(data);
	const present = (entry: TreeEntry): OutlineEntry => ({
		id: entry.node.id,
		ref: entry.node.ref,
		title: entry.node.title,
		level: levelRef(entry.level),
		followUp: entry.level.followUp,
		linked: entry.linked,
		carriedOver: entry.node.carriedOver,
		indicatorCount: entry.node.indicators.length,
		fields: presentFields(entry.node, entry.level, boardNames, { richText: false }),
		childLevels: entry.linked ? [] : entry.level.childLevelIds.map((id) => levelRef(levels.get(id)!)),
		children: entry.children.map(present)
	});
	return {
		roots: buildTree(data).map(present),
		rootLevels: data.framework.levels.filter((level) => level.isRoot).map(levelRef)
	};
}

export function presentChapters(data: Pick<PlanData, 'chapters'>) {
	return data.chapters.map((chapter) => ({ id: chapter.id, title: chapter.title, html: renderRichText(chapter.body) }));
}
