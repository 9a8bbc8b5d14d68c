import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { nodes, plans } from '../db/schema';
import { recordAudits, type AuditEntry } from '../audit/record-audit';
import { loadFramework } from '../frameworks/framework-repository';
import { listUnits } from '../organisation/organisation-repository';
import { unitsUnder } from '../organisation/unit-tree';
import type { Ctx } from '../shared/context';
import { DomainError, notFound } from '../shared/domain-error';
import { parseInput } from '../shared/parse-input';
import { findPlan } from './plan-repository';

const cascadeInput = z.object({
	/** The organiser's goals sent down. */
	goalIds: z.array(z.uuid()).min(1).max(500),
	/** The units that work towards them: units below the plan's owner. */
	unitIds: z.array(z.uuid()).min(1).max(2000),
	/** The steering model a unit's new plan is made in, and the level the goals stand at in it (a top level). */
	frameworkId: z.uuid(),
	levelId: z.uuid()
});

const labels = {
	goalIds: { sv: 'Mål', en: 'Goals' },
	unitIds: { sv: 'Enheter', en: 'Units' },
	frameworkId: { sv: 'Enheternas styrmodell', en: "The units' steering model" },
	levelId: { sv: 'Nivå för målen', en: 'Level for the goals' }
};

export interface Cascaded {
	/** The units' plans made now (units that had none for the year). */
	plansCreated: string[];
	/** Goals added to units' plans; a goal a unit already had is not added twice. */
	anchorsAdded: number;
}

/**
 * Sends an adopted plan's goals down the steering chain: every chosen unit gets its own plan for the
 * year (made in the units' steering model, or the one it already has), in which each goal stands as
 * an anchor — linked to the goal (`nodes.source_node_id`), its number and wording the goal's — for the
 * unit's own work to hang under. Sending again adds only what is missing, so units added later can be
 * given the same goals. One transaction; an audit record for each plan made and one for the sending.
 */
export async function cascadeGoals(db: Db, ctx: Ctx, planId: string, input: unknown): Promise<Cascaded> {
	const data = parseInput(cascadeInput, input, labels);
	return db.transaction(async (tx) => {
		const plan = await findPlan(tx, ctx.tenantId, planId);
		if (!plan) throw notFound();
		if (plan.state !== 'adopted') throw new DomainError('error_cascade_not_adopted', {}, { status: 409 });
		const goals = await tx
			.select()
			.from(nodes)
			.where(and(eq(nodes.tenantId, ctx.tenantId), eq(nodes.planId, planId), inArray(nodes.id, data.goalIds)));
		if (goals.length !== new Set(data.goalIds).size) throw notFound();
		goals.sort((a, b) => data.goalIds.indexOf(a.id) - data.goalIds.indexOf(b.id));

		const units = await listUnits(tx, ctx.tenantId);
		const below = unitsUnder(units)(plan.ownerUnitId);
		below.delete(plan.ownerUnitId);
		const found = [...new Set(data.unitIds)].map((id) => units.find((unit) => unit.id === id));
		if (found.some((unit) => !unit)) throw notFound();
		const chosen = found.map((unit) => unit!);
		const outside = chosen.find((unit) => !below.has(unit.id));
		if (outside) throw new DomainError('error_cascade_unit_outside', { unit: outside.name }, { field: 'unitIds' });

		const framework = await loadFramework(tx, ctx.tenantId, data.frameworkId);
		if (!framework) throw new DomainError('error_not_found', {}, { field: 'frameworkId', status: 404 });
		const level = framework.levels.find((candidate) => candidate.id === data.levelId);
		if (!level?.isRoot) throw new DomainError('error_cascade_level', {}, { field: 'levelId' });

		// Each unit's plan for the year in this chain, or a new one.
		const existing = await tx
			.select({ id: plans.id, ownerUnitId: plans.ownerUnitId, frameworkId: plans.frameworkId })
			.from(plans)
			.where(and(eq(plans.tenantId, ctx.tenantId), eq(plans.parentPlanId, planId), ne(plans.state, 'archived'), inArray(plans.ownerUnitId, chosen.map((unit) => unit.id))));
		const planOf = new Map(existing.map((row) => [row.ownerUnitId, row]));
		const missing = chosen.filter((unit) => !planOf.has(unit.id));
		const created = missing.length
			? await tx
					.insert(plans)
					.values(
						missing.map((unit) => ({
							tenantId: ctx.tenantId,
							ownerUnitId: unit.id,
							frameworkId: framework.id,
							title: `${plan.title} – ${unit.name}`,
							kind: 'lokal_plan' as const,
							periodKind: plan.periodKind,
							startYear: plan.startYear,
							parentPlanId: plan.id
						}))
					)
					.returning()
			: [];
		for (const row of created) planOf.set(row.ownerUnitId, row);

		// A unit plan made in another model takes the goals at its own first top level.
		const levelFor = new Map<string, string>([[framework.id, level.id]]);
		for (const row of planOf.values()) {
			if (levelFor.has(row.frameworkId)) continue;
			const own = await loadFramework(tx, ctx.tenantId, row.frameworkId);
			const root = own?.levels.find((candidate) => candidate.isRoot);
			if (!root) throw new DomainError('error_framework_has_no_root', {}, { field: 'frameworkId' });
			levelFor.set(row.frameworkId, root.id);
		}

		const unitPlanIds = [...planOf.values()].map((row) => row.id);
		const present = await tx
			.select({ planId: nodes.planId, sourceNodeId: nodes.sourceNodeId })
			.from(nodes)
			.where(and(eq(nodes.tenantId, ctx.tenantId), inArray(nodes.planId, unitPlanIds), isNotNull(nodes.sourceNodeId)));
		const has = new Set(present.map((row) => `${row.planId}:${row.sourceNodeId}`));
		const ends = await tx
			.select({ planId: nodes.planId, end: sql<number>`coalesce(max(${nodes.position}) + 1, 0)`.mapWith(Number) })
			.from(nodes)
			.where(and(eq(nodes.tenantId, ctx.tenantId), inArray(nodes.planId, unitPlanIds), sql`${nodes.parentId} is null`))
			.groupBy(nodes.planId);
		const next = new Map(ends.map((row) => [row.planId, row.end]));

		const anchors = [...planOf.values()].flatMap((row) =>
			goals
				.filter((goal) => !has.has(`${row.id}:${goal.id}`))
				.map((goal) => {
					const position = next.get(row.id) ?? 0;
					next.set(row.id, position + 1);
					return {
						tenantId: ctx.tenantId,
						planId: row.id,
						levelId: levelFor.get(row.frameworkId)!,
						parentId: null,
						position,
						ref: goal.ref,
						title: goal.title,
						description: goal.description,
						sourceNodeId: goal.id
					};
				})
		);
		for (let start = 0; start < anchors.length; start += 1000) await tx.insert(nodes).values(anchors.slice(start, start + 1000));

		const audits: AuditEntry[] = created.map((row) => ({ action: 'plan.create', entityType: 'plan', entityId: row.id, planId: row.id, after: row }));
		audits.push({
			action: 'plan.cascade',
			entityType: 'plan',
			entityId: plan.id,
			planId: plan.id,
			after: { goalIds: goals.map((goal) => goal.id), unitIds: chosen.map((unit) => unit.id), plansCreated: created.map((row) => row.id), anchorsAdded: anchors.length }
		});
		await recordAudits(tx, ctx, audits);
		return { plansCreated: created.map((row) => row.id), anchorsAdded: anchors.length };
	});
}

