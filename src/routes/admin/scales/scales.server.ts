import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { addScaleValue, moveScaleValue, removeScaleValue, updateScaleValue, useAssessmentPreset } from '$lib/server/follow-up/manage-scale';
import { authorize } from '$lib/server/policies';
import { runAction } from '$lib/server/http/run-action';

/** Runs one change; on success back to the list (fresh values), at the value the command names. */
async function change(event: RequestEvent, command: (form: FormData) => Promise<string>) {
	const { locals, request } = event;
	const form = await request.formData();
	const values = Object.fromEntries(form);
	const result = await runAction(
		locals.locale,
		async () => {
			authorize(locals.ctx.actor, 'scale.edit');
			return command(form);
		},
		values
	);
	if (result && typeof result === 'object') return result;
	const id = result as string;
	redirect(303, `/admin/scales?saved=${encodeURIComponent(id)}${id ? `#value-${id}` : ''}`);
}

const fields = (form: FormData) => ({
	labelSv: form.get('labelSv') ?? undefined,
	labelEn: form.get('labelEn') ?? undefined,
	colour: form.get('colour') ?? undefined,
	meaning: form.get('meaning') ?? undefined,
	retired: form.get('retired') ?? undefined
});

/** The actions of the list and of a value's own edit page (the dialog's form posts to either). */
export const scaleActions = {
	add: (event: RequestEvent) => change(event, (form) => addScaleValue(getDb(), event.locals.ctx, String(form.get('kind') ?? ''), fields(form))),
	update: (event: RequestEvent) =>
		change(event, async (form) => {
			const id = String(form.get('id') ?? '');
			await updateScaleValue(getDb(), event.locals.ctx, id, fields(form));
			return id;
		}),
	move: (event: RequestEvent) =>
		change(event, async (form) => {
			const id = String(form.get('id') ?? '');
			await moveScaleValue(getDb(), event.locals.ctx, id, form.get('direction') === 'up' ? 'up' : 'down');
			return id;
		}),
	remove: (event: RequestEvent) =>
		change(event, async (form) => {
			await removeScaleValue(getDb(), event.locals.ctx, String(form.get('id') ?? ''));
			return '';
		}),
	preset: (event: RequestEvent) =>
		change(event, async (form) => {
			await useAssessmentPreset(getDb(), event.locals.ctx, String(form.get('preset') ?? ''));
			return '';
		})
};
