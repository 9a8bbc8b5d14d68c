import { responsibleLabel } from './responsible';
import type { LevelRow } from '../frameworks/framework-repository';
import type { PlanNode } from './plan-repository';

/** The input a node command takes, read from the item form of a level. */
export interface NodeFormInput {
	ref: string;
	title: string;
	description: string;
	carriedOver: boolean;
	values: Record<string, unknown>;
}

export function nodeInputFromForm(level: Pick<LevelRow, 'fields'>, form: FormData): NodeFormInput {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const values: Record<string, unknown> = {};
	for (const field of level.fields) {
		const name = `field.${field.key}`;
		if (field.type === 'boards') values[field.key] = form.getAll(name).map(String);
		else if (field.type === 'responsible') values[field.key] = { roles: text(`${name}.roles`), people: form.getAll(`${name}.people`).map(String) };
		else values[field.key] = text(name);
	}
	return { ref: text('ref'), title: text('title'), description: text('description'), carriedOver: form.get('carriedOver') === 'on', values };
}

/** A stored item as the form shows it. */
export function nodeFormValues(node: PlanNode, level: Pick<LevelRow, 'fields'>): NodeFormInput {
	const values: Record<string, unknown> = {};
	for (const field of level.fields) {
		const value = node.fieldValues[field.key];
		if (field.type === 'boards') values[field.key] = node.boardIds;
		else if (field.type === 'responsible')
			values[field.key] = {
				roles: node.responsibles.filter((r) => r.kind === 'role').map(responsibleLabel).join('\n'),
				people: node.responsibles.filter((r) => r.kind === 'person').map((r) => r.id)
			};
		else if (field.type === 'deadline') values[field.key] = node.deadlineText ?? '';
		else if (field.type === 'text_list') values[field.key] = Array.isArray(value) ? value.join('\n') : '';
		else if (field.type === 'yes_no') values[field.key] = value === true ? 'ja' : value === false ? 'nej' : '';
		else values[field.key] = value === undefined || value === null ? '' : String(value);
	}
	return { ref: node.ref, title: node.title, description: node.description, carriedOver: node.carriedOver, values };
}
