import { z } from 'zod';
import type { LevelRow } from '../frameworks/framework-repository';
import { DomainError } from '../shared/domain-error';
import type { NodeValues } from './node-values';

export const nodeContentInput = z.object({
	ref: z.string().trim().max(20).default(''),
	/** Required unless the level's items have no title of their own (`assertTitle`). */
	title: z.string().trim().max(2000).default(''),
	description: z.string().max(50_000).default(''),
	values: z.record(z.string(), z.unknown()).default({}),
	carriedOver: z.boolean().default(false)
});

export const nodeLabels = {
	ref: { sv: 'Nummer', en: 'Reference' },
	title: { sv: 'Rubrik', en: 'Title' },
	description: { sv: 'Beskrivning', en: 'Description' },
	values: { sv: 'Fält', en: 'Fields' },
	carriedOver: { sv: 'Fortsätter från föregående år', en: 'Continues from last year' },
	levelId: { sv: 'Nivå', en: 'Level' },
	parentId: { sv: 'Placering', en: 'Placement' },
	version: { sv: 'Version', en: 'Version' }
};

/** An item needs a title, except on a level whose items are numbered rows without one (stored as ''). */
export function assertTitle(level: Pick<LevelRow, 'untitled'>, title: string): void {
	if (!title && !level.untitled) throw new DomainError('error_field_required', { field: nodeLabels.title }, { field: 'title' });
}

/** The item's own columns from its checked input and values: the same for a new item and an edit. */
export function nodeColumns(data: z.infer<typeof nodeContentInput>, values: NodeValues) {
	return {
		ref: data.ref,
		title: data.title,
		description: data.description,
		carriedOver: data.carriedOver,
		fieldValues: values.fieldValues,
		deadlineText: values.deadlineText,
		deadlineDate: values.deadlineDate
	};
}
