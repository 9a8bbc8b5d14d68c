import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { guard } from '$lib/server/http/guard';
import { runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { authorize } from '$lib/server/policies';
import { listUnits } from '$lib/server/organisation/organisation-repository';
import { unitTree } from '$lib/server/presenters/unit-tree';
import { previewSchoolUnitImport } from '$lib/server/organisation/preview-school-unit-import';
import { importSchoolUnits } from '$lib/server/organisation/import-school-units';
import { assertRegisterFileSize, registerUnitsFor, type RegisterUnit } from '$lib/server/organisation/school-unit-register';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	guard(locals, 'units.import');
	const locale = locals.locale;
	return {
		units: unitTree(await listUnits(getDb(), locals.ctx.tenantId)).filter((unit) => unit.kind !== 'school_unit' && unit.kind !== 'preschool_unit'),
		breadcrumbs: breadcrumbs(
			locale,
			{ href: '/organisation', label: m.organisation_title({}, { locale }) },
			{ href: '/organisation/school-units', label: m.school_units_title({}, { locale }) },
			{ href: '/organisation/school-units/import', label: m.school_units_import_title({}, { locale }) }
		)
	};
};

/** The register's units the form asks for: a file when one is chosen (its size checked before it is read), else by code or number. */
async function unitsFromForm(form: FormData, values: Record<string, string>): Promise<RegisterUnit[]> {
	const file = form.get('file');
	if (file instanceof File && file.size) assertRegisterFileSize(file.size);
	return registerUnitsFor({ ...values, file: file instanceof File && file.size ? new Uint8Array(await file.arrayBuffer()) : undefined });
}

export const actions: Actions = {
	/** Reads the register (or the file) and shows what an import would change; nothing is written. */
	preview: async ({ request, locals }) => {
		const form = await request.formData();
		const values = formFields(form, ['municipalityCode', 'organisationNumber', 'parentId']);
		return runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'units.import');
				const units = await unitsFromForm(form, values);
				const preview = await previewSchoolUnitImport(getDb(), locals.ctx, { parentId: values.parentId, units });
				return { values, preview, units: JSON.stringify(units) };
			},
			values
		);
	},
	/** Applies exactly the units the preview showed (carried in the form), in one transaction. */
	apply: async ({ request, locals }) => {
		const values = formFields(await request.formData(), ['parentId', 'units']);
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'units.import');
			let units: unknown;
			try {
				units = JSON.parse(values.units ?? '');
			} catch {
				units = undefined;
			}
			return importSchoolUnits(getDb(), locals.ctx, { parentId: values.parentId, units });
		});
		if (result && 'counts' in result) {
			const { added, renamed, closed, reopened, updated } = result.counts;
			redirect(303, `/organisation/school-units?imported=${[added, renamed, closed, reopened, updated].join('-')}`);
		}
		return result;
	}
};
