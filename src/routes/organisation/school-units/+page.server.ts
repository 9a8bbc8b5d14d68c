import { getDb } from '$lib/server/app/runtime';
import { guard } from '$lib/server/http/guard';
import { can } from '$lib/server/policies';
import { UNIT_KINDS } from '$lib/server/db/schema';
import { listSchoolForms, listUnitsFiltered } from '$lib/server/organisation/unit-list';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { PageServerLoad } from './$types';

/** The organisation's units with kind, school unit code, school forms and whether the register closed them; filtered by a plain GET form. */
export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'plan.read');
	const kind = url.searchParams.get('kind') ?? '';
	const form = url.searchParams.get('form') ?? '';
	const [units, forms] = await Promise.all([listUnitsFiltered(getDb(), locals.ctx.tenantId, { kind, schoolForm: form }), listSchoolForms(getDb(), locals.ctx.tenantId)]);
	const imported = url.searchParams.get('imported')?.split('-').map(Number);
	const locale = locals.locale;
	return {
		units: units.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, code: unit.schoolUnitCode, forms: unit.schoolForms, municipalityCode: unit.municipalityCode, closedOn: unit.closedOn })),
		kinds: [...UNIT_KINDS],
		forms,
		filter: { kind, form },
		imported: imported?.length === 5 && imported.every(Number.isInteger) ? { added: imported[0], renamed: imported[1], closed: imported[2], reopened: imported[3], updated: imported[4] } : null,
		canImport: can(locals.ctx.actor, 'units.import'),
		breadcrumbs: breadcrumbs(
			locale,
			{ href: '/organisation', label: m.organisation_title({}, { locale }) },
			{ href: '/organisation/school-units', label: m.school_units_title({}, { locale }) }
		)
	};
};
