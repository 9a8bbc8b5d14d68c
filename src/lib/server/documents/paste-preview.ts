import type { PlanData } from '../plans/plan-repository';
import { assertPlacement, levelOf } from '../plans/node-placement';
import { itemLabel } from '../presenters/item-name';
import { notFound } from '../shared/domain-error';
import { previewPastedTable } from './pasted-table';

/** Everything the paste form holds: the table, level, placement, heading row and, once previewed, each column's choice. */
export type PastedChoices = {
	table: string;
	levelId: string;
	parentId: string;
	headerRow: boolean;
	splitLists: boolean;
	targets: string[];
};

/**
 * The mapping form: the table's first rows with a guess per column (or the person's own choices,
 * when the table still has as many columns), and the level and place the rows will get. A level or
 * place not in the plan is not found; a level that may not stand there is refused.
 */
export function previewPaste(data: PlanData, choices: PastedChoices, locale: 'sv' | 'en') {
	const level = data.framework.levels.find((candidate) => candidate.id === choices.levelId);
	if (!level) throw notFound();
	const parent = choices.parentId ? data.nodes.find((node) => node.id === choices.parentId) : null;
	if (parent === undefined) throw notFound();
	assertPlacement(data.framework, level, parent ? levelOf(data.framework, parent.levelId) : null);
	const preview = previewPastedTable(choices.table, level, choices.headerRow);
	const allowed = new Set<string>(preview.choices.map((choice) => choice.value));
	const kept = choices.targets.length === preview.headings.length && choices.targets.every((target) => allowed.has(target));
	return {
		...choices,
		...preview,
		targets: kept ? choices.targets : preview.targets,
		levelName: locale === 'en' ? level.nameEn : level.nameSv,
		parentName: parent ? itemLabel(parent, levelOf(data.framework, parent.levelId)) : null
	};
}
