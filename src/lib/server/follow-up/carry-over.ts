import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { chapters, indicators, nodeBoards, nodeLinks, nodeResponsibles, nodes, plans } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { deriveDeadlineDate } from '../plans/deadline';
import { loadPlanData, type PlanData, type PlanNode } from '../plans/plan-repository';
import type { Ctx } from '../shared/context';
import { notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { listFollowUps } from './follow-up-repository';
import { listPeriods } from './period-repository';
import { itemName } from '../presenters/item-name';
import { listScale } from './scales';

export interface CarryOverPreview {
	comes: { id: string; title: string; carried: boolean }[];
	staysBehind: { id: string; title: string; status: string }[];
	chapters: number;
	indicators: number;
}

/**
 * What next year's plan takes from this one: its structure, chapters and indicators, and every
 * activity not done or cancelled by its latest report (marked as continuing). Done and cancelled
 * activities, and everything under them, stay behind.
 */
export async function previewCarryOver(db: Db, tenantId: string, data: PlanData): Promise<{ preview: CarryOverPreview; kept: Set<string> }> {
	const [periods, followUps, scale] = await Promise.all([listPeriods(db, tenantId, data.plan.id), listFollowUps(db, tenantId, data.plan.id), listScale(db, tenantId)]);
	const order = new Map(periods.map((period, index) => [period.id, index]));
	const latest = new Map<string, string | null>();
	for (const report of [...followUps].sort((a, b) => (order.get(a.periodId) ?? 0) - (order.get(b.periodId) ?? 0))) latest.set(report.nodeId, report.statusId);
	const values = new Map(scale.map((value) => [value.id, value]));
	const levels = new Map(data.framework.levels.map((level) => [level.id, level]));
	const finished = (node: PlanNode) => {
		if (levels.get(node.levelId)?.followUp !== 'status') return false;
		const status = values.get(latest.get(node.id) ?? '');
		return status ? ['done', 'cancelled'].includes(status.meaning) : false;
	};
	const byParent = new Map<string | null, PlanNode[]>();
	for (const node of data.nodes) byParent.set(node.parentId, [...(byParent.get(node.parentId) ?? []), node]);
	const kept = new Set<string>();
	const comes: CarryOverPreview['comes'] = [];
	const staysBehind: CarryOverPreview['staysBehind'] = [];
	const walk = (parentId: string | null) => {
		for (const node of (byParent.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
			if (finished(node)) {
				const status = values.get(latest.get(node.id) ?? '')!;
				staysBehind.push({ id: node.id, title: itemName(node, levels.get(node.levelId)), status: status.labelSv });
				continue;
			}
			kept.add(node.id);
			comes.push({ id: node.id, title: itemName(node, levels.get(node.levelId)), carried: levels.get(node.levelId)?.followUp === 'status' });
			walk(node.id);
		}
	};
	walk(null);
	return {
		preview: { comes, staysBehind, chapters: data.chapters.length, indicators: data.nodes.filter((node) => kept.has(node.id)).reduce((sum, node) => sum + node.indicators.length, 0) },
		kept
	};
}

const carryOverInput = z.object({
	title: z.string().trim().min(1).max(300),
	startYear: z.coerce.number().int().min(2000).max(2100),
	/** The units' plans of the steering chain come along, their anchors on next year's goals. */
	chain: z.boolean().default(false)
});

/**
 * Creates next year's plan from this one (a draft), in one transaction, and with `chain` the units'
 * plans under it too: each unit's plan carried over the same way, under next year's plan, its
 * anchors standing for next year's goals (a goal that stayed behind leaves its anchor an ordinary
 * item of the unit's). Returns the new plan's id.
 */
export async function carryOverPlan(db: Db, ctx: Ctx, planId: string, input: unknown): Promise<string> {
	const data = parseInput(carryOverInput, input, { title: { sv: 'Titel', en: 'Title' }, startYear: { sv: 'År', en: 'Year' }, chain: { sv: 'Enheternas planer', en: "The units' plans" } });
	const source = await loadPlanData(db, ctx.tenantId, planId);
	if (!source) throw notFound();
	return db.transaction(async (tx) => {
		const carried = await copyForNextYear(tx, ctx, source, { title: data.title, startYear: data.startYear });
		if (data.chain) {
			const unitPlans = await tx
				.select({ id: plans.id })
				.from(plans)
				.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.parentPlanId, planId), ne(plans.state, 'archived')));
			for (const { id } of unitPlans) {
				const unit = (await loadPlanData(tx, ctx.tenantId, id))!;
				const title = unit.plan.title.replaceAll(String(source.plan.startYear), String(data.startYear));
				await copyForNextYear(tx, ctx, unit, { title, startYear: data.startYear, parentPlanId: carried.planId, goals: carried.ids });
			}
		}
		return carried.planId;
	});
}

/**
 * One plan copied for next year inside the caller's transaction: what the preview keeps, with its
 * chapters, responsible people, boards, links and indicators. `goals`, for a unit's plan: this
 * year's goal → next year's, for its anchors.
 */
async function copyForNextYear(
	tx: Db,
	ctx: Ctx,
	source: PlanData,
	next: { title: string; startYear: number; parentPlanId?: string; goals?: Map<string, string> }
): Promise<{ planId: string; ids: Map<string, string> }> {
	const tenantId = ctx.tenantId;
	const { kept, preview } = await previewCarryOver(tx, tenantId, source);
	const [plan] = await tx
		.insert(plans)
		.values({
			tenantId,
			ownerUnitId: source.plan.ownerUnitId,
			frameworkId: source.plan.frameworkId,
			title: next.title,
			kind: source.plan.kind,
			periodKind: source.plan.periodKind,
			startYear: next.startYear,
			previousPlanId: source.plan.id,
			parentPlanId: next.parentPlanId ?? null
		})
		.returning();
	if (source.chapters.length) {
		await tx.insert(chapters).values(source.chapters.map((chapter) => ({ tenantId, planId: plan.id, position: chapter.position, title: chapter.title, body: chapter.body, placement: chapter.placement })));
	}
	const ids = new Map(source.nodes.filter((node) => kept.has(node.id)).map((node) => [node.id, randomUUID()]));
	const levels = new Map(source.framework.levels.map((level) => [level.id, level]));
	// The preview lists items parents first, so every parent is inserted before its children.
	const byId = new Map(source.nodes.map((node) => [node.id, node]));
	const copied = preview.comes.map((item) => byId.get(item.id)!);
	const year = { periodKind: source.plan.periodKind, startYear: next.startYear };
	for (let i = 0; i < copied.length; i += 500) {
		await tx.insert(nodes).values(
			copied.slice(i, i + 500).map((node) => ({
				tenantId,
				id: ids.get(node.id)!,
				planId: plan.id,
				levelId: node.levelId,
				parentId: node.parentId ? ids.get(node.parentId)! : null,
				position: node.position,
				ref: node.ref,
				title: node.title,
				description: node.description,
				fieldValues: node.fieldValues,
				deadlineText: node.deadlineText,
				deadlineDate: deriveDeadlineDate(node.deadlineText, year),
				carriedOver: levels.get(node.levelId)?.followUp === 'status',
				previousNodeId: node.id,
				sourceNodeId: (node.sourceNodeId && next.goals?.get(node.sourceNodeId)) ?? null
			}))
		);
	}
	const rows = <T>(make: (node: PlanNode, id: string) => T[]) => copied.flatMap((node) => make(node, ids.get(node.id)!));
	const responsibles = rows((node, id) => node.responsibles.map((r, position) => ({ tenantId, nodeId: id, position, roleTitleId: r.kind === 'role' ? r.id : null, personId: r.kind === 'person' ? r.id : null, note: r.note })));
	const boards = rows((node, id) => node.boardIds.map((unitId, position) => ({ tenantId, nodeId: id, unitId, position })));
	const links = rows((node, id) => node.linkedParentIds.filter((parent) => ids.has(parent)).map((parent) => ({ tenantId, nodeId: id, parentId: ids.get(parent)! })));
	const indicatorRows = rows((node, id) =>
		node.indicators.map(({ id: _id, tenantId: _tenant, nodeId: _node, createdAt: _created, ...indicator }) => ({ ...indicator, tenantId, nodeId: id }))
	);
	if (responsibles.length) await tx.insert(nodeResponsibles).values(responsibles);
	if (boards.length) await tx.insert(nodeBoards).values(boards);
	if (links.length) await tx.insert(nodeLinks).values(links);
	if (indicatorRows.length) await tx.insert(indicators).values(indicatorRows);
	await recordAudit(tx, ctx, {
		action: 'plan.carry_over',
		entityType: 'plan',
		entityId: plan.id,
		planId: plan.id,
		after: { from: source.plan.id, title: next.title, startYear: next.startYear, items: copied.length, ...(next.parentPlanId ? { parentPlanId: next.parentPlanId } : {}) }
	});
	return { planId: plan.id, ids };
}
