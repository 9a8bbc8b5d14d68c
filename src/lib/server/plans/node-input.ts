import { z } from 'zod';

export const nodeContentInput = z.object({
	ref: z.string().trim().max(20).default(''),
	title: z.string().trim().min(1).max(2000),
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
