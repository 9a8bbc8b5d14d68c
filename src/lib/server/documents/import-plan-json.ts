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
	scaleValues,
	DIRECTIONS,
	INDICATOR_KINDS,
	MEANINGS,
	PERIOD_KINDS,
	PLAN_KINDS
} from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { fieldDefinitionSchema } from '../frameworks/field-definition';
import { addUnit } from '../organisation/add-unit';
import { listUnits } from '../organisation/organisation-repository';
import { listScale } from '../follow-up/scales';
import { validateNodeValues } from '../plans/node-values';
import { writeNodeRelations } from '../plans/write-node-values';
import { PLAN_DOCUMENT_FORMAT, PLAN_DOCUMENT_VERSION } from '../presenters/plan-document';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import { assertImportSize } from './read-workbook';
import { importLookups } from './import-values';

const label = z.object({ sv: z.string().min(1).max(200), en: z.string().max(200) });
const scaleRef = z.object({ label, meaning: z.enum(MEANINGS), colour: z.string().regex(/^#[0-9a-fA-F]{6}$/) }).nullable();

type JsonNode = {
	id: string;
	levelId: string;
	ref: string;
	title: string;
	description: string;
	fieldValues: Record<string, unknown>;
	responsible: { kind: string; name: string }[];
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
		title: z.string().min(1).max(2000),
		description: z.string().max(50_000).default(''),
		fieldValues: z.record(z.string(), z.unknown()).default({}),
		responsible: z.array(z.object({ kind: z.string(), name: z.string().min(1).max(200) })).default([]),
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
					fields: z.array(fieldDefinitionSchema).default([])
				})
			)
			.min(1)
	}),
	chapters: z.array(z.object({ title: z.string().min(1).max(500), body: z.string().max(200_000).default('') })).default([]),
	tree: z.array(nodeSchema).default([]),
	periods: z.array(z.object({ id: z.string(), name: z.string().min(1).max(120), asOf: z.iso.date(), dueOn: z.iso.date(), closed: z.boolean() })).default([]),
	followUps: z
		.array(z.object({ nodeId: z.string(), periodId: z.string(), status: scaleRef, assessment: scaleRef, comment: z.string().max(20_000).default(''), analysis: z.string().max(50_000).default('') }))
		.default([]),
	measurements: z.array(z.object({ indicatorId: z.string(), periodId: z.string(), value: z.number(), comment: z.string().max(5_000).default('') })).default([])
});

export type PlanDocument = z.infer<typeof documentSchema>;

/** Reads an uploaded interchange file: too large, not JSON, or not our format each get their own message. */
export function readPlanDocument(file: Buffer): PlanDocument {
	assertImportSize(file.length);
	let parsed: unknown;
	try {
		parsed = JSON.parse(file.toString('utf8'));
	} catch {
		throw new DomainError('error_json_unreadable', {});
	}
	const result = documentSchema.safeParse(parsed);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new DomainError('error_json_invalid', { path: issue.path.join('.') || '(överst)' });
	}
	return result.data;
}

/**
 * Recreates a plan from the interchange format in this organisation, with new ids and the same
 * content: its framework (as a new one), chapters, items, links, indicators, periods, follow-ups and
 * outcomes. Boards missing here are added; responsible people not found by name become role titles.
 * One transaction: the whole plan, or nothing.
 */
export async function importPlanDocument(
	db: Db,
	ctx: Ctx,
	document: PlanDocument,
	options: { ownerUnitId?: string } = {}
): Promise<{ planId: string; title: string; items: number; followUps: number }> {
	const tenantId = ctx.tenantId;
	return db.transaction(async (tx) => {
		const newId = new Map<string, string>();
		const idFor = (old: string) => {
			if (!newId.has(old)) newId.set(old, randomUUID());
			return newId.get(old)!;
		};
		const [framework] = await tx
			.insert(frameworks)
			.values({ tenantId, name: document.framework.name, description: document.framework.description, preset: document.framework.preset })
			.returning();
		const levelIds = new Set(document.framework.levels.map((level) => level.id));
		for (const [position, level] of document.framework.levels.entries()) {
			await tx.insert(levels).values({
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
				fields: level.fields
			});
		}
		const edges = document.framework.levels.flatMap((level) =>
			level.childLevelIds.filter((child) => levelIds.has(child)).map((child) => ({ tenantId, parentLevelId: idFor(level.id), childLevelId: idFor(child) }))
		);
		if (edges.length) await tx.insert(levelChildren).values(edges);
		const levelOf = new Map(document.framework.levels.map((level) => [level.id, level]));

		const units = await listUnits(tx, tenantId);
		const lookups = await importLookups(tx, tenantId, { boards: [] });
		// The unit chosen by the importing person, else the same-named unit, else the organisation's top.
		const owner = options.ownerUnitId
			? units.find((unit) => unit.id === options.ownerUnitId)
			: (units.find((unit) => unit.name === document.plan.ownerUnit?.name) ?? units.find((unit) => unit.parentId === null));
		if (!owner) throw new DomainError('error_not_found', {}, { field: 'ownerUnitId', status: 404 });
		const boards = new Map(units.filter((unit) => unit.kind === 'board').flatMap((unit) => [[unit.name, unit.id], ...(unit.shortName ? [[unit.shortName, unit.id]] : [])] as [string, string][]));
		const adoption = document.plan.state === 'draft' ? null : document.plan.adoption;
		const [plan] = await tx
			.insert(plans)
			.values({
				tenantId,
				ownerUnitId: owner.id,
				frameworkId: framework.id,
				title: document.plan.title,
				kind: document.plan.kind,
				periodKind: document.plan.periodKind,
				startYear: document.plan.startYear,
				state: document.plan.state,
				adoptedBy: adoption?.adoptedBy ?? null,
				adoptedOn: adoption?.adoptedOn ?? null,
				registryNumber: adoption?.registryNumber ?? null
			})
			.returning();
		if (document.chapters.length) await tx.insert(chapters).values(document.chapters.map((chapter, position) => ({ tenantId, planId: plan.id, position, ...chapter })));

		let items = 0;
		const links: { nodeId: string; parentId: string; position: number }[] = [];
		const insertNode = async (node: JsonNode, parentId: string | null, position: number): Promise<void> => {
			const level = levelOf.get(node.levelId);
			if (!level) throw new DomainError('error_json_invalid', { path: `tree: ${node.title}` });
			const raw: Record<string, unknown> = { ...node.fieldValues };
			for (const field of level.fields) {
				if (field.type === 'responsible') {
					// A person is found by name here; anyone not found is kept as a role title with that name.
					const person = (name: string, kind: string) => (kind === 'person' ? lookups.personIds.get(name) : undefined);
					raw[field.key] = {
						roles: node.responsible.filter((responsible) => !person(responsible.name, responsible.kind)).map((responsible) => responsible.name),
						people: node.responsible.map((responsible) => person(responsible.name, responsible.kind)).filter(Boolean)
					};
				}
				if (field.type === 'deadline') raw[field.key] = node.deadline?.text ?? '';
				if (field.type === 'boards') {
					const ids: string[] = [];
					for (const board of node.boards) {
						let id = boards.get(board.name) ?? (board.shortName ? boards.get(board.shortName) : undefined);
						if (!id) {
							id = (await addUnit(tx, ctx, { parentId: units.find((unit) => unit.parentId === null)!.id, kind: 'board', name: board.name, shortName: board.shortName ?? '' })).id;
							boards.set(board.name, id);
						}
						ids.push(id);
					}
					raw[field.key] = ids;
				}
			}
			const values = validateNodeValues(level, raw, plan);
			const id = idFor(node.id);
			await tx.insert(nodes).values({
				tenantId,
				id,
				planId: plan.id,
				levelId: idFor(level.id),
				parentId,
				position,
				ref: node.ref,
				title: node.title,
				description: node.description,
				fieldValues: values.fieldValues,
				deadlineText: values.deadlineText,
				deadlineDate: values.deadlineDate,
				carriedOver: node.carriedOver
			});
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
			for (const [index, linked] of node.linkedParentIds.entries()) links.push({ nodeId: id, parentId: linked, position: index });
			items += 1;
			for (const [index, child] of node.children.entries()) await insertNode(child, id, index);
		};
		for (const [index, node] of document.tree.entries()) await insertNode(node, null, index);
		const known = links.filter((link) => newId.has(link.parentId));
		if (known.length) await tx.insert(nodeLinks).values(known.map((link) => ({ tenantId, nodeId: link.nodeId, parentId: newId.get(link.parentId)!, position: link.position })));

		for (const period of document.periods) {
			await tx.insert(periods).values({ tenantId, id: idFor(period.id), planId: plan.id, name: period.name, asOf: period.asOf, dueOn: period.dueOn, closedAt: period.closed ? new Date() : null });
		}
		const scale = await listScale(tx, tenantId);
		const scaleId = async (kind: 'status' | 'assessment', value: NonNullable<z.infer<typeof scaleRef>>) => {
			const found = scale.find((candidate) => candidate.kind === kind && candidate.labelSv.toLocaleLowerCase('sv') === value.label.sv.toLocaleLowerCase('sv'));
			if (found) return found.id;
			const [added] = await tx
				.insert(scaleValues)
				.values({ tenantId, kind, position: scale.length, labelSv: value.label.sv, labelEn: value.label.en || value.label.sv, colour: value.colour, meaning: value.meaning })
				.returning();
			scale.push(added);
			return added.id;
		};
		let reports = 0;
		for (const report of document.followUps) {
			if (!newId.has(report.nodeId) || !newId.has(report.periodId)) continue;
			const values = {
				statusId: report.status ? await scaleId('status', report.status) : null,
				assessmentId: report.assessment ? await scaleId('assessment', report.assessment) : null,
				comment: report.comment,
				analysis: report.analysis
			};
			const [row] = await tx
				.insert(followUps)
				.values({ tenantId, planId: plan.id, nodeId: newId.get(report.nodeId)!, periodId: newId.get(report.periodId)!, ...values, updatedBy: ctx.actor.id })
				.returning({ id: followUps.id });
			await tx.insert(followUpRevisions).values({ tenantId, followUpId: row.id, version: 1, ...values, changedBy: ctx.actor.id });
			reports += 1;
		}
		const outcomes = document.measurements.filter((measurement) => newId.has(measurement.indicatorId) && newId.has(measurement.periodId));
		if (outcomes.length) {
			await tx.insert(measurements).values(
				outcomes.map((measurement) => ({
					tenantId,
					indicatorId: newId.get(measurement.indicatorId)!,
					periodId: newId.get(measurement.periodId)!,
					value: String(measurement.value),
					comment: measurement.comment,
					updatedBy: ctx.actor.id
				}))
			);
		}
		await recordAudit(tx, ctx, { action: 'plan.import', entityType: 'plan', entityId: plan.id, planId: plan.id, after: { title: plan.title, items, followUps: reports, from: 'json' } });
		return { planId: plan.id, title: plan.title, items, followUps: reports };
	});
}
