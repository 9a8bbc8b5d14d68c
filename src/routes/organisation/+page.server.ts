import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listUnits } from '$lib/server/organisation/organisation-repository';
import { addUnit } from '$lib/server/organisation/add-unit';
import { updateUnit } from '$lib/server/organisation/update-unit';
import { unitTree } from '$lib/server/presenters/unit-tree';
import { UNIT_KINDS } from '$lib/server/db/schema';
import { authorize, can } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { guard } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	guard(locals, 'plan.read');
	return { units: unitTree(await listUnits(getDb(), locals.ctx.tenantId)), kinds: [...UNIT_KINDS], canEdit: can(locals.ctx.actor, 'organisation.edit') };
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['parentId', 'kind', 'name', 'shortName']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'organisation.edit');
				await addUnit(getDb(), locals.ctx, { ...values, parentId: values.parentId || null, shortName: values.shortName || undefined });
			},
			values
		);
		if (result) return result;
		redirect(303, '/organisation');
	},
	rename: async ({ request, locals }) => {
		const form = await request.formData();
		const values = formFields(form, ['name', 'shortName']);
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'organisation.edit');
			await updateUnit(getDb(), locals.ctx, String(form.get('unitId') ?? ''), values);
		});
		if (result) return result;
		redirect(303, '/organisation');
	}
};
