import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listPlans } from '$lib/server/plans/plan-repository';
import { plansOfUnit } from '$lib/server/plans/plans-of-unit';
import { readablePlans } from '$lib/server/plans/plan-access';
import { listUnits } from '$lib/server/organisation/organisation-repository';
import { listFrameworks } from '$lib/server/frameworks/framework-repository';
import { createPlan } from '$lib/server/plans/create-plan';
import { authorize, can } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { guard, guardUnit } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import { importPlanDocument, readPlanDocument } from '$lib/server/documents/import-plan-json';
import { uploadedBytes } from '$lib/server/http/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'plan.read');
	const db = getDb();
	const [plans, units, frameworks] = await Promise.all([
		listPlans(db, locals.ctx.tenantId).then((all) => readablePlans(db, locals.ctx, all)),
		listUnits(db, locals.ctx.tenantId),
		listFrameworks(db, locals.ctx.tenantId)
	]);
	// The page per unit (`?unit=`): its plans and those of the units below it.
	const ofUnit = plansOfUnit(plans, units, url.searchParams.get('unit'));
	return { plans: ofUnit.plans, unit: ofUnit.unit ? { id: ofUnit.unit.id, name: ofUnit.unit.name } : null, units, frameworks, canCreate: can(locals.ctx.actor, 'plan.create'), canChooseFramework: can(locals.ctx.actor, 'framework.edit') };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['title', 'kind', 'periodKind', 'startYear', 'ownerUnitId', 'frameworkId']);
		if (values.ownerUnitId) await guardUnit(locals, values.ownerUnitId, 'plan.create');
		const plan = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'plan.create', { unitId: values.ownerUnitId });
				return createPlan(getDb(), locals.ctx, values);
			},
			values
		);
		if ('id' in plan) redirect(303, `/plans/${plan.id}`);
		return plan;
	},
	importJson: async ({ request, locals }) => {
		const form = await request.formData();
		const ownerUnitId = String(form.get('ownerUnitId') ?? '');
		if (ownerUnitId) await guardUnit(locals, ownerUnitId, 'plan.create');
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'plan.create', { unitId: ownerUnitId });
				const file = await uploadedBytes(form, 'file', 'error_json_unreadable');
				return importPlanDocument(getDb(), locals.ctx, readPlanDocument(file), { ownerUnitId });
			},
			{ importing: 'yes', ownerUnitId }
		);
		if ('planId' in result) redirect(303, `/plans/${result.planId}`);
		return result;
	}
};
