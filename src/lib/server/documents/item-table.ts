import type { FieldDefinition } from '../frameworks/field-definition';
import type { FollowUp, Measurement } from '../follow-up/follow-up-repository';
import type { Period } from '../follow-up/period-repository';
import type { ScaleValue } from '../follow-up/scales';
import type { PlanData } from '../plans/plan-repository';
import { buildTree, flattenTree } from '../plans/plan-tree';
import { DESCRIPTION, mergedPartKeys } from '../frameworks/field-order';
import { itemName } from '../presenters/item-name';
import { fieldPlainText, markdownPlainText, type Locale } from './field-text';

/** The follow-up a table shows: status and comment (or assessment and analysis) per period, outcomes per period. */
export interface TableFollowUp {
	periods: Period[];
	followUps: FollowUp[];
	measurements: Measurement[];
	scale: ScaleValue[];
}

export interface FlatTable {
	/** `key` is stable (what an import reads back); `header` is for people. */
	columns: { key: string; header: string; width: number }[];
	rows: Record<string, string | number | null>[];
}

/** Every field key the plan's levels use, in level order, once each (a key means the same on every level). */
export function planFields(data: PlanData): FieldDefinition[] {
	const seen = new Map<string, FieldDefinition>();
	for (const level of data.framework.levels) for (const field of level.fields) if (!seen.has(field.key)) seen.set(field.key, field);
	return [...seen.values()];
}

/**
 * One row per item, in outline order, with every field and each period's status and comment: the
 * workbook's first sheet and the open-data CSV. Rich text is plain text with line breaks here (no
 * Markdown syntax): what an edited workbook is compared with when it is read back.
 */
export function itemTable(data: PlanData, followUp: TableFollowUp | undefined, locale: Locale): FlatTable {
	const en = locale === 'en';
	const boards = new Map(data.boards.map((board) => [board.id, board.shortName ?? board.name]));
	const fields = planFields(data);
	const periods = followUp?.periods ?? [];
	const scale = new Map((followUp?.scale ?? []).map((value) => [value.id, value]));
	const reports = new Map((followUp?.followUps ?? []).map((report) => [`${report.nodeId}/${report.periodId}`, report]));
	const columns = [
		{ key: 'id', header: 'Id', width: 38 },
		{ key: 'parent', header: en ? 'Parent id' : 'Överordnad (id)', width: 38 },
		{ key: 'level', header: en ? 'Level' : 'Nivå', width: 18 },
		{ key: 'ref', header: en ? 'Number' : 'Nummer', width: 9 },
		{ key: 'title', header: en ? 'Title' : 'Rubrik', width: 50 },
		// The description and the fields in the levels' own order ("Bakgrund" before the description where a level has it so).
		...mergedPartKeys(data.framework.levels).map((key) => {
			if (key === DESCRIPTION) return { key: 'description', header: en ? 'Description' : 'Beskrivning', width: 40 };
			const field = fields.find((candidate) => candidate.key === key)!;
			return { key: `field:${field.key}`, header: en ? field.labelEn : field.labelSv, width: field.type === 'rich_text' ? 40 : 24 };
		}),
		...periods.flatMap((period) => [
			{ key: `status:${period.id}`, header: `Status – ${period.name}`, width: 20 },
			{ key: `comment:${period.id}`, header: `${en ? 'Comment' : 'Kommentar'} – ${period.name}`, width: 40 }
		])
	];
	const rows = flattenTree(buildTree(data))
		.filter((entry) => !entry.linked)
		.map((entry) => {
			const node = entry.node;
			const row: Record<string, string> = {
				id: node.id,
				parent: node.parentId ?? '',
				level: en ? entry.level.nameEn : entry.level.nameSv,
				ref: node.ref,
				title: node.title,
				description: markdownPlainText(node.description)
			};
			for (const field of fields) {
				if (entry.level.fields.some((candidate) => candidate.key === field.key)) row[`field:${field.key}`] = fieldPlainText(field, node, boards, locale);
			}
			for (const period of periods) {
				const report = reports.get(`${node.id}/${period.id}`);
				const value = report && scale.get(report.statusId ?? report.assessmentId ?? '');
				row[`status:${period.id}`] = value ? (en ? value.labelEn : value.labelSv) : '';
				row[`comment:${period.id}`] = report ? [report.comment, report.analysis].filter((text) => text.trim()).map(markdownPlainText).join('\n\n') : '';
			}
			return row;
		});
	return { columns, rows };
}

/** One row per indicator: target, baseline and the outcome of each period. */
export function indicatorTable(data: PlanData, followUp: TableFollowUp | undefined, locale: Locale): FlatTable {
	const en = locale === 'en';
	const periods = followUp?.periods ?? [];
	const measurements = new Map((followUp?.measurements ?? []).map((measurement) => [`${measurement.indicatorId}/${measurement.periodId}`, measurement]));
	const columns = [
		{ key: 'id', header: 'Id', width: 38 },
		{ key: 'item', header: en ? 'Item id' : 'Punkt (id)', width: 38 },
		{ key: 'itemTitle', header: en ? 'Item' : 'Punkt', width: 40 },
		{ key: 'name', header: en ? 'Indicator' : 'Indikator', width: 40 },
		{ key: 'kind', header: en ? 'Kind' : 'Typ', width: 10 },
		{ key: 'unit', header: en ? 'Unit' : 'Enhet', width: 10 },
		{ key: 'baseline', header: en ? 'Baseline' : 'Utgångsvärde', width: 14 },
		{ key: 'target', header: en ? 'Target' : 'Målvärde', width: 14 },
		...periods.map((period) => ({ key: `value:${period.id}`, header: `${en ? 'Outcome' : 'Utfall'} – ${period.name}`, width: 16 }))
	];
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const rows = data.nodes.flatMap((node) =>
		node.indicators.map((indicator) => {
			const row: Record<string, string | number | null> = {
				id: indicator.id,
				item: node.id,
				itemTitle: itemName(node, levels.get(node.levelId)),
				name: indicator.name,
				kind: indicator.kind,
				unit: indicator.unit,
				baseline: numberOrNull(indicator.baselineValue),
				target:
					indicator.targetKind === 'value'
						? `${indicator.targetComparison ?? ''} ${indicator.targetValue ?? ''}`.trim()
						: indicator.targetKind === 'change'
							? (indicator.targetChange ?? '')
							: ''
			};
			for (const period of periods) row[`value:${period.id}`] = numberOrNull(measurements.get(`${indicator.id}/${period.id}`)?.value ?? null);
			return row;
		})
	);
	return { columns, rows };
}

function numberOrNull(value: string | null): number | null {
	return value === null || value === '' ? null : Number(value);
}
