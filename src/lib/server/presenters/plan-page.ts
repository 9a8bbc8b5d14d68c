import type { LatestStatus } from '../follow-up/latest-status';
import type { ScaleValue } from '../follow-up/scales';
import type { Level } from '../frameworks/framework-repository';
import { responsibleLabel } from '../plans/responsible';
import type { Outline, OutlineEntry } from './plan-presenter';

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

/** What the plan page is shaped from: the outline (its shown part), and the whole outline only when searching. */
export interface PlanPageInput {
	outline: Outline;
	/** The whole plan's outline: searched when a filter is given. */
	whole?: Outline;
	/** Each shown (or, when searching, every) item's latest status or assessment. */
	latest: Map<string, Pick<LatestStatus, 'valueId' | 'periodName'>>;
	/** The values that are some item's latest status (a retired one among them is still offered). */
	usedValueIds: Set<string>;
	/** Every responsible named in the plan, once each. */
	responsibles: { name: string; note: string }[];
	levels: Pick<Level, 'id' | 'nameSv' | 'nameEn'>[];
}

/**
 * The plan page's outline with each item's latest status, and — when a filter is given — the
 * matching items of the whole plan (not only the part the outline's budget shows), each with its path.
 */
export function presentPlanPage(input: PlanPageInput, scale: ScaleValue[], options: { hasPeriods: boolean; filter: PlanFilter }) {
	const values = new Map(scale.map((value) => [value.id, value]));
	const withStatus = (entry: OutlineEntry): PageEntry => {
		const row = input.latest.get(entry.id);
		const value = row && values.get(row.valueId);
		const status = value ? { id: value.id, labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour, periodName: row.periodName } : null;
		return { ...entry, status, unreported: options.hasPeriods && entry.followUp !== 'none' && !status, children: entry.children.map(withStatus) };
	};
	const filtering = isFiltering(options.filter);
	const collator = new Intl.Collator('sv');
	return {
		outline: { ...input.outline, roots: input.outline.roots.map(withStatus) },
		results: filtering ? matching((input.whole ?? input.outline).roots.map(withStatus), options.filter) : null,
		choices: {
			levels: input.levels.map(({ id, nameSv, nameEn }) => ({ id, nameSv, nameEn })),
			responsible: [...new Set(input.responsibles.map(responsibleLabel))].sort(collator.compare),
			statuses: scale.filter((value) => !value.retired || input.usedValueIds.has(value.id)).map(({ id, labelSv, labelEn }) => ({ id, labelSv, labelEn }))
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
