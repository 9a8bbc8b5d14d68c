import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanData } from '$lib/server/plans/plan-repository';
import { importWorkbook, type ImportProblem } from '$lib/server/documents/import-workbook';
import { importPastedTable } from '$lib/server/documents/import-pasted-table';
import { columnTargets, guessTargets, parsePastedTable } from '$lib/server/documents/pasted-table';
import { assertImportSize } from '$lib/server/documents/read-workbook';
import { buildTree, flattenTree } from '$lib/server/plans/plan-tree';
import { messageFor } from '$lib/server/presenters/message';
import { DomainError } from '$lib/server/shared/domain-error';
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

export const actions: Actions = {
	workbook: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const file = (await request.formData()).get('file');
		const result = await runAction(locals.locale, async () => {
			if (!(file instanceof File) || !file.size) throw new DomainError('error_file_unreadable', {}, { field: 'file' });
			assertImportSize(file.size);
			return importWorkbook(getDb(), locals.ctx, params.planId, Buffer.from(await file.arrayBuffer()));
		});
		if (!('problems' in result)) return result;
		if (!('created' in result)) return fail(400, { problems: shown(result.problems, locals.locale) });
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
				const rows = parsePastedTable(pasted.table);
				const headings = pasted.headerRow ? rows[0].map((cell) => cell.join(' ')) : rows[0].map((_, index) => `${index + 1}`);
				return {
					preview: {
						...pasted,
						headings,
						rows: rows.slice(pasted.headerRow ? 1 : 0, (pasted.headerRow ? 1 : 0) + 5),
						total: rows.length - (pasted.headerRow ? 1 : 0),
						targets: pasted.headerRow ? guessTargets(headings, level) : headings.map((_, index) => (index === 0 ? 'title' : 'ignore')),
						choices: columnTargets(level)
					}
				};
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
		if (result.problems.length) return fail(400, { problems: shown(result.problems, locals.locale) });
		return { pasted: result.created };
	}
};
