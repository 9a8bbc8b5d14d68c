import type { Db } from '../db/client';
import { fieldDefinitionSchema } from '../frameworks/field-definition';
import { listFrameworks, loadFramework, type FrameworkView, type LevelRow } from '../frameworks/framework-repository';
import { listUnits, type Unit } from '../organisation/organisation-repository';
import { listScale, type ScaleValue } from '../follow-up/scales';
import { can } from '../policies';
import type { Ctx } from '../shared/context';
import { DomainError, notFound, type Bilingual } from '../shared/domain-error';
import type { PlanDocument } from './import-plan-json';

type JsonNode = PlanDocument['tree'][number];
type ScaleRef = NonNullable<PlanDocument['followUps'][number]['status']>;
export type NewScaleValue = { kind: 'status' | 'assessment'; value: ScaleRef };

/**
 * What an import finds in the organisation and what it would have to add, decided before anything
 * is written: the owner unit, a framework with the same name and levels (used instead of a copy),
 * boards and status/assessment values by name. Adding a framework, a board or a value needs the same
 * right as on its own page (framework.edit, organisation.edit, scale.edit); periods come with the
 * file only for someone who may add periods to the owner's plans (period.manage), else they are left
 * out with their reports and outcomes. Anything missing that the importer may not add refuses the
 * whole import, naming each.
 */
export interface ImportNeeds {
	owner: Unit;
	top: Unit;
	framework: FrameworkView | undefined;
	boardIds: Map<string, string>;
	newBoards: { name: string; shortName: string | null }[];
	withPeriods: boolean;
	scale: ScaleValue[];
	newScaleValues: NewScaleValue[];
}

export async function resolveImportNeeds(tx: Db, ctx: Ctx, document: PlanDocument, ownerUnitId?: string): Promise<ImportNeeds> {
	const tenantId = ctx.tenantId;
	const units = await listUnits(tx, tenantId);
	const top = units.find((unit) => unit.parentId === null);
	// The unit chosen by the importing person, else the same-named unit, else the organisation's top.
	const owner = ownerUnitId ? units.find((unit) => unit.id === ownerUnitId) : (units.find((unit) => unit.name === document.plan.ownerUnit?.name) ?? top);
	if (!owner || !top) throw new DomainError('error_not_found', {}, { field: 'ownerUnitId', status: 404 });
	if (!can(ctx.actor, 'plan.create', { unitId: owner.id })) throw new DomainError('error_forbidden', {}, { status: 403 });

	const missing: Bilingual[] = [];
	const framework = await sameFramework(tx, tenantId, document.framework);
	if (!framework && !can(ctx.actor, 'framework.edit')) missing.push(named('styrmodellen', 'the steering model', document.framework.name));

	const key = (name: string) => name.trim().toLocaleLowerCase('sv');
	const boardIds = new Map<string, string>();
	for (const unit of units.filter((candidate) => candidate.kind === 'board')) {
		for (const name of [unit.name, unit.shortName]) if (name) boardIds.set(key(name), unit.id);
	}
	const newBoards = new Map<string, { name: string; shortName: string | null }>();
	const levelsWithBoards = new Set(document.framework.levels.filter((level) => level.fields.some((field) => field.type === 'boards')).map((level) => level.id));
	for (const node of allNodes(document.tree)) {
		if (!levelsWithBoards.has(node.levelId)) continue;
		for (const board of node.boards) {
			if (boardIds.has(key(board.name)) || (board.shortName && boardIds.has(key(board.shortName))) || newBoards.has(key(board.name))) continue;
			newBoards.set(key(board.name), board);
		}
	}
	if (newBoards.size && !can(ctx.actor, 'organisation.edit')) {
		for (const board of newBoards.values()) missing.push(named('nämnden', 'the board', board.name));
	}

	const withPeriods = can(ctx.actor, 'period.manage', { unitId: owner.id });
	const scale = await listScale(tx, tenantId);
	const newScaleValues: NewScaleValue[] = [];
	if (withPeriods) {
		const nodeIds = new Set(allNodes(document.tree).map((node) => node.id));
		const periodIds = new Set(document.periods.map((period) => period.id));
		const known = (kind: string, label: string) =>
			scale.some((value) => value.kind === kind && key(value.labelSv) === key(label)) ||
			newScaleValues.some((value) => value.kind === kind && key(value.value.label.sv) === key(label));
		for (const report of document.followUps.filter((candidate) => nodeIds.has(candidate.nodeId) && periodIds.has(candidate.periodId))) {
			if (report.status && !known('status', report.status.label.sv)) newScaleValues.push({ kind: 'status', value: report.status });
			if (report.assessment && !known('assessment', report.assessment.label.sv)) newScaleValues.push({ kind: 'assessment', value: report.assessment });
		}
		if (newScaleValues.length && !can(ctx.actor, 'scale.edit')) {
			for (const { kind, value } of newScaleValues) {
				missing.push(kind === 'status' ? named('statusen', 'the status', value.label.sv) : named('bedömningen', 'the assessment', value.label.sv));
			}
		}
	}
	if (missing.length) {
		throw new DomainError('error_import_not_allowed', {
			missing: { sv: missing.map((entry) => entry.sv).join(', '), en: missing.map((entry) => entry.en).join(', ') }
		});
	}
	return { owner, top, framework, boardIds, newBoards: [...newBoards.values()], withPeriods, scale, newScaleValues };
}

function named(sv: string, en: string, name: string): Bilingual {
	return { sv: `${sv} "${name}"`, en: `${en} "${name}"` };
}

/** Every item of the file's tree, parents before children (the tree's depth is bounded by readPlanDocument). */
export function allNodes(tree: JsonNode[]): JsonNode[] {
	const nodes: JsonNode[] = [];
	const visit = (list: JsonNode[]) => {
		for (const node of list) {
			nodes.push(node);
			visit(node.children);
		}
	};
	visit(tree);
	return nodes;
}

/**
 * The organisation's framework with the file's name and the same levels (keys, names, follow-up,
 * layout, fields, which level may hold which): the plan is imported into it rather than into a copy.
 */
async function sameFramework(tx: Db, tenantId: string, wanted: PlanDocument['framework']): Promise<FrameworkView | undefined> {
	const name = (text: string) => text.trim().toLocaleLowerCase('sv');
	const keyOf = new Map(wanted.levels.map((level) => [level.id, level.key]));
	const shape = shapeOf(
		wanted.levels.map((level) => ({
			key: level.key,
			names: [level.name.sv, level.name.en || level.name.sv, level.namePlural.sv, level.namePlural.en || level.namePlural.sv],
			isRoot: level.isRoot,
			followUp: level.followUp,
			documentStyle: level.documentStyle,
			tableColumns: level.tableColumns,
			children: level.childLevelIds.filter((id) => keyOf.has(id)).map((id) => keyOf.get(id)!),
			fields: level.fields,
			...levelDocumentSettings(level)
		}))
	);
	for (const candidate of (await listFrameworks(tx, tenantId)).filter((framework) => name(framework.name) === name(wanted.name))) {
		const framework = await loadFramework(tx, tenantId, candidate.id);
		if (!framework) throw notFound();
		const keys = new Map(framework.levels.map((level) => [level.id, level.key]));
		const existing = shapeOf(
			framework.levels.map((level) => ({
				key: level.key,
				names: [level.nameSv, level.nameEn, level.namePluralSv, level.namePluralEn],
				isRoot: level.isRoot,
				followUp: level.followUp,
				documentStyle: level.documentStyle,
				tableColumns: level.tableColumns,
				children: level.childLevelIds.map((id) => keys.get(id)!),
				fields: level.fields,
				...storedDocumentSettings(level)
			}))
		);
		if (existing === shape) return framework;
	}
	return undefined;
}

function shapeOf(levels: { key: string; children: string[]; fields: unknown[]; [other: string]: unknown }[]): string {
	return JSON.stringify(
		levels.map((level) => ({
			...level,
			children: [...level.children].sort(),
			fields: level.fields.map((field) => fieldDefinitionSchema.parse(field))
		}))
	);
}
/** A file level's order and naming in documents, as the levels table keeps them. */
export function levelDocumentSettings(level: PlanDocument['framework']['levels'][number]) {
	return {
		descriptionPosition: level.descriptionPosition,
		untitled: level.untitled,
		childrenPosition: level.childrenPosition,
		titleHelpSv: level.titleHelp.sv,
		titleHelpEn: level.titleHelp.en,
		nameTemplateSv: level.nameTemplate.sv,
		nameTemplateEn: level.nameTemplate.en
	};
}

/** The same settings of a stored level, to compare a file's framework with the organisation's. */
function storedDocumentSettings(level: LevelRow): ReturnType<typeof levelDocumentSettings> {
	const { descriptionPosition, untitled, childrenPosition, titleHelpSv, titleHelpEn, nameTemplateSv, nameTemplateEn } = level;
	return { descriptionPosition, untitled, childrenPosition, titleHelpSv, titleHelpEn, nameTemplateSv, nameTemplateEn };
}
