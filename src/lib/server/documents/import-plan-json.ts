import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client';
import {
	chapters,
	followUpRevisions,
	followUps,
	frameworks,
	indicators,
	levelChildren,
	levels,
	measurements,
	nodeLinks,
	nodes,
	periods,
	plans,
	DIRECTIONS,
	INDICATOR_KINDS,
	MEANINGS,
	PERIOD_KINDS,
	PLAN_KINDS,
	CHAPTER_PLACEMENTS
} from '../db/schema';
import { recordAudit, recordAudits, type AuditEntry } from '../audit/record-audit';
import { fieldDefinitionSchema } from '../frameworks/field-definition';
import { NAME_TEMPLATE_MAX, unknownPlaceholders } from '../frameworks/name-template';
import type { FrameworkView } from '../frameworks/framework-repository';
import { addUnit } from '../organisation/add-unit';
import { addScaleValue } from '../follow-up/manage-scale';
import { validateNodeValues } from '../plans/node-values';
import { writeNodeRelations } from '../plans/write-node-values';
import { PLAN_DOCUMENT_FORMAT, PLAN_DOCUMENT_VERSION } from '../presenters/plan-document';
import type { Ctx } from '../shared/context';
import { DomainError, isDomainError } from '../shared/domain-error';
import { assertImportSize } from './read-workbook';
import { importLookups } from './import-values';
import { levelDocumentSettings, resolveImportNeeds } from './import-plan-needs';
import { assertJsonDepth, assertPlanDocumentSize } from './json-limits';

const label = z.object({ sv: z.string().min(1).max(200), en: z.string().max(200) });
const optionalText = (max: number) => z.object({ sv: z.string().trim().max(max).default(''), en: z.string().trim().max(max).default('') }).default({ sv: '', en: '' });
const scaleRef = z.object({ label, meaning: z.enum(MEANINGS), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).nullable();

type JsonNode = {
	id: string;
	levelId: string;
	ref: string;
	title: string;
	description: string;
	fieldValues: Record<string, unknown>;
	responsible: { kind: string; name: string; note: string }[];
	boards: { name: string; shortName: string | null }[];
	deadline: { text: string } | null;
	carriedOver: boolean;
	linkedParentIds: string[];
	indicators: z.infer<typeof indicatorSchema>[];
	children: JsonNode[];
};

const indicatorSchema = z.object({
	id: z.string(),
	name: z.string().min(1).max(500),
	kind: z.enum(INDICATOR_KINDS),
	unit: z.string().max(40).default(''),
	direction: z.enum(DIRECTIONS).default('none'),
	target: z
		.union([
			z.object({ kind: z.literal('value'), comparison: z.enum(['>=', '<=', '>', '<', '=']), value: z.number() }),
			z.object({ kind: z.literal('change'), change: z.enum(['increase', 'decrease']) })
		])
		.nullable(),
	baseline: z.object({ value: z.number(), label: z.string().max(40).nullable() }).nullable(),
	koladaKpi: z.string().max(20).nullable().default(null)
});

const nodeSchema: z.ZodType<JsonNode> = z.lazy(() =>
	z.object({
		id: z.string(),
		levelId: z.string(),
		ref: z.string().max(20).default(''),
		/** May be empty (or left out) for a level whose items have no title of their own. */
		title: z.string().max(2000).default(''),
		description: z.string().max(50_000).default(''),
		fieldValues: z.record(z.string(), z.unknown()).default({}),
		responsible: z.array(z.object({ kind: z.string(), name: z.string().min(1).max(200), note: z.string().max(200).default('') })).default([]),
		boards: z.array(z.object({ name: z.string().min(1).max(200), shortName: z.string().max(40).nullable().default(null) })).default([]),
		deadline: z.object({ text: z.string().max(100) }).nullable().default(null),
		carriedOver: z.boolean().default(false),
		linkedParentIds: z.array(z.string()).default([]),
		indicators: z.array(indicatorSchema).default([]),
		children: z.array(nodeSchema).default([])
	})
) as z.ZodType<JsonNode>;

/** The interchange format (docs/interchange-format.md): what `export --format json` writes. */
const documentSchema = z.object({
	format: z.literal(PLAN_DOCUMENT_FORMAT),
	version: z.literal(PLAN_DOCUMENT_VERSION),
	plan: z.object({
		title: z.string().trim().min(1).max(500),
		kind: z.enum(PLAN_KINDS),
		periodKind: z.enum(PERIOD_KINDS),
		startYear: z.number().int().min(1990).max(2100),
		state: z.enum(['draft', 'adopted', 'archived']),
		adoption: z.object({ adoptedBy: z.string().nullable(), adoptedOn: z.string().nullable(), registryNumber: z.string().nullable() }).nullable(),
		ownerUnit: z.object({ name: z.string() }).optional()
	}),
	framework: z.object({
		name: z.string().trim().min(1).max(200),
		description: z.string().max(2000).default(''),
		preset: z.string().nullable().default(null),
		levels: z
			.array(
				z.object({
					id: z.string(),
					key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
					name: label,
					namePlural: label,
					isRoot: z.boolean(),
					followUp: z.enum(['none', 'status', 'assessment']),
					documentStyle: z.enum(['heading', 'table_row']),
					tableColumns: z.array(z.string()).default([]),
					childLevelIds: z.array(z.string()).default([]),
					fields: z.array(fieldDefinitionSchema).default([]),
					/** How many fields come before the item's description (files from before it: 0, the description first). */
					descriptionPosition: z.number().int().min(0).max(1000).default(0),
					/** Items have no title of their own (files from before it: false). */
					untitled: z.boolean().default(false),
					/** How many parts come before the items' own items in documents (null: after them all). */
					childrenPosition: z.number().int().min(0).max(1000).nullable().default(null),
					/** What the title column asks for, under its label in a table. */
					titleHelp: optionalText(300),
					/** How documents name the items ("Kommunövergripande mål: {title}"); empty: "{ref} {title}". */
					nameTemplate: optionalText(NAME_TEMPLATE_MAX)
				})
			)
			.min(1)
	}),
	chapters: z
		.array(z.object({ title: z.string().min(1).max(500), body: z.string().max(200_000).default(''), placement: z.enum(CHAPTER_PLACEMENTS).default('before') }))
		.default([]),
	tree: z.array(nodeSchema).default([]),
	periods: z.array(z.object({ id: z.string(), name: z.string().min(1).max(120), asOf: z.iso.date(), dueOn: z.iso.date(), closed: z.boolean() })).default([]),
	followUps: z
		.array(z.object({ nodeId: z.string(), periodId: z.string(), status: scaleRef, assessment: scaleRef, comment: z.string().max(20_000).default(''), analysis: z.string().max(50_000).default('') }))
		.default([]),
	measurements: z.array(z.object({ indicatorId: z.string(), periodId: z.string(), value: z.number(), comment: z.string().max(5_000).default('') })).default([])
});

export type PlanDocument = z.infer<typeof documentSchema>;

/**
 * Reads an uploaded interchange file: too large, nested too deep, too much in it, not JSON, or not our
 * format each get their own message. Depth is checked on the bytes before parsing, so nothing below
 * (the schema, the import) can walk a file deep enough to overflow the stack.
 */
export function readPlanDocument(file: Buffer): PlanDocument {
	assertImportSize(file.length);
	assertJsonDepth(file);
	let parsed: unknown;
	try {
		parsed = JSON.parse(file.toString('utf8'));
	} catch {
		throw new DomainError('error_json_unreadable', {});
	}
	assertPlanDocumentSize(parsed);
	const result = documentSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new DomainError('error_json_invalid', { path: issue.path.join('.') || '(överst)' });
	}
	for (const [index, level] of result.data.framework.levels.entries()) {
		for (const locale of ['sv', 'en'] as const) {
			if (unknownPlaceholders(level.nameTemplate[locale], level.fields.map((field) => field.key)).length) {
				throw new DomainError('error_json_invalid', { path: `framework.levels.${index}.nameTemplate.${locale}` });
			}
		}
	}
	return result.data;
}

/** What was left out of the file because an import may not bring it in (see importPlanDocument). */
export interface LeftOut {
	/** The file's plan was adopted or archived: it comes in as a draft, without its adoption. */
	adoption: boolean;
	/** Periods that were closed in the file and are open here. */
	closedPeriods: number;
	/** Periods, reports and outcomes left out because the importer may not add periods. */
	periods: number;
	followUps: number;
	measurements: number;
}

/**
 * Recreates a plan from the interchange format in this organisation, with new ids and the same
 * content: its framework, chapters, items, links, indicators, periods, follow-ups and outcomes.
 *
 * The plan is always a **draft**: adoption, closing periods and publishing are done afterwards by
 * whoever may do them (the file's adoption data is dropped, its periods come in open, nothing is
 * published). A framework with the same name and levels is used rather than copied; boards and
 * status/assessment values are found by name; anything new is added only if the importer may add it
 * on its own page, through the same command (or the import is refused, naming what is missing; see
 * import-plan-needs.ts). Responsible people not found by name become role titles, as on the item form.
 *
 * One transaction: the whole plan, or nothing. Every framework, board, value, period and item it
 * creates has its own audit record, and the plan one record listing what came in and what was left out.
 */
export async function importPlanDocument(
	db: Db,
	ctx: Ctx,
	document: PlanDocument,
	options: { ownerUnitId?: string } = {}
): Promise<{ planId: string; title: string; items: number; followUps: number; leftOut: LeftOut }> {
	const tenantId = ctx.tenantId;
	return db.transaction(async (tx) => {
		const needs = await resolveImportNeeds(tx, ctx, document, options.ownerUnitId);
		const newId = new Map<string, string>();
		const idFor = (old: string) => {
			if (!newId.has(old)) newId.set(old, randomUUID());
			return newId.get(old)!;
		};
		const { frameworkId, levelIdFor } = needs.framework
			? reuseFramework(needs.framework, document)
			: await copyFramework(tx, ctx, document, idFor);
		const levelOf = new Map(document.framework.levels.map((level) => [level.id, level]));

		// Boards and scale values are found by name as the organisation writes it, in any case.
		const nameKey = (name: string) => name.trim().toLocaleLowerCase('sv');
		const createdUnits: string[] = [];
		for (const board of needs.newBoards) {
			const unit = await addUnit(tx, ctx, { parentId: needs.top.id, kind: 'board', name: board.name, shortName: board.shortName ?? '' });
			for (const name of [board.name, board.shortName]) if (name) needs.boardIds.set(nameKey(name), unit.id);
			createdUnits.push(unit.name);
		}
		const scale = needs.scale.map((value) => ({ id: value.id, kind: value.kind, labelSv: value.labelSv }));
		const createdValues: string[] = [];
		for (const { kind, value } of needs.newScaleValues) {
			const input = { labelSv: value.label.sv, labelEn: value.label.en, colour: value.colour, meaning: value.meaning };
			const id = await addScaleValue(tx, ctx, kind, input).catch((thrown: unknown) => {
				// The page's own check, told about the value in the file it concerns.
				if (isDomainError(thrown) && thrown.code === 'error_colour_contrast') {
					throw new DomainError('error_import_scale_colour', { label: value.label.sv, ratio: thrown.params.ratio });
				}
				throw thrown;
			});
			scale.push({ id, kind, labelSv: value.label.sv });
			createdValues.push(value.label.sv);
		}

		const lookups = await importLookups(tx, tenantId, { boards: [] });
		const [plan] = await tx
			.insert(plans)
			.values({
				tenantId,
				ownerUnitId: needs.owner.id,
				frameworkId,
				title: document.plan.title,
				kind: document.plan.kind,
				periodKind: document.plan.periodKind,
				startYear: document.plan.startYear,
				state: 'draft'
			})
			.returning();
		if (document.chapters.length) await tx.insert(chapters).values(document.chapters.map((chapter, position) => ({ tenantId, planId: plan.id, position, ...chapter })));

		const audits: AuditEntry[] = [];
		let indicatorCount = 0;
		const links: { nodeId: string; parentId: string; position: number }[] = [];
		const insertNode = async (node: JsonNode, parentId: string | null, position: number): Promise<void> => {
			const level = levelOf.get(node.levelId);
			if (!level) throw new DomainError('error_json_invalid', { path: `tree: ${node.title}` });
			if (!node.title.trim() && !level.untitled) throw new DomainError('error_json_invalid', { path: `tree: ${node.ref || node.id}: title` });
			const raw: Record<string, unknown> = { ...node.fieldValues };
			for (const field of level.fields) {
				if (field.type === 'responsible') {
					// A person is found by name here; anyone not found is kept as a role title with that name.
					const person = (name: string, kind: string) => (kind === 'person' ? lookups.personIds.get(name) : undefined);
					raw[field.key] = {
						roles: node.responsible.filter((responsible) => !person(responsible.name, responsible.kind)).map(({ name, note }) => ({ name, note })),
						people: node.responsible.flatMap((responsible) => {
							const id = person(responsible.name, responsible.kind);
							return id ? [{ id, note: responsible.note }] : [];
						})
					};
				}
				if (field.type === 'deadline') raw[field.key] = node.deadline?.text ?? '';
				if (field.type === 'boards') {
					raw[field.key] = node.boards.map(
						(board) => needs.boardIds.get(nameKey(board.name)) ?? (board.shortName ? needs.boardIds.get(nameKey(board.shortName)) : undefined)
					);
				}
			}
			const values = validateNodeValues(level, raw, plan);
			const id = idFor(node.id);
			const [row] = await tx
				.insert(nodes)
				.values({
					tenantId,
					id,
					planId: plan.id,
					levelId: levelIdFor(level.id),
					parentId,
					position,
					ref: node.ref,
					title: node.title,
					description: node.description,
					fieldValues: values.fieldValues,
					deadlineText: values.deadlineText,
					deadlineDate: values.deadlineDate,
					carriedOver: node.carriedOver
				})
				.returning();
			await writeNodeRelations(tx, ctx, id, values);
			for (const [index, indicator] of node.indicators.entries()) {
				await tx.insert(indicators).values({
					tenantId,
					id: idFor(indicator.id),
					nodeId: id,
					position: index,
					name: indicator.name,
					kind: indicator.kind,
					unit: indicator.unit,
					direction: indicator.direction,
					targetKind: indicator.target?.kind ?? 'none',
					targetComparison: indicator.target?.kind === 'value' ? indicator.target.comparison : null,
					targetValue: indicator.target?.kind === 'value' ? String(indicator.target.value) : null,
					targetChange: indicator.target?.kind === 'change' ? indicator.target.change : null,
					baselineValue: indicator.baseline ? String(indicator.baseline.value) : null,
					baselineLabel: indicator.baseline?.label ?? null,
					koladaKpi: indicator.koladaKpi
				});
			}
			indicatorCount += node.indicators.length;
			audits.push({
				action: 'node.create',
				entityType: 'node',
				entityId: id,
				planId: plan.id,
				after: { ...row, responsible: values.responsible, boardIds: values.boardIds, indicators: node.indicators.map((indicator) => indicator.name), from: 'json' }
			});
			for (const [index, linked] of node.linkedParentIds.entries()) links.push({ nodeId: id, parentId: linked, position: index });
			for (const [index, child] of node.children.entries()) await insertNode(child, id, index);
		};
		for (const [index, node] of document.tree.entries()) await insertNode(node, null, index);
		const known = links.filter((link) => newId.has(link.parentId));
		if (known.length) await tx.insert(nodeLinks).values(known.map((link) => ({ tenantId, nodeId: link.nodeId, parentId: newId.get(link.parentId)!, position: link.position })));

		// Reports and outcomes of the file's own items and periods (anything else in it points nowhere).
		const reports = document.followUps.filter((report) => newId.has(report.nodeId) && document.periods.some((period) => period.id === report.periodId));
		const outcomes = document.measurements.filter(
			(measurement) => newId.has(measurement.indicatorId) && document.periods.some((period) => period.id === measurement.periodId)
		);
		const leftOut: LeftOut = {
			adoption: document.plan.state !== 'draft',
			closedPeriods: needs.withPeriods ? document.periods.filter((period) => period.closed).length : 0,
			periods: needs.withPeriods ? 0 : document.periods.length,
			followUps: needs.withPeriods ? 0 : reports.length,
			measurements: needs.withPeriods ? 0 : outcomes.length
		};
		const periodsIn = needs.withPeriods ? document.periods : [];
		for (const period of periodsIn) {
			const values = { name: period.name, asOf: period.asOf, dueOn: period.dueOn };
			await tx.insert(periods).values({ tenantId, id: idFor(period.id), planId: plan.id, ...values });
			audits.push({ action: 'period.create', entityType: 'period', entityId: newId.get(period.id)!, planId: plan.id, after: { ...values, from: 'json' } });
		}
		const scaleId = (kind: 'status' | 'assessment', value: NonNullable<z.infer<typeof scaleRef>>) =>
			scale.find((candidate) => candidate.kind === kind && nameKey(candidate.labelSv) === nameKey(value.label.sv))!.id;
		const reportsIn = needs.withPeriods ? reports : [];
		for (const report of reportsIn) {
			const values = {
				statusId: report.status ? scaleId('status', report.status) : null,
				assessmentId: report.assessment ? scaleId('assessment', report.assessment) : null,
				comment: report.comment,
				analysis: report.analysis
			};
			const [row] = await tx
				.insert(followUps)
				.values({ tenantId, planId: plan.id, nodeId: newId.get(report.nodeId)!, periodId: newId.get(report.periodId)!, ...values, updatedBy: ctx.actor.id })
				.returning({ id: followUps.id });
			await tx.insert(followUpRevisions).values({ tenantId, followUpId: row.id, version: 1, ...values, changedBy: ctx.actor.id });
		}
		const outcomesIn = needs.withPeriods ? outcomes : [];
		if (outcomesIn.length) {
			await tx.insert(measurements).values(
				outcomesIn.map((measurement) => ({
					tenantId,
					indicatorId: newId.get(measurement.indicatorId)!,
					periodId: newId.get(measurement.periodId)!,
					value: String(measurement.value),
					comment: measurement.comment,
					updatedBy: ctx.actor.id
				}))
			);
		}
		const items = audits.filter((entry) => entry.action === 'node.create').length;
		audits.push({
			action: 'plan.import',
			entityType: 'plan',
			entityId: plan.id,
			planId: plan.id,
			after: {
				title: plan.title,
				state: plan.state,
				from: 'json',
				owner: needs.owner.name,
				framework: { id: frameworkId, name: needs.framework?.name ?? document.framework.name, created: !needs.framework },
				created: {
					items,
					indicators: indicatorCount,
					chapters: document.chapters.length,
					links: known.length,
					periods: periodsIn.length,
					followUps: reportsIn.length,
					measurements: outcomesIn.length,
					units: createdUnits,
					scaleValues: createdValues
				},
				leftOut
			}
		});
		await recordAudits(tx, ctx, audits);
		return { planId: plan.id, title: plan.title, items, followUps: reportsIn.length, leftOut };
	});
}

/** The organisation's own framework, same levels as the file's: each file level is the level with its key. */
function reuseFramework(framework: FrameworkView, document: PlanDocument) {
	const byKey = new Map(framework.levels.map((level) => [level.key, level.id]));
	const keyOf = new Map(document.framework.levels.map((level) => [level.id, level.key]));
	return { frameworkId: framework.id, levelIdFor: (fileLevelId: string) => byKey.get(keyOf.get(fileLevelId)!)! };
}

/** A new framework as the file has it (only for someone who may edit frameworks: see import-plan-needs.ts). */
async function copyFramework(tx: Db, ctx: Ctx, document: PlanDocument, idFor: (old: string) => string) {
	const tenantId = ctx.tenantId;
	const [framework] = await tx
		.insert(frameworks)
		.values({ tenantId, name: document.framework.name, description: document.framework.description, preset: document.framework.preset })
		.returning();
	const levelIds = new Set(document.framework.levels.map((level) => level.id));
	const levelRows = document.framework.levels.map((level, position) => ({
		tenantId,
		id: idFor(level.id),
		frameworkId: framework.id,
		key: level.key,
		position,
		nameSv: level.name.sv,
		nameEn: level.name.en || level.name.sv,
		namePluralSv: level.namePlural.sv,
		namePluralEn: level.namePlural.en || level.namePlural.sv,
		isRoot: level.isRoot,
		followUp: level.followUp,
		documentStyle: level.documentStyle,
		tableColumns: level.tableColumns,
		fields: level.fields,
		...levelDocumentSettings(level)
	}));
	await tx.insert(levels).values(levelRows);
	const edges = document.framework.levels.flatMap((level) =>
		level.childLevelIds.filter((child) => levelIds.has(child)).map((child) => ({ tenantId, parentLevelId: idFor(level.id), childLevelId: idFor(child) }))
	);
	if (edges.length) await tx.insert(levelChildren).values(edges);
	await recordAudit(tx, ctx, { action: 'framework.create', entityType: 'framework', entityId: framework.id, after: { ...framework, levels: levelRows, from: 'json' } });
	return { frameworkId: framework.id, levelIdFor: (fileLevelId: string) => idFor(fileLevelId) };
}

