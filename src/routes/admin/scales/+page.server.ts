import { getDb } from '$lib/server/app/runtime';
import { presentScaleEditor } from '$lib/server/presenters/scale-editor';
import { guard } from '$lib/server/http/guard';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import { scaleActions } from './scales.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'scale.edit');
	return {
		scales: await presentScaleEditor(getDb(), locals.ctx.tenantId),
		saved: url.searchParams.get('saved'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/scales', label: m.scales_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = scaleActions;
