import { getDb } from '$lib/server/app/runtime';
import { presentScaleEditor } from '$lib/server/presenters/scale-editor';
import { guard } from '$lib/server/http/guard';
import { found } from '$lib/server/http/run-action';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import { scaleActions } from '../scales.server';
import type { Actions, PageServerLoad } from './$types';

/** One status or assessment on a page of its own: the edit dialog without scripts. */
export const load: PageServerLoad = async ({ locals, params }) => {
	guard(locals, 'scale.edit');
	const scales = await presentScaleEditor(getDb(), locals.ctx.tenantId);
	const scale = found(
		scales.find((candidate) => candidate.values.some((value) => value.id === params.valueId)),
		locals.locale
	);
	const value = scale.values.find((candidate) => candidate.id === params.valueId)!;
	const label = locals.locale === 'en' ? value.labelEn : value.labelSv;
	return {
		value,
		meanings: scale.meanings,
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/scales', label: m.scales_title({}, { locale: locals.locale }) }, { href: `/admin/scales/${value.id}`, label })
	};
};

export const actions: Actions = scaleActions;
