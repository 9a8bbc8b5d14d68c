import type { DocumentStyle, FollowUpMode } from '../db/schema';
import type { FieldDefinition } from './field-definition';

/**
 * Ready-made steering models for the shapes seen in real plans. An organisation gets its own copy
 * and may change it freely; the presets themselves never change under a plan.
 */
export interface PresetLevel {
	key: string;
	nameSv: string;
	namePluralSv: string;
	nameEn: string;
	namePluralEn: string;
	isRoot?: boolean;
	followUp: FollowUpMode;
	documentStyle: DocumentStyle;
	tableColumns?: string[];
	fields: FieldDefinition[];
	/** How many fields come before the item's description (default 0). */
	descriptionPosition?: number;
	/** Items have no title of their own (numbered rows of cells). */
	untitled?: boolean;
	children: string[];
}

export interface Preset {
	key: string;
	nameSv: string;
	nameEn: string;
	descriptionSv: string;
	descriptionEn: string;
	levels: PresetLevel[];
}

const field = (
	key: string,
	type: FieldDefinition['type'],
	labelSv: string,
	labelEn: string,
	extra: Partial<FieldDefinition> = {}
): FieldDefinition => ({ key, type, labelSv, labelEn, helpSv: '', helpEn: '', required: false, options: [], ...extra });

const responsible = (labelSv = 'Ansvarig', labelEn = 'Responsible', extra: Partial<FieldDefinition> = {}) =>
	field('responsible', 'responsible', labelSv, labelEn, extra);
const deadline = (labelSv = 'Klart', labelEn = 'Due', extra: Partial<FieldDefinition> = {}) =>
	field('deadline', 'deadline', labelSv, labelEn, extra);

/** The activity level most shapes end in: followed up by status, shown as a table row. */
const activityLevel = (fields: FieldDefinition[], tableColumns: string[], names = ['Aktivitet', 'Aktiviteter', 'Activity', 'Activities']): PresetLevel => ({
	key: keyOf(names[0]),
	nameSv: names[0],
	namePluralSv: names[1],
	nameEn: names[2],
	namePluralEn: names[3],
	followUp: 'status',
	documentStyle: 'table_row',
	tableColumns,
	fields,
	children: []
});
const keyOf = (name: string) => name.toLowerCase();

export const PRESETS: Preset[] = [
	{
		key: 'malomrade-matt',
		nameSv: 'Målområde – resultatmål – aktivitet med mått',
		nameEn: 'Goal area – result goal – activity with measures',
		descriptionSv:
			'Målområden med resultatmål; under dem rader med mått, aktivitet, målvärde och vem som följer upp.',
		descriptionEn: 'Goal areas with result goals; beneath them rows of measure, activity, target value and follow-up owner.',
		levels: [
			{
				key: 'malomrade',
				nameSv: 'Målområde',
				namePluralSv: 'Målområden',
				nameEn: 'Goal area',
				namePluralEn: 'Goal areas',
				isRoot: true,
				followUp: 'none',
				documentStyle: 'heading',
				fields: [field('sammanfattning', 'rich_text', 'Sammanfattning av målet', 'Summary of the goal')],
				children: ['resultatmal', 'aktivitet']
			},
			{
				key: 'resultatmal',
				nameSv: 'Resultatmål',
				namePluralSv: 'Resultatmål',
				nameEn: 'Result goal',
				namePluralEn: 'Result goals',
				followUp: 'assessment',
				documentStyle: 'heading',
				fields: [],
				children: ['aktivitet']
			},
			activityLevel(
				[
					field('matt', 'text_list', 'Mått', 'Measures', { helpSv: 'Vad mäta?', helpEn: 'What to measure?' }),
					field('malvarde', 'text_list', 'Målvärde/indikator', 'Target value/indicator', {
						helpSv: 'Till vilken nivå?',
						helpEn: 'To what level?'
					}),
					responsible('Uppfölja', 'Follow-up', { helpSv: 'Vem?', helpEn: 'Who?' })
				],
				['matt', 'title', 'malvarde', 'responsible']
			)
		]
	},
	{
		key: 'perspektiv-uppdrag',
		nameSv: 'Perspektiv – mål – nämndmål – uppdrag – aktivitet',
		nameEn: 'Perspective – goal – board goal – assignment – activity',
		descriptionSv:
			'Perspektiv med kommunövergripande mål och nämndmål; strategiska utvecklingsuppdrag och aktiviteter med nämnd, slutdatum och status.',
		descriptionEn:
			'Perspectives with municipal goals and board goals; council assignments and activities with board, completion and status.',
		levels: [
			{
				key: 'perspektiv',
				nameSv: 'Perspektiv',
				namePluralSv: 'Perspektiv',
				nameEn: 'Perspective',
				namePluralEn: 'Perspectives',
				isRoot: true,
				followUp: 'none',
				documentStyle: 'heading',
				fields: [],
				children: ['kommunmal']
			},
			{
				key: 'kommunmal',
				nameSv: 'Kommunövergripande mål',
				namePluralSv: 'Kommunövergripande mål',
				nameEn: 'Municipal goal',
				namePluralEn: 'Municipal goals',
				followUp: 'none',
				documentStyle: 'heading',
				fields: [],
				children: ['namndmal']
			},
			{
				key: 'namndmal',
				nameSv: 'Nämndmål',
				namePluralSv: 'Nämndmål',
				nameEn: 'Board goal',
				namePluralEn: 'Board goals',
				followUp: 'assessment',
				documentStyle: 'heading',
				fields: [],
				children: ['uppdrag', 'aktivitet']
			},
			{
				key: 'uppdrag',
				nameSv: 'Strategiskt utvecklingsuppdrag',
				namePluralSv: 'Strategiska utvecklingsuppdrag',
				nameEn: 'Council assignment',
				namePluralEn: 'Council assignments',
				followUp: 'none',
				documentStyle: 'heading',
				fields: [
					field('typ', 'choice', 'Typ av uppdrag', 'Kind of assignment', {
						options: ['Kommungemensamt', 'Nämndspecifikt']
					}),
					field('boards', 'boards', 'Nämnd', 'Board')
				],
				children: ['aktivitet']
			},
			activityLevel([field('boards', 'boards', 'Nämnd', 'Board'), deadline('Slutfört', 'Completed by'), responsible()], ['title', 'boards', 'deadline'])
		]
	},
	{
		key: 'omrade-insatser',
		nameSv: 'Område – insatser och effekter',
		nameEn: 'Area – interventions and effects',
		descriptionSv: 'Utvecklingsområden med beskrivning, insatser, förväntade effekter och kontakt.',
		descriptionEn: 'Development areas with description, interventions, expected effects and contact.',
		levels: [
			{
				key: 'omrade',
				nameSv: 'Område',
				namePluralSv: 'Områden',
				nameEn: 'Area',
				namePluralEn: 'Areas',
				isRoot: true,
				followUp: 'assessment',
				documentStyle: 'heading',
				fields: [
					field('effekter', 'rich_text', 'Effekter', 'Expected effects'),
					field('kontakt', 'text', 'Kontakt', 'Contact')
				],
				children: ['insats']
			},
			activityLevel([responsible(), deadline()], ['title', 'responsible', 'deadline'], ['Insats', 'Insatser', 'Intervention', 'Interventions'])
		]
	},
	{
		key: 'namndmal-insats-delar',
		nameSv: 'Nämndmål – insats – numrerade delar',
		nameEn: 'Board goal – intervention – numbered parts',
		descriptionSv:
			'Nämndmål med insatser (bakgrund, ansvariga roller, egen uppdragsbeskrivning) och för varje numrerad del: vad och när, hur den följs upp, förväntad effekt och resurser.',
		descriptionEn:
			'Board goals with interventions (background, responsible roles, a separate assignment description) and for each numbered part: what and when, how it is followed up, expected effect and resources.',
		levels: [
			{
				key: 'namndmal',
				nameSv: 'Nämndmål',
				namePluralSv: 'Nämndmål',
				nameEn: 'Board goal',
				namePluralEn: 'Board goals',
				isRoot: true,
				followUp: 'assessment',
				documentStyle: 'heading',
				fields: [],
				children: ['insats']
			},
			{
				key: 'insats',
				nameSv: 'Insats',
				namePluralSv: 'Insatser',
				nameEn: 'Intervention',
				namePluralEn: 'Interventions',
				followUp: 'status',
				documentStyle: 'heading',
				// Written as the organisations write it: the background first, then the description.
				fields: [
					field('bakgrund', 'rich_text', 'Bakgrund', 'Background'),
					responsible('Ansvariga', 'Responsible'),
					field('uppdragsbeskrivning', 'yes_no', 'Förtydligas i separat uppdragsbeskrivning', 'Clarified in a separate assignment description')
				],
				descriptionPosition: 1,
				children: ['del']
			},
			{
				key: 'del',
				nameSv: 'Del',
				namePluralSv: 'Delar',
				nameEn: 'Part',
				namePluralEn: 'Parts',
				followUp: 'none',
				documentStyle: 'table_row',
				// Numbered rows of cells: the number identifies the row, no title of its own.
				untitled: true,
				fields: [
					field('vad_nar', 'rich_text', 'Vad och när', 'What and when'),
					field('uppfoljning', 'rich_text', 'Uppföljning', 'Follow-up', { helpSv: 'När, i vilket forum och av vem?', helpEn: 'When, in which forum and by whom?' }),
					field('effekt', 'rich_text', 'Förväntad effekt', 'Expected effect'),
					field('resurser', 'rich_text', 'Resurser', 'Resources')
				],
				tableColumns: ['ref', 'vad_nar', 'uppfoljning', 'effekt', 'resurser'],
				children: []
			}
		]
	},
	{
		key: 'enkel',
		nameSv: 'Mål – aktivitet',
		nameEn: 'Goal – activity',
		descriptionSv: 'En enkel styrmodell: mål med aktiviteter, ansvarig och klart-datum.',
		descriptionEn: 'A plain steering model: goals with activities, responsible and due date.',
		levels: [
			{
				key: 'mal',
				nameSv: 'Mål',
				namePluralSv: 'Mål',
				nameEn: 'Goal',
				namePluralEn: 'Goals',
				isRoot: true,
				followUp: 'assessment',
				documentStyle: 'heading',
				fields: [],
				children: ['aktivitet']
			},
			activityLevel([responsible(), deadline()], ['title', 'responsible', 'deadline'])
		]
	}
];

export function findPreset(key: string): Preset | undefined {
	return PRESETS.find((preset) => preset.key === key);
}
