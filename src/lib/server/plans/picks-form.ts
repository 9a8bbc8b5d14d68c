import type { LevelRow } from '../frameworks/framework-repository';
import { DomainError } from '../shared/domain-error';
import type { NodeFormInput } from './node-form';
import { parseResponsibleText, responsibleLabel } from './responsible';

/**
 * The item form's pick-from-many fields (responsible, boards), as its combobox sends them: what was
 * chosen from the lists (role titles and people by the list's own values, boards by id), role titles
 * to create — only when asked for explicitly — and, without JavaScript, one name typed into the
 * field's search box. A typed name that is not in the lists is refused: a typo never becomes a new
 * role title.
 */
export interface ResponsiblePicks {
	/** Known role titles, one per line, each maybe with its note: "Utvecklingsledare (del 2)". */
	roles: string;
	people: string[];
	/** Role titles to create, asked for by their own choice ("Skapa rolltitel 'X'") or field. */
	newRoles: string[];
	/** A name typed but not picked (the form without JavaScript). */
	add: string;
}

export interface PickChoices {
	boards: { id: string; name: string; shortName: string | null }[];
	people: { id: string; name: string }[];
	roleTitles: string[];
}

const lines = (values: FormDataEntryValue[]) =>
	values
		.flatMap((value) => String(value).split('\n'))
		.map((line) => line.trim())
		.filter(Boolean);

/** The form's picks as they were sent, to show the form again as the user left it. */
export function readPicks(level: Pick<LevelRow, 'fields'>, form: FormData, input: NodeFormInput): NodeFormInput {
	const values = { ...input.values };
	for (const field of level.fields) {
		const name = `field.${field.key}`;
		const add = String(form.get(`${name}.add`) ?? '').trim();
		if (field.type === 'responsible') {
			values[field.key] = {
				roles: lines(form.getAll(`${name}.roles`)).join('\n'),
				people: form.getAll(`${name}.people`).map(String),
				newRoles: [...new Set(lines(form.getAll(`${name}.newRoles`)))],
				add
			} satisfies ResponsiblePicks;
		} else if (field.type === 'boards') {
			values[field.key] = form.getAll(name).map(String);
			if (add) values[`${field.key}.add`] = add;
		}
	}
	return { ...input, values };
}

/**
 * What the node command gets: every role title checked against the organisation's (spelled as the
 * organisation spells it), the ones asked for added as new, a typed name resolved or refused.
 */
export function checkPicks(level: Pick<LevelRow, 'fields'>, input: NodeFormInput, choices: PickChoices): NodeFormInput {
	const fold = (text: string) => text.trim().toLocaleLowerCase('sv');
	const titles = new Map(choices.roleTitles.map((title) => [fold(title), title]));
	const values = { ...input.values };
	for (const field of level.fields) {
		if (field.type === 'responsible') {
			const picks = values[field.key] as ResponsiblePicks;
			const known = (line: string) => {
				const entry = parseResponsibleText(line);
				const title = titles.get(fold(entry.name));
				return title ? responsibleLabel({ name: title, note: entry.note }) : undefined;
			};
			const roles: string[] = [];
			for (const line of lines([picks.roles])) {
				const role = known(line);
				if (!role) throw new DomainError('error_role_title_unknown', { name: parseResponsibleText(line).name }, { field: field.key });
				roles.push(role);
			}
			const people = [...picks.people];
			if (picks.add) {
				const named = choices.people.filter((person) => fold(person.name) === fold(picks.add));
				const role = known(picks.add);
				if (named.length > 1) throw new DomainError('error_person_ambiguous', { name: picks.add }, { field: field.key });
				if (named.length === 1) people.push(named[0].id);
				else if (role) roles.push(role);
				else throw new DomainError('error_responsible_unknown', { name: picks.add }, { field: field.key });
			}
			values[field.key] = { roles: [...roles, ...picks.newRoles.map((line) => known(line) ?? line)].join('\n'), people };
		} else if (field.type === 'boards') {
			const add = values[`${field.key}.add`] as string | undefined;
			delete values[`${field.key}.add`];
			if (!add) continue;
			const board = choices.boards.find((candidate) =>
				[candidate.name, candidate.shortName ?? '', candidate.shortName ? `${candidate.name} (${candidate.shortName})` : ''].some((name) => name && fold(name) === fold(add))
			);
			if (!board) throw new DomainError('error_board_unknown', { name: add }, { field: field.key });
			values[field.key] = [...new Set([...(values[field.key] as string[]), board.id])];
		}
	}
	return { ...input, values };
}
