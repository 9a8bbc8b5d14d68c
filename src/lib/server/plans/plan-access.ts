import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { can, planReadScope, type Scope } from '../policies';
import { responsibleForItem } from './responsible-sql';
import type { Ctx } from '../shared/context';

interface ReadablePlan {
	id: string;
	ownerUnitId: string;
	state: string;
}

/** The drafts in which the person is responsible for an item (named, or through a role title they hold). */
async function draftsWithResponsibility(db: Db, tenantId: string, personId: string | undefined, planIds: readonly string[]): Promise<Set<string>> {
	if (!personId || !planIds.length) return new Set();
	const rows = rowsOf<{ planId: string }>(
		await db.execute(sql`
			select distinct n.plan_id as "planId" from nodes n
			where n.tenant_id = ${tenantId} and n.plan_id in (${sql.join(planIds.map((id) => sql`${id}::uuid`), sql`, `)})
				and ${responsibleForItem(tenantId, personId)}`)
	);
	return new Set(rows.map((row) => row.planId));
}

/**
 * What the policy needs to decide whether the actor may read a plan: its owner unit, whether it is a
 * draft, and — only for a draft outside the actor's reach — whether they are responsible in it.
 */
export async function readScopeOf(db: Db, ctx: Ctx, plan: ReadablePlan): Promise<Scope> {
	const scope = planReadScope(plan);
	if (can(ctx.actor, 'plan.read', scope) || !scope.draft) return scope;
	const responsible = await draftsWithResponsibility(db, ctx.tenantId, ctx.actor.personId, [plan.id]);
	return planReadScope(plan, responsible.has(plan.id));
}

/** The plans of a list the actor may read (other units' drafts left out), in the list's order. */
export async function readablePlans<T extends ReadablePlan>(db: Db, ctx: Ctx, plans: readonly T[]): Promise<T[]> {
	const doubtful = plans.filter((plan) => !can(ctx.actor, 'plan.read', planReadScope(plan)));
	const responsible = await draftsWithResponsibility(db, ctx.tenantId, ctx.actor.personId, doubtful.map((plan) => plan.id));
	return plans.filter((plan) => can(ctx.actor, 'plan.read', planReadScope(plan, responsible.has(plan.id))));
}
