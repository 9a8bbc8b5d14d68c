import type { LatestStatus } from '../follow-up/latest-status';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { responsibleLabel } from '../plans/responsible';
import { presentOutline, type OutlineEntry } from './plan-presenter';

export interface StatusBadge {
	id: string;
	labelSv: string;
	labelEn: string;
	colour: string;
	periodName: string;
}

/** An outline entry as the plan page shows it: with its latest status, and in search results the titles above it. */
export type PageEntry = OutlineEntry & {
	status?: StatusBadge | null;
	/** Followed up, the plan has periods, and no report gives a status yet. */
	unreported?: boolean;
	path?: string[];
	children: PageEntry[];
};

/** The plan page's search: text, level, responsible and latest status ("none": not reported). All optional. */
export interface PlanFilter {
	q: string;
	level: string;
	responsible: string;
	status: string;
}

export function readPlanFilter(params: URLSearchParams): PlanFilter {
	const value = (name: string) => (params.get(name) ?? '').trim().slice(0, 200);
	return { q: value('q'), level: value('level'), responsible: value('responsible'), status: value('status') };
}

export const isFiltering = (filter: PlanFilter) => Boolean(filter.q || filter.level || filter.responsible || filter.status);

/**
 * The plan page's outline with each item's latest status, and — when a filter is given — the
 * matching items of the whole plan (not only the part the outline's budget shows), each with its path.
 */
export function presentPlanPage(
	data: PlanData,
	latest: LatestStatus[],
	scale: ScaleValue[],
	options: { hasPeriods: boolean; filter: PlanFilter; all: boolean }
) {
	const values = new Map(scale.map((value) => [value.id, value]));
	const byNode = new Map(latest.map((row) => [row.nodeId, row]));
	const withStatus = (entry: OutlineEntry): PageEntry => {
		const row = byNode.get(entry.id);
		const value = row && values.get(row.valueId);
		const status = value ? { id: value.id, labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour, periodName: row.periodName } : null;
		return { ...entry, status, unreported: options.hasPeriods && entry.followUp !== 'none' && !status, children: entry.children.map(withStatus) };
	};
	const filtering = isFiltering(options.filter);
	const outline = presentOutline(data, { budget: options.all ? Number.POSITIVE_INFINITY : undefined });
	const whole = filtering && !options.all ? presentOutline(data, { budget: Number.POSITIVE_INFINITY }) : outline;
	const collator = new Intl.Collator('sv');
	return {
		outline: { ...outline, roots: outline.roots.map(withStatus) },
		results: filtering ? matching(whole.roots.map(withStatus), options.filter) : null,
		choices: {
			levels: data.framework.levels.map(({ id, nameSv, nameEn }) => ({ id, nameSv, nameEn })),
			responsible: [...new Set(data.nodes.flatMap((node) => node.responsibles.map(responsibleLabel)))].sort(collator.compare),
			statuses: scale.filter((value) => !value.retired || latest.some((row) => row.valueId === value.id)).map(({ id, labelSv, labelEn }) => ({ id, labelSv, labelEn }))
		}
	};
}

function matching(roots: PageEntry[], filter: PlanFilter): PageEntry[] {
	const words = filter.q.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
	const result: PageEntry[] = [];
	const visit = (entry: PageEntry, path: string[]) => {
		if (!entry.linked && matches(entry, filter, words)) result.push({ ...entry, path, children: [] });
		for (const child of entry.children) visit(child, [...path, `${entry.ref ? `${entry.ref} ` : ''}${entry.title}`]);
	};
	for (const root of roots) visit(root, []);
	return result;
}

function matches(entry: PageEntry, filter: PlanFilter, words: string[]): boolean {
	if (filter.level && entry.level.id !== filter.level) return false;
	const responsible = entry.fields.filter((field) => field.type === 'responsible').flatMap((field) => (field.display.kind === 'list' ? field.display.items : []));
	if (filter.responsible && !responsible.includes(filter.responsible)) return false;
	if (filter.status === 'none' ? !entry.unreported : filter.status && entry.status?.id !== filter.status) return false;
	if (!words.length) return true;
	const text = [entry.ref, entry.title, ...entry.fields.flatMap((field) => fieldText(field.display))].join(' ').toLocaleLowerCase('sv');
	return words.every((word) => text.includes(word));
}

function fieldText(display: OutlineEntry['fields'][number]['display']): string[] {
	switch (display.kind) {
		case 'text':
		case 'deadline':
			return [display.text];
		case 'list':
			return display.items;
		default:
			return [];
	}
}
