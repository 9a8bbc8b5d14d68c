import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findTenant, listUnits } from '$lib/server/organisation/organisation-repository';
import { setEmailDomains } from '$lib/server/organisation/set-email-domains';
import { addUnit } from '$lib/server/organisation/add-unit';
import { updateUnit } from '$lib/server/organisation/update-unit';
import { unitTree } from '$lib/server/presenters/unit-tree';
import { UNIT_KINDS } from '$lib/server/db/schema';
import { authorize, can } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';
import { guard } from '$lib/server/http/guard';
import { formFields } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'plan.read');
	const [units, tenant] = await Promise.all([listUnits(getDb(), locals.ctx.tenantId), findTenant(getDb(), locals.ctx.tenantId)]);
	return {
		units: unitTree(units),
		kinds: [...UNIT_KINDS],
		canEdit: can(locals.ctx.actor, 'organisation.edit'),
		signIn: { address: `${url.origin}/login/${tenant?.slug ?? ''}`, emailDomains: tenant?.emailDomains ?? [] },
		domainsSaved: url.searchParams.has('domains'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/organisation', label: m.organisation_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	/** The e-mail domains whose people sign in here from the shared /login. */
	domains: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['domains']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'organisation.edit');
				await setEmailDomains(getDb(), locals.ctx, values);
			},
			values
		);
		if (result) return result;
		redirect(303, '/organisation?domains=saved#sign-in');
	},
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
