import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { listChapters } from '$lib/server/plans/plan-repository';
import { saveChapter } from '$lib/server/plans/save-chapter';
import { removeChapter } from '$lib/server/plans/remove-chapter';
import { moveChapter } from '$lib/server/plans/move-chapter';
import { renderRichText } from '$lib/server/presenters/rich-text';
import { guardPlan } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import { planBreadcrumbs } from '$lib/navigation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/** One page for a new chapter (chapterId "new") and an existing one. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const plan = await guardPlan(locals, params.planId, 'plan.edit');
	const chapters = await listChapters(getDb(), locals.ctx.tenantId, plan.id);
	const chapter = params.chapterId === 'new' ? null : found(chapters.find((candidate) => candidate.id === params.chapterId), locals.locale);
	// Moving is among the chapters on the same side of the items.
	const side = chapters.filter((candidate) => candidate.placement === chapter?.placement);
	return {
		breadcrumbs: planBreadcrumbs(locals.locale, plan, { href: `/plans/${plan.id}/chapters/${params.chapterId}`, label: chapter ? m.chapter_edit({}, { locale: locals.locale }) : m.chapter_add({}, { locale: locals.locale }) }),
		plan: { id: plan.id, title: plan.title, state: plan.state },
		chapter,
		preview: chapter ? renderRichText(chapter.body) : '',
		isFirst: chapter ? side[0].id === chapter.id : false,
		isLast: chapter ? side[side.length - 1].id === chapter.id : false
	};
};

const chapterIdOf = (id: string) => (id === 'new' ? null : id);

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const values = formFields(await request.formData(), ['title', 'body', 'placement', 'version']);
		const result = await runAction(
			locals.locale,
			async () => {
				return saveChapter(getDb(), locals.ctx, params.planId, chapterIdOf(params.chapterId), values);
			},
			values
		);
		if (typeof result === 'string') redirect(303, `/plans/${params.planId}#chapter-${result}`);
		return result;
	},
	move: async ({ request, locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const direction = (await request.formData()).get('direction') === 'up' ? 'up' : 'down';
		const result = await runAction(locals.locale, async () => {
			await moveChapter(getDb(), locals.ctx, params.planId, params.chapterId, direction);
		});
		if (result) return result;
		redirect(303, `/plans/${params.planId}/chapters/${params.chapterId}`);
	},
	remove: async ({ locals, params }) => {
		await guardPlan(locals, params.planId, 'plan.edit');
		const result = await runAction(locals.locale, async () => {
			await removeChapter(getDb(), locals.ctx, params.planId, params.chapterId);
		});
		if (result) return result;
		redirect(303, `/plans/${params.planId}`);
	}
};
