import { z } from 'zod';
import { DOCUMENT_STYLES, FOLLOW_UP_MODES } from '../db/schema';
import { NAME_TEMPLATE_MAX } from './name-template';

const name = z.string().trim().min(1).max(120);

export const levelNameInput = {
	nameSv: name,
	namePluralSv: name,
	nameEn: name,
	namePluralEn: name
};

export const levelSettingsInput = z.object({
	...levelNameInput,
	isRoot: z.boolean(),
	followUp: z.enum(FOLLOW_UP_MODES),
	documentStyle: z.enum(DOCUMENT_STYLES),
	tableColumns: z.array(z.string()).default([]),
	childLevelIds: z.array(z.uuid()).default([]),
	/** Items have no title of their own: their number and first column identify them. */
	untitled: z.boolean().default(false),
	/** What the title column asks for ("Vad uppnå?"), under its label in a table. */
	titleHelpSv: z.string().trim().max(300).default(''),
	titleHelpEn: z.string().trim().max(300).default(''),
	/** How documents name the items ("Kommunövergripande mål: {title}"); empty: "{ref} {title}". */
	nameTemplateSv: z.string().trim().max(NAME_TEMPLATE_MAX).default(''),
	nameTemplateEn: z.string().trim().max(NAME_TEMPLATE_MAX).default('')
});

export const levelNameLabels = {
	nameSv: { sv: 'Namn (svenska, singular)', en: 'Name (Swedish, singular)' },
	namePluralSv: { sv: 'Namn (svenska, plural)', en: 'Name (Swedish, plural)' },
	nameEn: { sv: 'Namn (engelska, singular)', en: 'Name (English, singular)' },
	namePluralEn: { sv: 'Namn (engelska, plural)', en: 'Name (English, plural)' },
	isRoot: { sv: 'Får stå överst i planen', en: 'May stand at the top of a plan' },
	followUp: { sv: 'Följs upp med', en: 'Followed up by' },
	documentStyle: { sv: 'Visas i dokument som', en: 'Shown in documents as' },
	tableColumns: { sv: 'Tabellkolumner', en: 'Table columns' },
	childLevelIds: { sv: 'Får innehålla', en: 'May hold' },
	untitled: { sv: 'Punkterna har ingen egen rubrik', en: 'Items have no title of their own' },
	titleHelpSv: { sv: 'Hjälptext till rubriken (svenska)', en: 'Help text for the title (Swedish)' },
	titleHelpEn: { sv: 'Hjälptext till rubriken (engelska)', en: 'Help text for the title (English)' },
	nameTemplateSv: { sv: 'Namn i dokument (svenska)', en: 'Name in documents (Swedish)' },
	nameTemplateEn: { sv: 'Namn i dokument (engelska)', en: 'Name in documents (English)' }
};

/** Columns a table row can show besides the level's own fields. */
/** Columns every table level can show besides its fields; `parent` is the item above ("Nämndmål" beside each activity). */
export const BUILT_IN_COLUMNS = ['parent', 'ref', 'title', 'description'] as const;
