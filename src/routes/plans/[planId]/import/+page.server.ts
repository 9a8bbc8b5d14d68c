import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { importWorkbook, type ImportProblem } from '$lib/server/documents/import-workbook';
import { importPastedTable } from '$lib/server/documents/import-pasted-table';
import { previewPastedTable } from '$lib/server/documents/pasted-table';
import { buildTree, flattenTree } from '$lib/server/plans/plan-tree';
import { messageFor } from '$lib/server/presenters/message';
import { figure } from '$lib/server/documents/import-limits';
import { DomainError } from '$lib/server/shared/domain-error';
import { uploadedBytes } from '$lib/server/http/upload';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await guardPlan(locals, params.planId, 'plan.edit');
	const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
	return {
		plan: { id: data.plan.id, title: data.plan.title, editable: data.plan.state === 'draft' },
		levels: data.framework.levels.map((level) => ({ id: level.id, nameSv: level.nameSv, nameEn: level.nameEn })),
		places: flattenTree(buildTree(data))
			.filter((entry) => !entry.linked)
			.map((entry) => ({ id: entry.node.id, label: `${entry.node.ref ? `${entry.node.ref} ` : ''}${entry.node.title}`, depth: entry.depth }))
	};
};

const shown = (problems: ImportProblem[], locale: 'sv' | 'en') => problems.map(({ row, column, error }) => ({ row, column, message: messageFor(error, locale) }));
/** The problems not listed (only the first ones are), in words. */
const more = (count: number | undefined, locale: 'sv' | 'en') => (count ? messageFor(new DomainError('error_import_more_problems', { count: figure(count) }), locale) : undefined);

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
		const form = await request.formData();
		const data = found(await loadPlanData(getDb(), locals.ctx.tenantId, params.planId), locals.locale);
		const pasted = { table: String(form.get('table') ?? ''), levelId: String(form.get('levelId') ?? ''), parentId: String(form.get('parentId') ?? ''), headerRow: form.get('headerRow') === 'on' };
		const result = await runAction(
			locals.locale,
			async () => {
				const level = found(data.framework.levels.find((candidate) => candidate.id === pasted.levelId), locals.locale);
				return { preview: { ...pasted, ...previewPastedTable(pasted.table, level, pasted.headerRow) } };
			},
			pasted
		);
		return result;
	},
	paste: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const form = await request.formData();
		const count = Number(form.get('columns') ?? 0);
		const input = {
			table: String(form.get('table') ?? ''),
			levelId: String(form.get('levelId') ?? ''),
			parentId: String(form.get('parentId') ?? '') || null,
			headerRow: form.get('headerRow') === 'true',
			splitLists: form.get('splitLists') !== 'false',
			targets: Array.from({ length: Math.min(count, 200) }, (_, index) => String(form.get(`target-${index}`) ?? 'ignore'))
		};
		const result = await runAction(locals.locale, () => importPastedTable(getDb(), locals.ctx, params.planId, input), { table: input.table });
		if (!('problems' in result)) return result;
		if (result.problems.length) return fail(400, { problems: shown(result.problems, locals.locale), more: more(result.more, locals.locale) });
		return { pasted: result.created };
	}
};
