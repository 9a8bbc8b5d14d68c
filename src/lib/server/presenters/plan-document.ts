import type { Level } from '../frameworks/framework-repository';
import type { Plan, PlanData, PlanNode } from '../plans/plan-repository';

/**
 * The plan as JSON for integrations and export: the plan, its framework, its chapters and its
 * items as a tree. Ids are stable; links point at other items by id. One shape for the API
 * (/api/v1/plans/{id}) and `styrkedjan export --format json`.
 */
export const PLAN_DOCUMENT_FORMAT = 'styrkedjan.plan';
export const PLAN_DOCUMENT_VERSION = 1;

export function presentPlanSummary(plan: Plan & { ownerName?: string; frameworkName?: string }) {
	return {
		id: plan.id,
		title: plan.title,
		kind: plan.kind,
		periodKind: plan.periodKind,
		startYear: plan.startYear,
		state: plan.state,
		ownerUnitId: plan.ownerUnitId,
		frameworkId: plan.frameworkId,
		adoption: plan.state === 'draft' ? null : { adoptedBy: plan.adoptedBy, adoptedOn: plan.adoptedOn, registryNumber: plan.registryNumber },
		updatedAt: plan.updatedAt.toISOString()
	};
}

function presentLevel(level: Level) {
	return {
		id: level.id,
		key: level.key,
		position: level.position,
		name: { sv: level.nameSv, en: level.nameEn },
		namePlural: { sv: level.namePluralSv, en: level.namePluralEn },
		isRoot: level.isRoot,
		followUp: level.followUp,
		documentStyle: level.documentStyle,
		tableColumns: level.tableColumns,
		childLevelIds: level.childLevelIds,
		fields: level.fields,
		descriptionPosition: level.descriptionPosition,
		untitled: level.untitled,
		childrenPosition: level.childrenPosition,
		titleHelp: { sv: level.titleHelpSv, en: level.titleHelpEn },
		nameTemplate: { sv: level.nameTemplateSv, en: level.nameTemplateEn }
	};
}

function presentNode(node: PlanNode, children: Map<string | null, PlanNode[]>, boards: Map<string, { id: string; name: string; shortName: string | null }>): unknown {
	return {
		id: node.id,
		levelId: node.levelId,
		ref: node.ref,
		title: node.title,
		description: node.description,
		fieldValues: node.fieldValues,
		responsible: node.responsibles.map((r) => ({ kind: r.kind, id: r.id, name: r.name, note: r.note })),
		boards: node.boardIds.map((id) => ({ id, name: boards.get(id)?.name ?? '', shortName: boards.get(id)?.shortName ?? null })),
		deadline: node.deadlineText ? { text: node.deadlineText, date: node.deadlineDate } : null,
		carriedOver: node.carriedOver,
		linkedParentIds: node.linkedParentIds,
		indicators: node.indicators.map((indicator) => ({
			id: indicator.id,
			name: indicator.name,
			kind: indicator.kind,
			unit: indicator.unit,
			direction: indicator.direction,
			target:
				indicator.targetKind === 'value'
					? { kind: 'value', comparison: indicator.targetComparison, value: Number(indicator.targetValue) }
					: indicator.targetKind === 'change'
						? { kind: 'change', change: indicator.targetChange }
						: null,
			baseline: indicator.baselineValue === null ? null : { value: Number(indicator.baselineValue), label: indicator.baselineLabel },
			koladaKpi: indicator.koladaKpi
		})),
		children: (children.get(node.id) ?? []).map((child) => presentNode(child, children, boards))
	};
}

/** The year's follow-up, for the document: periods, reports (by item and period) and outcomes. */
export interface FollowUpData {
	periods: { id: string; name: string; asOf: string; dueOn: string; closedAt: Date | null }[];
	followUps: { nodeId: string; periodId: string; statusId: string | null; assessmentId: string | null; comment: string; analysis: string; version: number; updatedAt: Date }[];
	measurements: { indicatorId: string; periodId: string; value: string; comment: string }[];
	scale: { id: string; kind: string; labelSv: string; labelEn: string; colour: string; meaning: string }[];
}

export function presentPlanDocument(data: PlanData, followUp?: FollowUpData) {
	const children = new Map<string | null, PlanNode[]>();
	for (const node of [...data.nodes].sort((a, b) => a.position - b.position)) {
		children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
	}
	const boards = new Map(data.boards.map((board) => [board.id, board]));
	return {
		format: PLAN_DOCUMENT_FORMAT,
		version: PLAN_DOCUMENT_VERSION,
		plan: { ...presentPlanSummary(data.plan), ownerUnit: { id: data.ownerUnit.id, name: data.ownerUnit.name, kind: data.ownerUnit.kind } },
		framework: {
			id: data.framework.id,
			name: data.framework.name,
			description: data.framework.description,
			preset: data.framework.preset,
			levels: data.framework.levels.map(presentLevel)
		},
		chapters: data.chapters.map((chapter) => ({ id: chapter.id, position: chapter.position, title: chapter.title, body: chapter.body, placement: chapter.placement })),
		tree: (children.get(null) ?? []).map((node) => presentNode(node, children, boards)),
		...(followUp ? presentFollowUpData(followUp) : {})
	};
}

function presentFollowUpData(followUp: FollowUpData) {
	const scale = new Map(followUp.scale.map((value) => [value.id, value]));
	const valueOf = (id: string | null) => {
		const value = id ? scale.get(id) : undefined;
		return value ? { label: { sv: value.labelSv, en: value.labelEn }, meaning: value.meaning, colour: value.colour } : null;
	};
	return {
		periods: followUp.periods.map((period) => ({ id: period.id, name: period.name, asOf: period.asOf, dueOn: period.dueOn, closed: period.closedAt !== null })),
		followUps: followUp.followUps.map((report) => ({
			nodeId: report.nodeId,
			periodId: report.periodId,
			status: valueOf(report.statusId),
			assessment: valueOf(report.assessmentId),
			comment: report.comment,
			analysis: report.analysis,
			version: report.version,
			updatedAt: report.updatedAt.toISOString()
		})),
		measurements: followUp.measurements.map((measurement) => ({
			indicatorId: measurement.indicatorId,
			periodId: measurement.periodId,
			value: Number(measurement.value),
			comment: measurement.comment
		}))
	};
}
