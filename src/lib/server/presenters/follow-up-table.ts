import { responsibleLabel } from '../plans/responsible';
import type { FollowUp } from '../follow-up/follow-up-repository';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { flattenTree, buildTree } from '../plans/plan-tree';
import { boardNameMap } from './plan-presenter';
import { itemName } from './item-name';

export interface FollowUpFilter {
	board?: string;
	responsible?: string;
	/** A scale value id, or "none" for not reported. */
	status?: string;
	level?: string;
}

export interface FollowUpRow {
	id: string;
	ref: string;
	title: string;
	level: { id: string; nameSv: string; nameEn: string };
	boards: string[];
	responsible: string[];
	deadline: string;
	carriedOver: boolean;
	value: { labelSv: string; labelEn: string; colour: string } | null;
	text: string;
}

/**
 * The follow-up table of a plan for a period, in the plan's order: every item whose level is
 * followed up, with its report (or none yet). Linked items appear once, at home: reported once.
 */
export function presentFollowUpTable(data: PlanData, followUps: FollowUp[], scale: ScaleValue[], filter: FollowUpFilter) {
	const byNode = new Map(followUps.map((followUp) => [followUp.nodeId, followUp]));
	const values = new Map(scale.map((value) => [value.id, value]));
	const boardNames = boardNameMap(data);
	const all: (FollowUpRow & { valueId: string | null; boardIds: string[] })[] = flattenTree(buildTree(data))
		.filter((entry) => !entry.linked && entry.level.followUp !== 'none')
		.map(({ node, level }) => {
			const report = byNode.get(node.id);
			const valueId = report ? (report.statusId ?? report.assessmentId) : null;
			const value = valueId ? values.get(valueId)! : null;
			return {
				id: node.id,
				ref: node.ref,
				title: itemName(node, level),
				level: { id: level.id, nameSv: level.nameSv, nameEn: level.nameEn },
				boards: node.boardIds.map((id) => boardNames.get(id) ?? '?'),
				boardIds: node.boardIds,
				responsible: node.responsibles.map(responsibleLabel),
				deadline: node.deadlineText ?? '',
				carriedOver: node.carriedOver,
				value: value && { labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour },
				valueId,
				text: report ? report.comment || report.analysis : ''
			};
		});
	const rows = all.filter(
		(row) =>
			(!filter.board || row.boardIds.includes(filter.board)) &&
			(!filter.responsible || row.responsible.includes(filter.responsible)) &&
			(!filter.level || row.level.id === filter.level) &&
			(!filter.status || (filter.status === 'none' ? row.valueId === null : row.valueId === filter.status))
	);
	const counts = scale
		.map((value) => ({ id: value.id, labelSv: value.labelSv, labelEn: value.labelEn, colour: value.colour, count: rows.filter((row) => row.valueId === value.id).length }))
		.filter((count) => count.count > 0);
	const collator = new Intl.Collator('sv');
	return {
		rows: rows.map(({ valueId: _valueId, boardIds: _boardIds, ...row }) => row),
		counts,
		notReported: rows.filter((row) => row.valueId === null).length,
		choices: {
			responsible: [...new Set(all.flatMap((row) => row.responsible))].sort(collator.compare),
			levels: data.framework.levels.filter((level) => level.followUp !== 'none').map(({ id, nameSv, nameEn }) => ({ id, nameSv, nameEn })),
			boards: data.boards.map((board) => ({ id: board.id, name: board.shortName ?? board.name })),
			statuses: scale.map(({ id, labelSv, labelEn }) => ({ id, labelSv, labelEn }))
		}
	};
}
