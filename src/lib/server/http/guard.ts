import { error } from '@sveltejs/kit';
import { getDb } from '../app/runtime';
import { authorize, planReadScope, type Action, type Scope } from '../policies';
import { findPlan, type Plan } from '../plans/plan-repository';
import { findUnit } from '../organisation/organisation-repository';
import { findPlanForReport, isResponsible } from '../follow-up/follow-up-repository';
import { messageFor } from '../presenters/message';
import { isDomainError } from '../shared/domain-error';
import { found } from './run-action';
import { readScopeOf } from '../plans/plan-access';

/** The policy check for a page or action: a refusal becomes the 403 page in the user's language. */
export function guard(locals: App.Locals, action: Action, scope: Scope = {}): void {
	try {
		authorize(locals.ctx.actor, action, scope);
	} catch (thrown) {
		if (isDomainError(thrown)) error(403, { message: messageFor(thrown, locals.locale) });
		throw thrown;
	}
}

/** Loads a plan of the signed-in organisation (else 404) and checks the action against its owner unit. */
export async function guardPlan(locals: App.Locals, planId: string, action: Action): Promise<Plan> {
	const plan = found(await findPlan(getDb(), locals.ctx.tenantId, planId), locals.locale);
	if (action === 'plan.read') await guardPlanRead(locals, plan);
	else guard(locals, action, { unitId: plan.ownerUnitId });
	return plan;
}

/** May the signed-in person read this plan (a draft: within their units' reach, or responsible in it)? Else 403. */
export async function guardPlanRead(locals: App.Locals, plan: Pick<Plan, 'id' | 'ownerUnitId' | 'state'>): Promise<void> {
	guard(locals, 'plan.read', await readScopeOf(getDb(), locals.ctx, plan));
}

/** A unit of the signed-in organisation (else 404, like a missing one), with the action checked on it. */
export async function guardUnit(locals: App.Locals, unitId: string, action: Action): Promise<void> {
	found(await findUnit(getDb(), locals.ctx.tenantId, unitId), locals.locale);
	guard(locals, action, { unitId });
}

/**
 * What the policy needs to decide whether the signed-in person may report an item: the plan's
 * owner unit, and whether they are responsible for the item (named, or through a role title).
 */
export async function reportScope(locals: App.Locals, plan: Pick<Plan, 'ownerUnitId'>, nodeId: string): Promise<Scope> {
	return { unitId: plan.ownerUnitId, responsible: await isResponsible(getDb(), locals.ctx.tenantId, locals.ctx.actor.personId, nodeId) };
}

/** A report's checks in one query: the plan of the signed-in organisation (else 404), readable, and the report scope. */
export async function guardReport(locals: App.Locals, planId: string, nodeId: string): Promise<{ plan: Plan; scope: Scope }> {
	const { plan, responsible } = found(await findPlanForReport(getDb(), locals.ctx.tenantId, planId, locals.ctx.actor.personId, nodeId), locals.locale);
	guard(locals, 'plan.read', planReadScope(plan, responsible));
	return { plan, scope: { unitId: plan.ownerUnitId, responsible } };
}
