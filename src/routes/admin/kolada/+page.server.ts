import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { findTenant } from '$lib/server/organisation/organisation-repository';
import { countKpis, listPlaces, listSyncs } from '$lib/server/kolada/kolada-repository';
import { setKoladaSettings } from '$lib/server/kolada/set-kolada-settings';
import { syncCatalogue } from '$lib/server/kolada/sync-catalogue';
import { syncValues } from '$lib/server/kolada/sync-values';
import { confirmUnitMatches, listUnitMatches } from '$lib/server/kolada/match-units';
import { koladaSource } from '$lib/server/kolada/kolada-http';
import { presentSyncs } from '$lib/server/presenters/kolada-syncs';
import { authorize } from '$lib/server/policies';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'kolada.manage');
	const db = getDb();
	const tenant = (await findTenant(db, locals.ctx.tenantId))!;
	const [kpiCount, municipalities, groups, syncs, candidates] = await Promise.all([
		countKpis(db),
		listPlaces(db, 'municipality'),
		listPlaces(db, 'group'),
		listSyncs(db, locals.ctx.tenantId),
		tenant.municipalityCode ? listPlaces(db, 'unit', tenant.municipalityCode) : []
	]);
	return {
		settings: { municipalityCode: tenant.municipalityCode ?? '', comparisonGroupId: tenant.comparisonGroupId ?? '' },
		kpiCount,
		municipalities: municipalities.map(({ id, title }) => ({ id, title })),
		groups: groups.map(({ id, title, members }) => ({ id, title, size: members.length })),
		candidates: candidates.map(({ id, title }) => ({ id, title })),
		units: (await listUnitMatches(db, locals.ctx.tenantId, candidates)).map(({ id, name, koladaOuId, confirmed, suggestion }) => ({ id, name, koladaOuId, confirmed, suggestion: suggestion ?? null })),
		syncs: presentSyncs(syncs, locals.locale),
		done: url.searchParams.get('done'),
		breadcrumbs: breadcrumbs(locals.locale, { href: '/admin/kolada', label: m.kolada_title({}, { locale: locals.locale }) })
	};
};

export const actions: Actions = {
	settings: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['municipalityCode', 'comparisonGroupId']);
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'kolada.manage');
				await setKoladaSettings(getDb(), locals.ctx, values);
			},
			values
		);
		if (result) return result;
		redirect(303, '/admin/kolada?done=settings');
	},
	catalogue: async ({ locals }) => {
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'kolada.manage');
			const tenant = await findTenant(getDb(), locals.ctx.tenantId);
			return syncCatalogue(getDb(), koladaSource(), tenant?.municipalityCode);
		});
		if ('kpis' in result) redirect(303, '/admin/kolada?done=catalogue');
		return result;
	},
	sync: async ({ locals }) => {
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'kolada.manage');
			// A run asked for by a person is never a day's scheduled one: it always runs.
			return (await syncValues(getDb(), locals.ctx, koladaSource(), 'manual'))!;
		});
		if ('syncId' in result) redirect(303, '/admin/kolada?done=sync#syncs');
		return result;
	},
	units: async ({ request, locals }) => {
		const form = await request.formData();
		const choices = [...form.keys()].filter((key) => key.startsWith('ou-')).map((key) => ({ unitId: key.slice(3), koladaOuId: String(form.get(key) ?? '') }));
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'kolada.manage');
			const tenant = await findTenant(getDb(), locals.ctx.tenantId);
			const candidates = tenant?.municipalityCode ? await listPlaces(getDb(), 'unit', tenant.municipalityCode) : [];
			return { changed: await confirmUnitMatches(getDb(), locals.ctx, choices, candidates) };
		});
		if ('changed' in result) redirect(303, '/admin/kolada?done=units#units');
		return result;
	}
};
