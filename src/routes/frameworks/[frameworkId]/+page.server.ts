import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { countNodesByLevel, loadFramework } from '$lib/server/frameworks/framework-repository';
import { addLevel } from '$lib/server/frameworks/add-level';
import { updateLevel } from '$lib/server/frameworks/update-level';
import { removeLevel } from '$lib/server/frameworks/remove-level';
import { moveLevel } from '$lib/server/frameworks/move-level';
import { saveField } from '$lib/server/frameworks/save-field';
import { removeField } from '$lib/server/frameworks/remove-field';
import { moveField } from '$lib/server/frameworks/move-field';
import { documentParts, partKey, partKeys } from '$lib/server/frameworks/field-order';
import { authorize, can } from '$lib/server/policies';
import { found, runAction } from '$lib/server/http/run-action';
import { guard } from '$lib/server/http/guard';
import { formFields, formFlag, formList } from '$lib/server/http/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const NAMES = ['nameSv', 'namePluralSv', 'nameEn', 'namePluralEn'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
	guard(locals, 'framework.read');
	const framework = found(await loadFramework(getDb(), locals.ctx.tenantId, params.frameworkId), locals.locale);
	const usage = await countNodesByLevel(getDb(), locals.ctx.tenantId, framework.id);
	return {
		framework,
		usage: Object.fromEntries(framework.levels.map((level) => [level.id, usage.get(level.id) ?? 0])),
		/** Each level's parts in the order items are written: its fields with the description among them, and in documents its own items. */
		order: Object.fromEntries(framework.levels.map((level) => [level.id, level.childLevelIds.length ? documentParts(level).map(partKey) : partKeys(level)])),
		canEdit: can(locals.ctx.actor, 'framework.edit')
	};
};

/** Every edit on this page: authorise, run, come back to the level that was edited. */
async function edit(event: RequestEvent, command: (form: FormData) => Promise<unknown>) {
	const form = await event.request.formData();
	const levelId = String(form.get('levelId') ?? '');
	const failure = await runAction(event.locals.locale, async () => {
		authorize(event.locals.ctx.actor, 'framework.edit');
		await command(form);
	});
	if (failure) return fail(failure.status, { ...failure.data, levelId });
	redirect(303, `/frameworks/${event.params.frameworkId}${levelId ? `#level-${levelId}` : ''}`);
}

const fieldInput = (form: FormData) => ({
	...formFields(form, ['key', 'type', 'labelSv', 'labelEn', 'helpSv', 'helpEn']),
	key: form.get('key') ? String(form.get('key')) : undefined,
	required: formFlag(form, 'required'),
	options: String(form.get('options') ?? '')
		.split(/\r?\n/)
		.map((option) => option.trim())
		.filter(Boolean)
});

export const actions: Actions = {
	addLevel: (event) => edit(event, (form) => addLevel(getDb(), event.locals.ctx, event.params.frameworkId, formFields(form, NAMES))),
	updateLevel: (event) =>
		edit(event, (form) =>
			updateLevel(getDb(), event.locals.ctx, event.params.frameworkId, String(form.get('levelId')), {
				...formFields(form, [...NAMES, 'followUp', 'documentStyle', 'titleHelpSv', 'titleHelpEn', 'nameTemplateSv', 'nameTemplateEn']),
				isRoot: formFlag(form, 'isRoot'),
				untitled: formFlag(form, 'untitled'),
				tableColumns: formList(form, 'tableColumns'),
				childLevelIds: formList(form, 'childLevelIds')
			})
		),
	moveLevel: (event) =>
		edit(event, (form) =>
			moveLevel(getDb(), event.locals.ctx, event.params.frameworkId, String(form.get('levelId')), form.get('direction') === 'up' ? 'up' : 'down')
		),
	removeLevel: (event) => edit(event, (form) => removeLevel(getDb(), event.locals.ctx, event.params.frameworkId, String(form.get('levelId')))),
	saveField: (event) =>
		edit(event, (form) => saveField(getDb(), event.locals.ctx, event.params.frameworkId, String(form.get('levelId')), fieldInput(form))),
	moveField: (event) =>
		edit(event, (form) =>
			moveField(
				getDb(),
				event.locals.ctx,
				event.params.frameworkId,
				String(form.get('levelId')),
				String(form.get('key')),
				form.get('direction') === 'up' ? 'up' : 'down'
			)
		),
	removeField: (event) =>
		edit(event, (form) =>
			removeField(getDb(), event.locals.ctx, event.params.frameworkId, String(form.get('levelId')), String(form.get('key')))
		)
};
