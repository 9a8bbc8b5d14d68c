/**
 * What the Kolada stub (tests/peers/kolada.ts) holds: a key figure catalogue, municipalities,
 * municipality groups and organisational units in the shape of Kolada API v3, and values made on the
 * fly by a seeded function, so every run answers the same.
 *
 * The school figures the issue names carry Kolada's real ids (N15428, N15419, N15505, the pupil
 * survey's trygghet figure N15613, certified teachers N15813, cost per pupil N15008 …), with titles
 * in Kolada's wording. The rest of the catalogue is filler for search, in Kolada's style, under ids
 * of a Z series Kolada does not use, so none can be mistaken for a real key figure. Exempelkommun
 * (1280) and its units are the demo's, fictional; the other municipalities are real codes and names.
 */

export interface StubKpi {
	id: string;
	title: string;
	description: string;
	operating_area: string;
	has_ou_data: boolean;
	is_divided_by_gender: boolean;
	municipality_type: 'K' | 'L' | 'A';
	publication_date: string | null;
	prel_publication_date: string | null;
	ou_publication_date: string | null;
	auspices: string | null;
	publ_period: string | null;
}

/** How a figure's values look: around `base`, spread `spread`, change per year `trend`, rounded to `decimals`. */
export interface ValueShape {
	base: number;
	spread: number;
	trend: number;
	decimals: number;
	/** Girls' value above the total (boys' below by as much); negative when boys are higher. */
	gap: number;
	/** The last year published (later years answer with no values: "not yet published"). */
	lastYear: number;
	max?: number;
	/** Which units have values: the school form in the unit id (V11 förskola, V15 grundskola, V17 gymnasieskola). */
	form?: 'V11' | 'V15' | 'V17';
}

export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2025;

const percent = (base: number, options: Partial<ValueShape> = {}): ValueShape => ({ base, spread: 8, trend: 0.3, decimals: 1, gap: 3, lastYear: LAST_YEAR, max: 100, ...options });
const points = (base: number, options: Partial<ValueShape> = {}): ValueShape => ({ base, spread: 15, trend: 0.8, decimals: 1, gap: 18, lastYear: LAST_YEAR, ...options });
const kronor = (base: number, options: Partial<ValueShape> = {}): ValueShape => ({ base, spread: base / 10, trend: base / 40, decimals: 0, gap: 0, lastYear: LAST_YEAR - 1, ...options });
const number = (base: number, options: Partial<ValueShape> = {}): ValueShape => ({ base, spread: base / 8, trend: 0, decimals: 1, gap: 0, lastYear: LAST_YEAR, ...options });

type Entry = [id: string, title: string, area: string, shape: ValueShape, flags?: { ou?: boolean; gender?: boolean; auspices?: string | null; description?: string }];

const GR = 'Grundskola';
const FS = 'Förskola';
const GY = 'Gymnasieskola';
const VUX = 'Vuxenutbildning';
const FT = 'Fritidshem';
const BEF = 'Befolkning';
const EK = 'Ekonomi';

const ENTRIES: Entry[] = [
	// Real Kolada ids: the figures the issue names and their neighbours.
	['N15428', 'Elever i åk 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)', GR, percent(84, { form: 'V15' }), { ou: true, gender: true, auspices: 'X', description: 'Antal elever i årskurs 9 som är behöriga till ett yrkesprogram på gymnasieskolan, dividerat med antal elever som avslutat årskurs 9, multiplicerat med 100. Avser elever folkbokförda i kommunen. Källa: SCB och Skolverket.' }],
	['N15419', 'Elever i åk 9 som uppnått kunskapskraven i alla ämnen, kommunala skolor, andel (%)', GR, percent(73, { form: 'V15' }), { ou: true, gender: true, auspices: 'E', description: 'Antal elever i årskurs 9 som uppnått kunskapskraven (lägst betyget E) i alla ämnen, dividerat med antal elever som avslutat årskurs 9, multiplicerat med 100. Avser elever i kommunala skolor. Källa: SCB och Skolverket.' }],
	['N15505', 'Elever i åk 9, meritvärde kommunala skolor, genomsnitt (17 ämnen)', GR, points(222, { form: 'V15' }), { ou: true, gender: true, auspices: 'E', description: 'Genomsnittligt meritvärde för elever i årskurs 9 i kommunala skolor, beräknat på de 16 bästa betygen och ett eventuellt betyg i moderna språk (17 ämnen). Källa: SCB och Skolverket.' }],
	['N15613', 'Elever i åk 5: Jag känner mig trygg i skolan, positiva svar, andel (%)', GR, percent(88, { spread: 5, gap: -1, form: 'V15' }), { ou: true, gender: true, auspices: 'E', description: 'Andel elever i årskurs 5 som svarat "stämmer helt och hållet" eller "stämmer ganska bra" på påståendet "Jag känner mig trygg i skolan" i kommunens elevenkät. Källa: Kommunens egen enkät.' }],
	['N15603', 'Elever i åk 5: Jag får studiero på lektionerna, positiva svar, andel (%)', GR, percent(70, { gap: 2, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['N15614', 'Elever i åk 5: Vuxna på skolan reagerar när någon elev blir illa behandlad, positiva svar, andel (%)', GR, percent(79, { gap: 1, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['N15813', 'Lärare med lärarlegitimation och behörighet i minst ett ämne i grundskola åk 1–9, kommunala skolor, andel (%)', GR, percent(71, { gap: 0, trend: -0.4, form: 'V15' }), { ou: true, auspices: 'E', description: 'Antal lärare (heltidstjänster) med lärarlegitimation och behörighet i minst ett ämne i grundskola åk 1–9, dividerat med samtliga lärare, multiplicerat med 100. Avser kommunala skolor. Källa: Skolverket.' }],
	['N15031', 'Lärare (heltidstjänster) med pedagogisk högskoleexamen i grundskola åk 1–9, kommunala skolor, andel (%)', GR, percent(77, { gap: 0, trend: -0.3, form: 'V15' }), { ou: true, auspices: 'E' }],
	['N15034', 'Elever/lärare (heltidstjänster) i grundskola åk 1–9, kommunala skolor, antal', GR, number(12.4, { spread: 1.2, form: 'V15' }), { ou: true, auspices: 'E' }],
	['N15008', 'Kostnad grundskola åk 1–9, kr/elev', GR, kronor(118000), { auspices: 'X', description: 'Kommunens kostnad för grundskola åk 1–9 dividerat med antal elever i grundskola åk 1–9 folkbokförda i kommunen. Källa: SCB och Skolverket.' }],
	['N15418', 'Elever i åk 9 som uppnått kunskapskraven i alla ämnen, hemkommun, andel (%)', GR, percent(74), { gender: true, auspices: 'X' }],
	['N15436', 'Elever i åk 9 som är behöriga till ett yrkesprogram, kommunala skolor, andel (%)', GR, percent(83, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['N15539', 'Elever i åk 6 som uppnått kunskapskraven i alla ämnen, kommunala skolor, andel (%)', GR, percent(76, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['N15807', 'Elever i grundskola åk 1–9, antal', GR, number(9000, { spread: 6000, trend: 40, decimals: 0 }), { gender: true, auspices: 'X' }],
	['N11805', 'Elever i förskoleklass, antal', GR, number(1000, { spread: 700, decimals: 0 }), { gender: true, auspices: 'X' }],
	['N01951', 'Invånare totalt, antal', BEF, number(90000, { spread: 60000, trend: 600, decimals: 0, lastYear: LAST_YEAR }), { gender: true, auspices: null }],
	// Filler in Kolada's style (ids of a Z series Kolada does not use).
	['Z11001', 'Barn 1–5 år inskrivna i förskola, andel (%)', FS, percent(86, { gap: 0 })],
	['Z11002', 'Barn per årsarbetare i förskola, antal', FS, number(5.1, { spread: 0.5, form: 'V11' }), { ou: true, auspices: 'E' }],
	['Z11003', 'Årsarbetare i förskola med förskollärarlegitimation, andel (%)', FS, percent(40, { gap: 0, form: 'V11' }), { ou: true, auspices: 'E' }],
	['Z11004', 'Kostnad förskola, kr/inskrivet barn', FS, kronor(165000)],
	['Z11005', 'Inskrivna barn per barngrupp i förskola, antal', FS, number(15.2, { spread: 1.5, form: 'V11' }), { ou: true, auspices: 'E' }],
	['Z11006', 'Vårdnadshavare i förskola: Jag är nöjd med mitt barns förskola, positiva svar, andel (%)', FS, percent(90, { spread: 4, gap: 0, form: 'V11' }), { ou: true, auspices: 'E' }],
	['Z15001', 'Elever i åk 3 som klarat alla delprov för ämnesprovet i matematik, kommunala skolor, andel (%)', GR, percent(68, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15002', 'Elever i åk 3 som klarat alla delprov för ämnesprovet i svenska, kommunala skolor, andel (%)', GR, percent(72, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15003', 'Elever i åk 6 med lägst betyget E i matematik, kommunala skolor, andel (%)', GR, percent(89, { spread: 5, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15004', 'Elever i åk 6 med lägst betyget E i svenska, kommunala skolor, andel (%)', GR, percent(91, { spread: 5, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15005', 'Elever i åk 6 med lägst betyget E i engelska, kommunala skolor, andel (%)', GR, percent(92, { spread: 4, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15006', 'Elever i åk 9 med lägst betyget E i matematik, kommunala skolor, andel (%)', GR, percent(87, { spread: 5, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15007', 'Elever i åk 9 med lägst betyget E i svenska, kommunala skolor, andel (%)', GR, percent(93, { spread: 4, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15008', 'Elever i åk 9 med lägst betyget E i engelska, kommunala skolor, andel (%)', GR, percent(93, { spread: 4, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15009', 'Elever i åk 9 som är behöriga till ett högskoleförberedande program, kommunala skolor, andel (%)', GR, percent(80, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15010', 'Elever i åk 9, meritvärde hemkommun, genomsnitt (17 ämnen)', GR, points(224), { gender: true, auspices: 'X' }],
	['Z15011', 'Elever i åk 8: Jag känner mig trygg i skolan, positiva svar, andel (%)', GR, percent(80, { spread: 6, gap: -2, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15012', 'Elever i åk 8: Jag får studiero på lektionerna, positiva svar, andel (%)', GR, percent(58, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15013', 'Elever i åk 5: Jag är nöjd med min skola som helhet, positiva svar, andel (%)', GR, percent(83, { spread: 5, gap: 0, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15014', 'Elever i åk 8: Jag är nöjd med min skola som helhet, positiva svar, andel (%)', GR, percent(67, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15015', 'Elever i åk 5: Lärarna hjälper mig i skolarbetet om jag behöver det, positiva svar, andel (%)', GR, percent(90, { spread: 4, gap: 0, form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15016', 'Elever i åk 8: Skolarbetet gör mig så nyfiken att jag får lust att lära mig mer, positiva svar, andel (%)', GR, percent(52, { form: 'V15' }), { ou: true, gender: true, auspices: 'E' }],
	['Z15017', 'Elever i grundskola åk 1–9 i fristående skolor, andel (%)', GR, percent(15, { spread: 10, gap: 0 }), { auspices: 'X' }],
	['Z15018', 'Elever i grundskola åk 1–9 som läser svenska som andraspråk, andel (%)', GR, percent(12, { spread: 8, gap: 0 }), { auspices: 'X' }],
	['Z15019', 'Lärare med lärarlegitimation och behörighet i minst ett ämne i grundskola åk 1–9, hemkommun, andel (%)', GR, percent(70, { gap: 0, trend: -0.4 }), { auspices: 'X' }],
	['Z15020', 'Kostnad för undervisning i grundskola åk 1–9, kr/elev', GR, kronor(62000)],
	['Z15021', 'Kostnad för lokaler i grundskola åk 1–9, kr/elev', GR, kronor(21000)],
	['Z15022', 'Kostnad för skolmåltider i grundskola åk 1–9, kr/elev', GR, kronor(7800)],
	['Z15023', 'Elever i anpassad grundskola, andel (%) av elever i grundskola', GR, percent(1.2, { spread: 0.4, trend: 0, decimals: 1, gap: 0 }), { auspices: 'X' }],
	['Z13001', 'Inskrivna elever i fritidshem 6–9 år, andel (%)', FT, percent(84, { spread: 5, gap: 0 }), { auspices: 'X' }],
	['Z13002', 'Elever per årsarbetare i fritidshem, antal', FT, number(20, { spread: 3, form: 'V15' }), { ou: true, auspices: 'E' }],
	['Z13003', 'Kostnad fritidshem, kr/inskrivet barn', FT, kronor(40000)],
	['Z17001', 'Gymnasieelever med examen inom 3 år, kommunala skolor, andel (%)', GY, percent(69, { form: 'V17' }), { ou: true, gender: true, auspices: 'E' }],
	['Z17002', 'Gymnasieelever med examen eller studiebevis inom 4 år, hemkommun, andel (%)', GY, percent(76), { gender: true, auspices: 'X' }],
	['Z17003', 'Gymnasieelever med examen inom 4 år, kommunala skolor, andel (%)', GY, percent(74, { form: 'V17' }), { ou: true, gender: true, auspices: 'E' }],
	['Z17004', 'Gymnasieelever med grundläggande behörighet till universitet och högskola inom 3 år, kommunala skolor, andel (%)', GY, percent(58, { form: 'V17' }), { ou: true, gender: true, auspices: 'E' }],
	['Z17005', 'Gymnasieelever med examen, genomsnittlig betygspoäng efter avslutad utbildning, kommunala skolor', GY, number(14.4, { spread: 0.8, trend: 0.05, gap: 0.6, form: 'V17' }), { ou: true, gender: true, auspices: 'E' }],
	['Z17006', 'Gymnasieelever i år 2: Jag känner mig trygg i skolan, positiva svar, andel (%)', GY, percent(88, { spread: 4, gap: -1, form: 'V17' }), { ou: true, gender: true, auspices: 'E' }],
	['Z17007', 'Lärare (heltidstjänster) med pedagogisk högskoleexamen i gymnasieskola, kommunala skolor, andel (%)', GY, percent(82, { gap: 0, form: 'V17' }), { ou: true, auspices: 'E' }],
	['Z17008', 'Kostnad gymnasieskola, kr/elev', GY, kronor(135000)],
	['Z17009', 'Elever på introduktionsprogram i gymnasieskola, andel (%)', GY, percent(9, { spread: 3, trend: 0, gap: -1 }), { gender: true, auspices: 'X' }],
	['Z17010', 'Gymnasieelever som är etablerade på arbetsmarknaden eller studerar ett år efter fullföljd utbildning, andel (%)', GY, percent(72, { gap: 0 }), { gender: true, auspices: 'X' }],
	['Z18001', 'Elever i kommunal vuxenutbildning som fullföljt kurs, andel (%)', VUX, percent(78, { gap: 2 }), { gender: true, auspices: 'X' }],
	['Z18002', 'Elever i svenska för invandrare som klarat minst två kurser av de påbörjade, andel (%)', VUX, percent(55, { gap: 4 }), { gender: true, auspices: 'X' }],
	['Z18003', 'Kostnad kommunal vuxenutbildning, kr/invånare 20–64 år', VUX, kronor(1900)],
	['Z10001', 'Ungdomar 16–20 år som varken arbetar eller studerar, andel (%)', BEF, percent(5, { spread: 2, trend: 0, gap: -0.5 }), { gender: true, auspices: null }],
	['Z10002', 'Nettokostnad utbildning, kr/invånare', EK, kronor(29000)]
];

const publication = (shape: ValueShape) => `${shape.lastYear + 1}-06-15`;

/** The catalogue as `/v3/kpi` answers it, in id order (as Kolada lists it). */
export function recordedKpis(): StubKpi[] {
	return ENTRIES.map(([id, title, area, shape, flags = {}]): StubKpi => ({
		id,
		title,
		description: flags.description ?? `${title.replace(/, (andel \(%\)|antal|genomsnitt.*|kr\/.*)$/, '')}. Källa: Kolada (inspelat svar för tester).`,
		operating_area: area,
		has_ou_data: flags.ou ?? false,
		is_divided_by_gender: flags.gender ?? false,
		municipality_type: 'K',
		publication_date: publication(shape),
		prel_publication_date: shape.lastYear === LAST_YEAR ? `${LAST_YEAR + 1}-02-20` : null,
		ou_publication_date: flags.ou ? publication(shape) : null,
		auspices: flags.auspices === undefined ? 'X' : flags.auspices,
		publ_period: String(shape.lastYear)
	})).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How each recorded figure's values look (for the generator and the bench). */
export function valueShapes(): Map<string, ValueShape> {
	return new Map(ENTRIES.map(([id, , , shape]) => [id, shape]));
}

export interface StubMunicipality {
	id: string;
	title: string;
	type: 'K' | 'L';
}

/** Riket, the demo's fictional Exempelkommun (1280) and five real municipalities. */
export const MUNICIPALITIES: StubMunicipality[] = [
	{ id: '0000', title: 'Riket', type: 'L' },
	{ id: '1280', title: 'Exempelkommun', type: 'K' },
	{ id: '0580', title: 'Linköping', type: 'K' },
	{ id: '1290', title: 'Kristianstad', type: 'K' },
	{ id: '1380', title: 'Halmstad', type: 'K' },
	{ id: '1480', title: 'Göteborg', type: 'K' },
	{ id: '2480', title: 'Umeå', type: 'K' }
];

export interface StubMunicipalityGroup {
	id: string;
	title: string;
	members: { id: string; title: string }[];
}

const member = (id: string) => ({ id, title: MUNICIPALITIES.find((m) => m.id === id)!.title });

/** Two comparison groups, with their members as `/v3/municipality_groups` gives them. */
export const MUNICIPALITY_GROUPS: StubMunicipalityGroup[] = [
	{ id: 'G124001', title: 'Liknande kommuner grundskola, Exempelkommun', members: ['1290', '1380', '0580', '2480'].map(member) },
	{ id: 'G124002', title: 'Större städer och kommuner nära större stad', members: ['0580', '1280', '1380', '1480', '2480'].map(member) }
];

export interface StubOu {
	id: string;
	title: string;
	municipality: string;
}

/**
 * Exempelkommun's organisational units: the demo's school units (tests/peers/fixtures/school-units-1280.json),
 * and Norrskolan. The id is Kolada's: V, the school form (11 förskola, 15 grundskola, 17 gymnasieskola),
 * E, the municipality and a number.
 */
export const OUS: StubOu[] = [
	{ id: 'V11E128000101', title: 'Ekbackens förskola', municipality: '1280' },
	{ id: 'V15E128000201', title: 'Lindskolan F–6', municipality: '1280' },
	{ id: 'V15E128000301', title: 'Lindskolan 7–9', municipality: '1280' },
	{ id: 'V17E128000401', title: 'Tallgymnasiet', municipality: '1280' },
	{ id: 'V15E128000501', title: 'Norrskolan', municipality: '1280' },
	{ id: 'V15E058000101', title: 'Ekholmsskolan', municipality: '0580' },
	{ id: 'V15E129000101', title: 'Centralskolan', municipality: '1290' }
];

/** Values the stub always gives as missing (status "Missing", value null), besides the seeded few. */
export const KNOWN_MISSING: { kpi: string; entity: string; year: number }[] = [
	{ kpi: 'N15505', entity: 'V15E128000501', year: 2020 },
	{ kpi: 'N15613', entity: '1280', year: 2019 }
];
