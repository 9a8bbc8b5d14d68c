import type { RegisterUnit } from '../organisation/school-unit-register';

/**
 * Exempelkommun: a fictional organizer. The text is our own, written in the manner of real Swedish
 * plans so every preset shape is shown with plausible content.
 */
export interface DemoItem {
	level: string;
	title: string;
	ref?: string;
	description?: string;
	/** Field values; boards are given by short name (BoU, BiN, AN). */
	values?: Record<string, unknown>;
	carriedOver?: boolean;
	/** A name other items can link to. */
	key?: string;
	/** Names of further goals this item also counts under. */
	alsoUnder?: string[];
	indicators?: Record<string, unknown>[];
	children?: DemoItem[];
}

export interface DemoPlan {
	preset: string;
	frameworkName: string;
	title: string;
	kind: 'verksamhetsplan' | 'utvecklingsplan' | 'lokal_plan';
	periodKind: 'calendar_year' | 'school_year';
	startYear: number;
	owner: string;
	chapters: { title: string; body: string; placement?: 'before' | 'after' }[];
	items: DemoItem[];
	adoption?: { adoptedBy: string; adoptedOn: string; registryNumber: string };
	/** Published at the organisation's public address (adopted plans only). */
	published?: boolean;
}

export const DEMO_TENANT = { slug: 'exempelkommun', name: 'Exempelkommun' };

/**
 * The demo's place in Kolada, offline: its answers are recorded in kolada-recorded.json (made from the
 * local Kolada stub by scripts/record-kolada-demo.ts). Exempelkommun's code 1280 and its units are the
 * stub's, fictional (in the real Kolada 1280 is Malmö, so the nightly sync leaves the demo alone).
 * `kpis` are the key figures the demo's indicators are linked to.
 */
export const DEMO_KOLADA = {
	municipalityCode: '1280',
	comparisonGroupId: 'G124001',
	kpis: ['N15428', 'N15419', 'N15505', 'N15613'],
	file: 'kolada-recorded.json'
};

export const DEMO_UNITS: { name: string; kind: string; shortName?: string; parent?: string }[] = [
	{ name: 'Barn- och ungdomsnämnden', kind: 'board', shortName: 'BoU', parent: 'Exempelkommun' },
	{ name: 'Bildningsnämnden', kind: 'board', shortName: 'BiN', parent: 'Exempelkommun' },
	{ name: 'Arbetsmarknadsnämnden', kind: 'board', shortName: 'AN', parent: 'Exempelkommun' },
	{ name: 'Utbildningsförvaltningen', kind: 'administration', parent: 'Exempelkommun' },
	{ name: 'Skolområde Norr', kind: 'school_area', parent: 'Utbildningsförvaltningen' },
	{ name: 'Skolområde Söder', kind: 'school_area', parent: 'Utbildningsförvaltningen' },
	{ name: 'Norrskolan', kind: 'school_unit', parent: 'Skolområde Norr' },
	{ name: 'Södra gymnasiet', kind: 'school_unit', parent: 'Skolområde Söder' }
];

/**
 * School units as the school unit register gives them — the codes, names and school forms the stub
 * register answers with for municipality 1280 (tests/peers/fixtures/school-units-1280.json) — brought
 * into the unit tree by the import, under their school area. Ekbackens förskola is one of them.
 */
export const DEMO_SCHOOL_UNITS: { parent: string; units: RegisterUnit[] }[] = [
	{
		parent: 'Skolområde Norr',
		units: [
			{ code: '12801001', name: 'Ekbackens förskola', status: 'AKTIV', schoolForms: ['FS'], municipalityCode: '1280', closedOn: null },
			{ code: '12801002', name: 'Lindskolan F–6', status: 'AKTIV', schoolForms: ['FKLASS', 'FTH', 'GR'], municipalityCode: '1280', closedOn: null },
			{ code: '12801003', name: 'Lindskolan 7–9', status: 'AKTIV', schoolForms: ['GR', 'GRAN'], municipalityCode: '1280', closedOn: null }
		]
	},
	{
		parent: 'Skolområde Söder',
		units: [{ code: '12801004', name: 'Tallgymnasiet', status: 'AKTIV', schoolForms: ['GY', 'GYAN'], municipalityCode: '1280', closedOn: null }]
	}
];

/**
 * Sign-in details shown on the login page in demo mode only: one person for each role at the organiser,
 * and a rektor (a planner on her school) who builds and reports the school's own plan in the steering chain.
 * `key` names the demo button; the rektor's unit comes with the school unit register's import.
 */
const DEMO_PASSWORD = 'exempel-demo-2025';
export const DEMO_USERS = [
	{ key: 'admin', email: 'admin@exempelkommun.se', name: 'Maria Sundin', role: 'admin', unit: 'Exempelkommun', titles: ['Förvaltningschef'], password: DEMO_PASSWORD },
	{ key: 'planner', email: 'planerare@exempelkommun.se', name: 'Karin Ek', role: 'planner', unit: 'Utbildningsförvaltningen', titles: ['Planeringschef'], password: DEMO_PASSWORD },
	{ key: 'reporter', email: 'rapportor@exempelkommun.se', name: 'Omar Haddad', role: 'reporter', unit: 'Utbildningsförvaltningen', titles: ['Utvecklingschef', 'Skolchef grundskola'], password: DEMO_PASSWORD },
	{ key: 'reader', email: 'lasare@exempelkommun.se', name: 'Lena Björk', role: 'reader', unit: 'Exempelkommun', titles: [], password: DEMO_PASSWORD },
	{ key: 'rektor', email: 'rektor@exempelkommun.se', name: 'Sara Lindqvist', role: 'planner', unit: 'Lindskolan F–6', titles: ['Rektor Lindskolan F–6'], password: DEMO_PASSWORD }
] as const;

const yesNo = (name: string) => ({ name, kind: 'yes_no', targetKind: 'value', targetComparison: '=', targetValue: 'ja' });

export const DEMO_PLANS: DemoPlan[] = [
	{
		preset: 'malomrade-matt',
		frameworkName: 'Målområden med mått',
		title: 'Verksamhetsplan 2025',
		kind: 'verksamhetsplan',
		periodKind: 'calendar_year',
		startYear: 2025,
		owner: 'Utbildningsförvaltningen',
		adoption: { adoptedBy: 'Förvaltningschef Maria Sundin', adoptedOn: '2025-01-22', registryNumber: 'Dnr 2025/104' },
		published: true,
		chapters: [
			{
				title: 'Förvaltningschefen inleder',
				body:
					'Färre barn föds och fler elever behöver språkligt stöd. Det ställer krav på att vi använder resurserna där de gör störst nytta.\n\n' +
					'Under året prioriterar vi **tidiga insatser** i läsa, skriva och räkna, trygga lärmiljöer och en gymnasieskola som möter arbetsmarknadens behov.\n\n' +
					'Maria Sundin, förvaltningschef'
			},
			{
				title: 'Nämndens uppdrag och ansvarsområde',
				body:
					'Barn- och ungdomsnämnden fullgör kommunens uppgifter inom förskola, fritidshem, förskoleklass och grundskola. ' +
					'Bildningsnämnden ansvarar för gymnasieskola och vuxenutbildning.\n\n' +
					'- Nämnden är huvudman för den kommunala skolan.\n- Nämnden följer upp resultat och måluppfyllelse.'
			},
			{
				title: 'Styrning',
				body:
					'Verksamhetsplanen bygger på målområdena i nämndens styrkort. Den anger **vad** vi vill uppnå, **hur** det ska göras och mätas, och **vem** som följer upp. ' +
					'Planen fastställs av förvaltningschefen och följs upp i delårsrapporten och årsredovisningen.'
			}
		],
		items: [
			{
				level: 'malomrade',
				title: 'Trygghet',
				description: 'Exempelkommun är en trygg kommun som präglas av tillit och god tillgänglighet.',
				values: { sammanfattning: 'Alla ska känna sig trygga där de bor, arbetar och går i skola.' },
				children: [
					{
						level: 'resultatmal',
						title: 'Trygga barn och elever med lust att lära',
						indicators: [
							{
								name: 'Andel elever i åk 8 som känner sig trygga i skolan',
								kind: 'percent',
								unit: '%',
								direction: 'increase',
								targetKind: 'value',
								targetComparison: '>=',
								targetValue: '90',
								baselineValue: '86,5',
								baselineLabel: '2024'
							},
							{
								name: 'Andel elever i åk 5 som känner sig trygga i skolan',
								kind: 'percent',
								unit: '%',
								direction: 'increase',
								targetKind: 'value',
								targetComparison: '>=',
								targetValue: '90',
								koladaKpi: 'N15613'
							}
						],
						children: [
							{
								level: 'aktivitet',
								title: 'En förebyggande säkerhetsgenomgång genomförs på varje högstadie- och gymnasieskola.',
								values: {
									matt: ['Alla högstadie- och gymnasieskolor har genomfört en säkerhetsgenomgång.'],
									malvarde: ['ja/nej'],
									responsible: ['Planeringschef']
								},
								indicators: [yesNo('Säkerhetsgenomgång genomförd på alla skolor')]
							},
							{
								level: 'aktivitet',
								title: 'Rektorerna tar ställning till hur tillträdet till skolans lokaler styrs, enligt gemensam mall.',
								values: {
									matt: ['Alla verksamheter har tagit ställning.'],
									malvarde: ['ja/nej'],
									responsible: ['Planeringschef', 'Skolchef grundskola']
								}
							}
						]
					}
				]
			},
			{
				level: 'malomrade',
				title: 'Arbetsmarknad',
				description: 'Utbildningen möter arbetsmarknadens behov av kompetens.',
				children: [
					{
						level: 'resultatmal',
						title: 'Möt arbetsmarknadens behov',
						children: [
							{
								level: 'aktivitet',
								title: 'Samverka med huvudmännen i regionen inför beslut om antalet platser på gymnasieskolans program.',
								values: {
									matt: [
										'Andelen platser på El- och energiprogrammet ökar.',
										'Andelen platser på Vård- och omsorgsprogrammet ökar.',
										'Andelen platser på Estetiska programmet minskar.'
									],
									malvarde: ['Ökat; ja/nej', 'Ökat; ja/nej', 'Minskat; ja/nej'],
									responsible: ['Skolchef gymnasieskola/vuxenutbildning']
								},
								indicators: [
									{
										name: 'Antal sökande i förstahand till El- och energiprogrammet',
										kind: 'number',
										unit: 'sökande',
										direction: 'increase',
										targetKind: 'change',
										targetChange: 'increase',
										baselineValue: '41',
										baselineLabel: '2024'
									}
								]
							},
							{
								level: 'aktivitet',
								title: 'Studie- och yrkesvägledare informerar särskilt om program där jobben finns.',
								values: {
									matt: ['Andelen sökande till Industritekniska programmet ökar i förhållande till föregående år.'],
									malvarde: ['Ökat (i förhållande till föregående år); ja/nej'],
									responsible: ['Skolchef gymnasieskola/vuxenutbildning']
								}
							}
						]
					}
				]
			},
			{
				level: 'malomrade',
				title: 'Utbildning',
				description: 'Förutsättningar för ett livslångt lärande i samklang med arbetsliv och akademi.',
				children: [
					{
						level: 'resultatmal',
						title: 'Höga kunskapsresultat',
						indicators: [
							{
								name: 'Andel elever i åk 9 som är behöriga till yrkesprogram',
								kind: 'percent',
								unit: '%',
								direction: 'increase',
								targetKind: 'value',
								targetComparison: '>=',
								targetValue: '85',
								baselineValue: '82,4',
								baselineLabel: '2024',
								koladaKpi: 'N15428'
							},
							{
								name: 'Andel elever i åk 9 som uppnått kunskapskraven i alla ämnen',
								kind: 'percent',
								unit: '%',
								direction: 'increase',
								targetKind: 'value',
								targetComparison: '>=',
								targetValue: '80',
								koladaKpi: 'N15419'
							},
							{
								name: 'Genomsnittligt meritvärde i åk 9',
								kind: 'number',
								unit: 'poäng',
								direction: 'increase',
								targetKind: 'change',
								targetChange: 'increase',
								koladaKpi: 'N15505'
							},
							{
								name: 'Andel elever med hög frånvaro',
								kind: 'percent',
								unit: '%',
								direction: 'decrease',
								targetKind: 'value',
								targetComparison: '<',
								targetValue: '0,5'
							}
						],
						children: [
							{
								level: 'aktivitet',
								title: 'En gemensam struktur tas fram för uppföljning och analys av garantin för tidiga stödinsatser.',
								values: {
									matt: ['Förvaltningsövergripande rutin finns för läsa-skriva-räkna-garantin.', 'Analyser av resultat har påbörjats.'],
									malvarde: ['Ja/nej', 'Ja/nej'],
									responsible: ['Utvecklingschef']
								}
							},
							{
								level: 'aktivitet',
								title: 'Skolsociala team följs upp och beslut fattas om fortsättning.',
								values: {
									matt: ['Antalet elever med hög frånvaro ökar inte i skolområden med skolsociala team.'],
									malvarde: ['Ja/nej'],
									responsible: ['Skolchef skolområde Söder']
								}
							}
						]
					}
				]
			}
		]
	},
	{
		preset: 'perspektiv-uppdrag',
		frameworkName: 'Perspektiv och strategiska uppdrag',
		title: 'Utbildningsförvaltningens verksamhetsplan 2025',
		kind: 'verksamhetsplan',
		periodKind: 'calendar_year',
		startYear: 2025,
		owner: 'Utbildningsförvaltningen',
		chapters: [
			{
				title: 'Förvaltningens verksamhet och utveckling',
				body: 'Aktiviteterna i planen säkrar nämndernas uppdrag och den politiska inriktningen i internbudgeten. De följs upp per den 31 augusti och i årsredovisningen.'
			},
			{
				title: 'Strategiska utvecklingsuppdrag',
				body: 'Strategiska utvecklingsuppdrag beslutas av kommunfullmäktige i samband med budgeten. Uppdrag 1–12 gäller alla nämnder; 13 och framåt är nämndspecifika.'
			}
		],
		items: [
			{
				level: 'perspektiv',
				title: 'Medborgare',
				children: [
					{
						level: 'kommunmal',
						title: 'Skolor med fokus på kunskap och studiero',
						children: [
							{
								level: 'namndmal',
								key: 'maximalt-larande',
								title: 'Maximalt lärande',
								description: 'Alla barn och elever utmanas utifrån sina förutsättningar att nå så långt som möjligt.',
								children: [
									{
										level: 'uppdrag',
										ref: '17',
										title: 'Stärka likvärdigheten och öka andelen grundskoleelever som blir behöriga till gymnasieskolan.',
										values: { typ: 'Nämndspecifikt', boards: ['BoU'] },
										children: [
											{
												level: 'aktivitet',
												title: 'Använda det nationella kvalitetssystemet för att följa upp skolornas kvalitetsarbete',
												values: { boards: ['BoU'], deadline: 'September', responsible: ['Utvecklingschef'] }
											},
											{
												level: 'aktivitet',
												title: 'Ta fram verktyg som stödjer anpassningar i undervisningen i matematik och svenska',
												values: { boards: ['BoU'], deadline: 'December', responsible: ['Skolchef grundskola'] },
												carriedOver: true
											}
										]
									}
								]
							},
							{
								level: 'namndmal',
								key: 'likvardiga-mojligheter',
								title: 'Likvärdiga möjligheter',
								description: 'Förskola och skola är likvärdig, där varje barn och elev har möjlighet att lyckas.',
								children: [
									{
										level: 'uppdrag',
										ref: '14',
										title: 'Successivt införa heltidsmentorer på alla högstadie- och gymnasieskolor.',
										values: { typ: 'Nämndspecifikt', boards: ['BoU', 'BiN'] },
										children: [
											{
												level: 'aktivitet',
												title: 'Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer',
												values: { boards: ['BoU', 'BiN'], deadline: 'Mars', responsible: ['Skolchef grundskola', 'Skolchef gymnasieskola/vuxenutbildning'] }
											}
										]
									},
									{
										level: 'uppdrag',
										ref: '2',
										title: 'Motverka strukturella orsaker till segregation inom ramen för basuppdraget.',
										values: { typ: 'Kommungemensamt', boards: ['BoU', 'BiN', 'AN'] },
										children: [
											{
												level: 'aktivitet',
												title: 'Ta fram strategi och insatser för föräldraskapsstöd',
												values: { boards: ['BoU'], deadline: 'December', responsible: ['Planeringschef'] },
												alsoUnder: ['maximalt-larande'],
												carriedOver: true
											}
										]
									}
								]
							}
						]
					}
				]
			},
			{
				level: 'perspektiv',
				title: 'Medarbetare',
				children: [
					{
						level: 'kommunmal',
						title: 'En attraktiv arbetsgivare',
						children: [
							{
								level: 'namndmal',
								title: 'Hållbart medarbetarskap',
								description: 'Medarbetare och chefer har goda förutsättningar att utföra sitt uppdrag.',
								indicators: [
									{
										name: 'Sjukfrånvaro bland medarbetare',
										kind: 'percent',
										unit: '%',
										direction: 'decrease',
										targetKind: 'value',
										targetComparison: '<=',
										targetValue: '6',
										baselineValue: '6,8',
										baselineLabel: '2024'
									}
								],
								children: [
									{
										level: 'uppdrag',
										ref: '12',
										title: 'Stärka chefers förutsättningar, minska personalomsättningen och sjukfrånvaron utifrån friskfaktorer.',
										values: { typ: 'Kommungemensamt', boards: ['BoU', 'BiN'] },
										children: [
											{
												level: 'aktivitet',
												title: 'Införa gemensamma introduktionsdagar för nya rektorer',
												values: { boards: ['BoU', 'BiN'], deadline: 'Oktober', responsible: ['HR-chef'] }
											}
										]
									}
								]
							}
						]
					}
				]
			}
		]
	},
	{
		preset: 'omrade-insatser',
		frameworkName: 'Områden med insatser och effekter',
		title: 'Utvecklingsplan läsåret 2025/26',
		kind: 'utvecklingsplan',
		periodKind: 'school_year',
		startYear: 2025,
		owner: 'Utbildningsförvaltningen',
		chapters: [
			{
				title: 'Inledning',
				body: 'Utvecklingsplanen anger förvaltningens prioriterade områden för läsåret och vilka effekter vi vill se.'
			}
		],
		items: [
			{
				level: 'omrade',
				title: 'Långsiktig hållbarhet och lokalplanering',
				description:
					'Lokalerna är kostnadsdrivande och tar mycket av rektorernas tid. Vi behöver framförhållning i placeringar och en långsiktig lokalförsörjning.',
				values: {
					effekter: 'Rektorerna får en bättre arbetssituation och kan fokusera på det pedagogiska ledarskapet. Färre akuta lösningar.',
					kontakt: 'Planeringsavdelningen'
				},
				children: [
					{ level: 'insats', title: 'Ta fram en plan för strategisk lokalplanering i ett 0–20-årsperspektiv', values: { responsible: ['Planeringschef'], deadline: 'VT26' } },
					{ level: 'insats', title: 'Avveckla paviljonger och inhyrda lokaler där det är möjligt', values: { responsible: ['Planeringschef'], deadline: 'HT25' } },
					{ level: 'insats', title: 'Utveckla en effektiv lokalprocess tillsammans med samhällsbyggnadskontoret', values: { responsible: ['Ekonomichef'], deadline: 'juni' } }
				]
			},
			{
				level: 'omrade',
				title: 'Språkutveckling i förskolan',
				description: 'Fler barn har låg språklig nivå när de börjar förskoleklass.',
				values: { effekter: 'Barnens ordförråd och språkliga medvetenhet ökar.', kontakt: 'Utvecklingsenheten' },
				children: [
					{ level: 'insats', title: 'Sprida resultaten från projektet Språkutvecklande förskola till alla specialpedagoger', values: { responsible: ['Utvecklingschef'], deadline: 'dec 25' } },
					{ level: 'insats', title: 'Erbjuda språkhöjande insatser för medarbetare i förskolan', values: { responsible: ['HR-chef'], deadline: 'VT26' } }
				]
			}
		]
	},
	{
		preset: 'enkel',
		frameworkName: 'Enkel målmodell',
		title: 'Lokal utvecklingsplan Norrskolan 2025/26',
		kind: 'lokal_plan',
		periodKind: 'school_year',
		startYear: 2025,
		owner: 'Norrskolan',
		chapters: [{ title: 'Skolans nuläge', body: 'Norrskolan har 420 elever i årskurs F–9. Resultaten i matematik i åk 6 har sjunkit två år i rad.' }],
		items: [
			{
				level: 'mal',
				title: 'Fler elever når kunskapskraven i matematik',
				indicators: [
					{
						name: 'Andel elever i åk 6 med lägst betyget E i matematik',
						kind: 'percent',
						unit: '%',
						direction: 'increase',
						targetKind: 'value',
						targetComparison: '>=',
						targetValue: '90',
						baselineValue: '84',
						baselineLabel: 'VT25'
					}
				],
				children: [
					{ level: 'aktivitet', ref: '1.', title: 'Kollegialt lärande i matematikdidaktik varannan vecka', values: { responsible: ['Rektor Norrskolan'], deadline: 'VT26' } },
					{ level: 'aktivitet', ref: '2.', title: 'Kartläggning av elevernas taluppfattning i åk 4', values: { responsible: ['Förstelärare matematik'], deadline: 'oktober' } }
				]
			},
			{
				level: 'mal',
				title: 'Trygghet och studiero i alla klassrum',
				children: [
					{ level: 'aktivitet', ref: '3.', title: 'Gemensamma ordningsregler tas fram med elevrådet', values: { responsible: ['Rektor Norrskolan'], deadline: 'HT25' } }
				]
			}
		]
	},
	{
		preset: 'namndmal-insats-delar',
		frameworkName: 'Nämndmål med insatser i delar',
		title: 'Insatsplan grundskolan 2025/26',
		kind: 'utvecklingsplan',
		periodKind: 'school_year',
		startYear: 2025,
		owner: 'Utbildningsförvaltningen',
		chapters: [
			{ title: 'Om insatsplanen', body: 'Insatsplanen beskriver hur förvaltningen arbetar mot nämndens mål för grundskolan under läsåret.' },
			{
				title: 'Uppföljning och spridning',
				body: 'Insatserna följs upp i rektorsgruppen varje månad och redovisas för nämnden i delårsrapporten. Planen publiceras på kommunens webbplats.',
				placement: 'after'
			}
		],
		items: [
			{
				level: 'namndmal',
				ref: '1.',
				title: 'Alla elever ges förutsättningar att nå kunskapskraven',
				children: [
					{
						level: 'insats',
						title: 'Språkutvecklande arbetssätt i alla ämnen',
						description: 'Alla lärare i åk 7–9 arbetar med språkutvecklande undervisning enligt en gemensam modell.',
						values: {
							bakgrund: 'Resultaten i svenska och SO i åk 9 har sjunkit tre år i rad, och **läsförståelsen** är svagast bland elever med kort tid i svensk skola.',
							responsible: ['Skolchef grundskola', 'Utvecklingschef'],
							uppdragsbeskrivning: 'ja'
						},
						// Numbered rows of cells: the number identifies each part, it has no title of its own.
						children: [
							{
								level: 'del',
								ref: '1',
								title: '',
								values: {
									vad_nar: 'Kartläggning av elevernas läsförståelse i åk 7, **HT25**',
									uppfoljning: '*När:* december\n*Forum:* rektorsgruppen\n*Av vem:* utvecklingschef',
									effekt: 'Varje skola vet vilka elever som behöver stöd i läsning.',
									resurser: 'Förstelärare i svenska, 10 % av tjänsten'
								}
							},
							{
								level: 'del',
								ref: '2',
								title: '',
								values: {
									vad_nar: 'Fortbildning i språkutvecklande arbetssätt för alla lärare, VT26',
									uppfoljning: '*När:* juni\n*Forum:* ledningsgruppen\n*Av vem:* skolchef grundskola',
									effekt: '- Fler elever förstår ämnestexterna\n- Lärarna planerar undervisningen tillsammans',
									resurser: 'Två studiedagar och handledning från Skolverket'
								}
							}
						]
					}
				]
			}
		]
	}
];

export interface DemoPeriod {
	plan: string;
	name: string;
	asOf: string;
	dueOn: string;
	closed: boolean;
	/** Item title → the status or assessment label and the comment or analysis. */
	reports: [string, string, string][];
	/** Indicator name → value as typed. */
	values: [string, string][];
}

export const DEMO_PERIODS: DemoPeriod[] = [
	{
		plan: 'Utbildningsförvaltningens verksamhetsplan 2025',
		name: 'Delår 1 per 30 april',
		asOf: '2025-04-30',
		dueOn: '2025-05-15',
		closed: true,
		reports: [
			['Använda det nationella kvalitetssystemet för att följa upp skolornas kvalitetsarbete', 'Påbörjas under hösten', 'Planering klar, start i augusti.'],
			['Ta fram verktyg som stödjer anpassningar i undervisningen i matematik och svenska', 'Pågående', 'Fyra skolor testar verktyget.'],
			['Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer', 'Genomförd', 'Samtliga skolor har tillsatt heltidsmentorer.'],
			['Ta fram strategi och insatser för föräldraskapsstöd', 'Pågående', 'Kartläggning av befintligt stöd pågår.'],
			['Införa gemensamma introduktionsdagar för nya rektorer', 'Ej påbörjad', ''],
			['Maximalt lärande', 'Delvis uppfyllt', 'Resultaten i matematik åk 6 har förbättrats, men skillnaderna mellan skolor är fortfarande stora.'],
			['Hållbart medarbetarskap', 'Delvis uppfyllt', 'Sjukfrånvaron minskar långsamt; störst minskning i förskolan.']
		],
		values: [['Sjukfrånvaro bland medarbetare', '6,6']]
	},
	{
		plan: 'Utbildningsförvaltningens verksamhetsplan 2025',
		name: 'Delår 2 per 31 augusti',
		asOf: '2025-08-31',
		dueOn: '2025-09-15',
		closed: false,
		reports: [
			['Följa upp att alla kommunala högstadie- och gymnasieskolor har heltidsmentorer', 'Genomförd', 'Klart sedan mars.'],
			['Ta fram verktyg som stödjer anpassningar i undervisningen i matematik och svenska', 'Pågående', 'Breddinförande under hösten; kommer att slutföras 2026.']
		],
		values: [['Sjukfrånvaro bland medarbetare', '6,1']]
	},
	{
		// The units report in it (DEMO_CHAIN); the organiser's own analysis of the whole is yet to be written.
		plan: 'Verksamhetsplan 2025',
		name: 'Delår 1 per 30 april',
		asOf: '2025-04-30',
		dueOn: '2025-05-15',
		closed: true,
		reports: [],
		values: []
	},
	{
		plan: 'Verksamhetsplan 2025',
		name: 'Delår 2 per 31 augusti',
		asOf: '2025-08-31',
		dueOn: '2025-09-20',
		closed: false,
		reports: [['En förebyggande säkerhetsgenomgång genomförs på varje högstadie- och gymnasieskola.', 'Pågående', 'Sex av nio skolor klara.']],
		values: [['Andel elever i åk 8 som känner sig trygga i skolan', '87,9']]
	}
];

/** A school unit's own plan in the steering chain: its work under the organiser's goals, and its reports. */
export interface DemoUnitPlan {
	unit: string;
	/** The unit's own chapter: where it stands. */
	chapter: { title: string; body: string };
	/** Under the goal of that title (its anchor in the unit's plan): the unit's activities. */
	items: { goal: string; ref: string; title: string; responsible: string[]; deadline: string }[];
	/** Under the goal of that title: the unit's own indicators (a Kolada key figure is measured at the school unit). */
	indicators?: { goal: string; indicator: Record<string, unknown> }[];
	/** Organiser's period name → item or goal title → the status or assessment label and the comment or analysis. */
	reports: Record<string, [string, string, string][]>;
}

export interface DemoChain {
	/** The organiser's adopted plan whose goals are sent down, and the steering model of the units' plans (a demo plan's, by name). */
	plan: string;
	unitFramework: string;
	/** Goals (titles in the plan) sent to units (names), in turns as a planner sends them. */
	sendings: { goals: string[]; units: string[] }[];
	/** The organiser's periods opened for the units (by name), in order; a closed one is closed for them after their reports. */
	periods: string[];
	units: DemoUnitPlan[];
}

const SAFE = 'Trygga barn och elever med lust att lära';
const RESULTS = 'Höga kunskapsresultat';
const LABOUR = 'Möt arbetsmarknadens behov';

/** The steering chain: the organiser's result goals in the school units' own plans, with their work and reports. Norrskolan is left out of it. */
export const DEMO_CHAIN: DemoChain = {
	plan: 'Verksamhetsplan 2025',
	unitFramework: 'Enkel målmodell',
	sendings: [
		{ goals: [SAFE, RESULTS], units: ['Ekbackens förskola', 'Lindskolan F–6', 'Lindskolan 7–9', 'Tallgymnasiet'] },
		{ goals: [LABOUR], units: ['Lindskolan 7–9', 'Tallgymnasiet'] }
	],
	periods: ['Delår 1 per 30 april', 'Delår 2 per 31 augusti'],
	units: [
		{
			unit: 'Ekbackens förskola',
			chapter: { title: 'Enhetens nuläge', body: 'Ekbackens förskola har fem barngrupper med 92 barn. Fler barn än tidigare har ett annat modersmål än svenska.' },
			items: [
				{ goal: SAFE, ref: '1.', title: 'Trygghetsvandring med barnen i förskolans inne- och utemiljö', responsible: ['Förskolechef Ekbackens förskola'], deadline: 'VT25' },
				{ goal: SAFE, ref: '2.', title: 'Planen mot kränkande behandling revideras tillsammans med vårdnadshavarna', responsible: ['Förskolechef Ekbackens förskola'], deadline: 'HT25' },
				{ goal: RESULTS, ref: '3.', title: 'Språkpromenader och högläsning i alla barngrupper varje vecka', responsible: ['Förskollärare språkutveckling Ekbacken'], deadline: 'dec 25' }
			],
			reports: {
				'Delår 1 per 30 april': [
					[SAFE, 'Uppfyllt', 'Barnen pekade ut två otrygga platser på gården; båda är åtgärdade. Vårdnadshavarna ger höga betyg för tryggheten i enkäten.'],
					[RESULTS, 'Delvis uppfyllt', 'Högläsningen är i gång i fyra av fem grupper. Den femte saknar ordinarie personal sedan januari.'],
					['Trygghetsvandring med barnen i förskolans inne- och utemiljö', 'Genomförd', 'Genomförd i mars i alla grupper.'],
					['Planen mot kränkande behandling revideras tillsammans med vårdnadshavarna', 'Påbörjas under hösten', 'Tas upp på föräldramötet i september.'],
					['Språkpromenader och högläsning i alla barngrupper varje vecka', 'Pågående', 'Fyra av fem grupper.']
				]
			}
		},
		{
			unit: 'Lindskolan F–6',
			chapter: { title: 'Enhetens nuläge', body: 'Lindskolan F–6 har 310 elever. Tryggheten är god i de lägre årskurserna men har sjunkit i åk 5.' },
			items: [
				{ goal: SAFE, ref: '1.', title: 'Rastvärdar och gemensamma rastaktiviteter på lågstadiet', responsible: ['Rektor Lindskolan F–6'], deadline: 'VT25' },
				{ goal: SAFE, ref: '2.', title: 'Elevhälsoteamet följer upp frånvaron varje månad', responsible: ['Skolkurator Lindskolan'], deadline: 'HT25' },
				{ goal: RESULTS, ref: '3.', title: 'Läsa-skriva-räkna-garantin: kartläggning i förskoleklass och åk 1', responsible: ['Speciallärare Lindskolan F–6'], deadline: 'oktober' },
				{ goal: RESULTS, ref: '4.', title: 'Lärarledd läxhjälp två eftermiddagar i veckan', responsible: ['Rektor Lindskolan F–6'], deadline: 'VT25' }
			],
			reports: {
				'Delår 1 per 30 april': [
					[SAFE, 'Delvis uppfyllt', 'Färre konflikter på rasterna enligt rastvärdarnas logg, men eleverna i åk 5 känner sig mindre trygga än förra året. Vi behöver förstå varför innan höstterminen.'],
					[RESULTS, 'Delvis uppfyllt', 'Kartläggningen visar att var femte elev i åk 1 behöver extra stöd i läsning. Stödet är planerat men inte i gång.'],
					['Rastvärdar och gemensamma rastaktiviteter på lågstadiet', 'Genomförd', 'Rastvärdar varje rast sedan februari.'],
					['Elevhälsoteamet följer upp frånvaron varje månad', 'Pågående', 'Uppföljning varje månad sedan januari.'],
					['Läsa-skriva-räkna-garantin: kartläggning i förskoleklass och åk 1', 'Genomförd', 'Kartläggningen klar i april.'],
					['Lärarledd läxhjälp två eftermiddagar i veckan', 'Pågående', 'Omkring 30 elever kommer varje vecka.']
				],
				'Delår 2 per 31 augusti': [
					[SAFE, 'Delvis uppfyllt', 'Samtal med eleverna i åk 5 visar att otryggheten gäller omklädningsrummen. Vuxna finns nu där inför varje idrottslektion.'],
					['Elevhälsoteamet följer upp frånvaron varje månad', 'Pågående', 'Fortsätter under hösten.']
				]
			}
		},
		{
			unit: 'Lindskolan 7–9',
			chapter: { title: 'Enhetens nuläge', body: 'Lindskolan 7–9 har 260 elever. Andelen behöriga till gymnasiet har legat under kommunens snitt två år i rad.' },
			items: [
				{ goal: SAFE, ref: '1.', title: 'Trygghetsenkät i alla klasser och uppföljning i klassråden', responsible: ['Rektor Lindskolan 7–9'], deadline: 'mars' },
				{ goal: RESULTS, ref: '2.', title: 'Ämneslagen analyserar resultaten på de nationella proven i åk 9', responsible: ['Förstelärare Lindskolan 7–9'], deadline: 'juni' },
				{ goal: RESULTS, ref: '3.', title: 'Studiestöd i matematik för elever som riskerar att inte nå godtagbara kunskaper', responsible: ['Speciallärare Lindskolan 7–9'], deadline: 'VT25' },
				{ goal: LABOUR, ref: '4.', title: 'Prao i åk 8 med fler platser inom teknik och vård', responsible: ['Studie- och yrkesvägledare Lindskolan 7–9'], deadline: 'HT25' }
			],
			indicators: [
				{
					goal: RESULTS,
					indicator: {
						name: 'Meritvärde i åk 9, Lindskolan 7–9',
						kind: 'number',
						unit: 'poäng',
						direction: 'increase',
						targetKind: 'change',
						targetChange: 'increase',
						koladaKpi: 'N15505'
					}
				}
			],
			reports: {
				'Delår 1 per 30 april': [
					[SAFE, 'Uppfyllt', 'Enkäten visar att 91 % av eleverna känner sig trygga, upp från 86 %. Klassråden har tagit fram egna ordningsregler.'],
					[RESULTS, 'Ej uppfyllt', 'Andelen behöriga till yrkesprogram väntas sjunka i år. Analysen pekar på matematiken i åk 8 och på hög frånvaro hos en mindre grupp elever.'],
					[LABOUR, 'Delvis uppfyllt', 'Fler praoplatser inom vård, men teknikföretagen har ännu inte svarat.'],
					['Trygghetsenkät i alla klasser och uppföljning i klassråden', 'Genomförd', 'Enkäten besvarad av 94 % av eleverna.'],
					['Ämneslagen analyserar resultaten på de nationella proven i åk 9', 'Påbörjas under hösten', 'Proven rättas i juni; analysen görs i augusti.'],
					['Studiestöd i matematik för elever som riskerar att inte nå godtagbara kunskaper', 'Pågående', 'Två lärare har studiestöd på schemat.'],
					['Prao i åk 8 med fler platser inom teknik och vård', 'Pågående', '12 nya platser inom vård.']
				]
			}
		},
		{
			unit: 'Tallgymnasiet',
			chapter: { title: 'Enhetens nuläge', body: 'Tallgymnasiet har 540 elever på sex nationella program, bland dem El- och energiprogrammet och Vård- och omsorgsprogrammet.' },
			items: [
				{ goal: SAFE, ref: '1.', title: 'Mentorssamtal om trygghet och studiero med varje elev', responsible: ['Rektor Tallgymnasiet'], deadline: 'HT25' },
				{ goal: RESULTS, ref: '2.', title: 'Kursbetygen följs upp efter varje kursslut och stöd sätts in direkt', responsible: ['Rektor Tallgymnasiet'], deadline: 'VT25' },
				{ goal: LABOUR, ref: '3.', title: 'Branschråd för El- och energiprogrammet två gånger per termin', responsible: ['Programansvarig El- och energiprogrammet'], deadline: 'dec 25' },
				{ goal: LABOUR, ref: '4.', title: 'Gymnasiearbeten i samarbete med lokala arbetsgivare', responsible: ['Programansvarig El- och energiprogrammet'], deadline: 'VT25' }
			],
			reports: {
				'Delår 1 per 30 april': [
					[SAFE, 'Uppfyllt', 'Mentorssamtalen visar god studiero; elevernas synpunkter gäller främst matsalen.'],
					[RESULTS, 'Delvis uppfyllt', 'Fler elever klarar kurserna i matematik, men andelen med examen inom tre år är oförändrad.'],
					[LABOUR, 'Uppfyllt', 'Söktrycket till El- och energiprogrammet ökade med tolv förstahandssökande.'],
					['Mentorssamtal om trygghet och studiero med varje elev', 'Pågående', 'Hälften av eleverna har haft sitt samtal.'],
					['Kursbetygen följs upp efter varje kursslut och stöd sätts in direkt', 'Pågående', 'Stödet sätts in inom två veckor efter kursslut.'],
					['Branschråd för El- och energiprogrammet två gånger per termin', 'Genomförd', 'Två möten under våren.'],
					['Gymnasiearbeten i samarbete med lokala arbetsgivare', 'Genomförd', '18 gymnasiearbeten gjordes hos arbetsgivare.']
				],
				'Delår 2 per 31 augusti': [
					[LABOUR, 'Uppfyllt', 'Programmet är fullsatt till hösten.'],
					['Branschråd för El- och energiprogrammet två gånger per termin', 'Pågående', 'Nästa möte i oktober.']
				]
			}
		}
	]
};

/** The annual cycle of 2025: the organiser's year of quality work, as the wheel and the list show it. */
export interface DemoCycleEvent {
	name: string;
	kind: 'follow_up' | 'deadline' | 'board_meeting' | 'analysis' | 'adoption' | 'other';
	startsOn: string;
	endsOn?: string;
	/** Plans (by title) the event concerns. */
	plans?: string[];
	note?: string;
}

export const DEMO_CYCLE: { periodKind: 'calendar_year'; startYear: number; events: DemoCycleEvent[] } = {
	periodKind: 'calendar_year',
	startYear: 2025,
	events: [
		{ name: 'Nämnden fastställer verksamhetsplanen', kind: 'adoption', startsOn: '2025-01-30', plans: ['Verksamhetsplan 2025'] },
		{ name: 'Kunskapsresultaten från förra läsåret analyseras', kind: 'analysis', startsOn: '2025-02-03', endsOn: '2025-02-28' },
		{ name: 'Nämndens sammanträde', kind: 'board_meeting', startsOn: '2025-03-19' },
		{ name: 'Delår 1 per 30 april', kind: 'follow_up', startsOn: '2025-04-30', endsOn: '2025-05-15', plans: ['Verksamhetsplan 2025'], note: 'Enheterna rapporterar i sina egna planer.' },
		{ name: 'Elevenkäten stänger', kind: 'deadline', startsOn: '2025-05-23' },
		{ name: 'Nämndens sammanträde', kind: 'board_meeting', startsOn: '2025-06-11' },
		{ name: 'Delår 2 per 31 augusti', kind: 'follow_up', startsOn: '2025-08-31', endsOn: '2025-09-20', plans: ['Verksamhetsplan 2025'] },
		{ name: 'Enheternas analyser inför kvalitetsrapporten', kind: 'analysis', startsOn: '2025-10-06', endsOn: '2025-10-31' },
		{ name: 'Kvalitetsrapporten till nämnden', kind: 'board_meeting', startsOn: '2025-11-19' },
		{ name: 'Verksamhetsplan 2026 fastställs', kind: 'adoption', startsOn: '2025-12-10' }
	]
};
