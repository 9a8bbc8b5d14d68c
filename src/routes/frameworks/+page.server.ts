import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listFrameworks } from '$lib/server/frameworks/framework-repository';
import { createFramework } from '$lib/server/frameworks/create-framework';
import { PRESETS } from '$lib/server/frameworks/presets';
import { authorize, can } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { guard } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	guard(locals, 'framework.read');
	const collator = new Intl.Collator('sv');
	const frameworks = (await listFrameworks(getDb(), locals.ctx.tenantId)).sort((a, b) => collator.compare(a.name, b.name));
	return {
		frameworks,
		presets: PRESETS.map(({ key, nameSv, nameEn, descriptionSv, descriptionEn }) => ({ key, nameSv, nameEn, descriptionSv, descriptionEn })),
		canEdit: can(locals.ctx.actor, 'framework.edit')
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['name', 'description', 'preset']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'framework.edit');
				return createFramework(getDb(), locals.ctx, values);
			},
			values
		);
		if ('id' in result) redirect(303, `/frameworks/${result.id}`);
		return result;
	}
};
