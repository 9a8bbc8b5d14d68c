import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { importWorkbook, type ImportProblem } from '$lib/server/documents/import-workbook';
import { importPastedTable } from '$lib/server/documents/import-pasted-table';
import { previewPaste, type PastedChoices } from '$lib/server/documents/paste-preview';
import { buildTree, flattenTree } from '$lib/server/plans/plan-tree';
import { messageFor } from '$lib/server/presenters/message';
import { figure } from '$lib/server/documents/import-limits';
import { DomainError } from '$lib/server/shared/domain-error';
import { uploadedBytes } from '$lib/server/http/upload';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { itemLabel } from '$lib/server/presenters/item-name';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await guardPlan(locals, params.planId, 'plan.edit');
	const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
	return {
		breadcrumbs: planBreadcrumbs(locals.locale, data.plan, { href: `/plans/${data.plan.id}/import`, label: m.import_title({}, { locale: locals.locale }) }),
		plan: { id: data.plan.id, title: data.plan.title, editable: data.plan.state === 'draft' },
		levels: data.framework.levels.map((level) => ({ id: level.id, nameSv: level.nameSv, nameEn: level.nameEn })),
		places: flattenTree(buildTree(data))
			.filter((entry) => !entry.linked)
			.map((entry) => ({ id: entry.node.id, label: itemLabel(entry.node, entry.level), depth: entry.depth }))
	};
};

const shown = (problems: ImportProblem[], locale: 'sv' | 'en') => problems.map(({ row, column, error }) => ({ row, column, message: messageFor(error, locale) }));
/** The problems not listed (only the first ones are), in words. */
const more = (count: number | undefined, locale: 'sv' | 'en') => (count ? messageFor(new DomainError('error_import_more_problems', { count: figure(count) }), locale) : undefined);

/** Everything the paste form holds: the table, level, placement, heading row and, once previewed, each column's choice. */
function pastedChoices(form: FormData): PastedChoices {
	const columns = Math.min(Math.max(Number(form.get('columns') ?? 0) || 0, 0), 200);
	return {
		table: String(form.get('table') ?? ''),
		levelId: String(form.get('levelId') ?? ''),
		parentId: String(form.get('parentId') ?? ''),
		headerRow: ['on', 'true'].includes(String(form.get('headerRow'))),
		splitLists: form.get('splitLists') !== 'false',
		targets: Array.from({ length: columns }, (_, index) => String(form.get(`target-${index}`) ?? 'ignore'))
	};
}

export const actions: Actions = {
	workbook: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const form = await request.formData();
		const result = await runAction(locals.locale, async () =>
			importWorkbook(getDb(), locals.ctx, params.planId, await uploadedBytes(form, 'file', 'error_file_unreadable'))
		);
		if (!('problems' in result)) return result;
		if (!('created' in result)) return fail(400, { problems: shown(result.problems, locals.locale), more: more(result.more, locals.locale) });
		return { imported: { created: result.created, updated: result.updated, unchanged: result.unchanged } };
	},
	preview: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const choices = pastedChoices(await request.formData());
		const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
		return runAction(locals.locale, async () => ({ preview: previewPaste(data, choices, locals.locale) }), choices);
	},
	/** Back from the mapping to the table, level and placement, every choice kept (the mapping too, for the next preview). */
	edit: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		return { values: pastedChoices(await request.formData()) };
	},
	paste: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const choices = pastedChoices(await request.formData());
		const result = await runAction(locals.locale, () => importPastedTable(getDb(), locals.ctx, params.planId, { ...choices, parentId: choices.parentId || null }), choices);
		if ('problems' in result && !result.problems.length) return { pasted: result.created };
		// Refused: the mapping is shown again as the person left it, under the refusal or the problems.
		const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
		const again = await runAction(locals.locale, async () => ({ preview: previewPaste(data, choices, locals.locale) }));
		const preview = 'preview' in again ? again.preview : undefined;
		if (!('problems' in result)) return fail(result.status, { ...result.data, preview });
		return fail(400, { problems: shown(result.problems, locals.locale), more: more(result.more, locals.locale), preview });
	}
};
