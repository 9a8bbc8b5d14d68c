import { FIELD_TYPES } from '../frameworks/field-definition';
import { UNIT_KINDS } from '../db/schema';
import { PLAN_DOCUMENT_FORMAT, PLAN_DOCUMENT_VERSION } from '../presenters/plan-document';

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const bilingual = { type: 'object', required: ['sv', 'en'], properties: { sv: text, en: text } };
const error = {
	type: 'object',
	required: ['error'],
	properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: text, message: text, field: nullableText } } }
};

/** The API's description; kept beside the routes it describes and checked against them in the tests. */
export const openApiDocument = {
	openapi: '3.1.0',
	info: {
		title: 'Styrkedjan API',
		version: '1',
		description: 'Plans of an organisation in its own steering structure. All data is scoped to the caller\'s organisation; another organisation\'s ids answer 404.'
	},
	servers: [{ url: '/api/v1' }],
	security: [{ apiToken: [] }],
	paths: {
		'/plans': {
			get: {
				operationId: 'listPlans',
				summary: 'The organisation\'s plans',
				responses: {
					'200': { description: 'Plans', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/PlanSummary' } } } } },
					'401': { description: 'No valid token or session', content: { 'application/json': { schema: error } } }
				}
			}
		},
		'/plans/{planId}': {
			get: {
				operationId: 'getPlan',
				summary: 'A plan with its framework, chapters and tree of items',
				parameters: [{ name: 'planId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				responses: {
					'200': { description: 'The plan', content: { 'application/json': { schema: { $ref: '#/components/schemas/PlanDocument' } } } },
					'404': { description: 'No such plan in this organisation', content: { 'application/json': { schema: error } } }
				}
			}
		},
		'/plans/{planId}/roll-up': {
			get: {
				operationId: 'getPlanRollUp',
				summary: "The steering chain's roll-up of an organiser's plan for one period: per goal sent down, each unit's assessment, analysis and the statuses of its own work under the goal",
				description: 'Needs the right to see the follow-up overview on the plan\'s unit (administrators and planners there); an API token reads, so it is refused (403).',
				parameters: [
					{ name: 'planId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
					{ name: 'period', in: 'query', required: false, description: "One of the plan's periods; without it the last open one, else the last", schema: { type: 'string', format: 'uuid' } },
					{ name: 'kind', in: 'query', required: false, description: 'Only units of this kind', schema: { enum: [...UNIT_KINDS] } },
					{ name: 'area', in: 'query', required: false, description: 'Only units directly under this unit (their area)', schema: { type: 'string', format: 'uuid' } },
					{ name: 'form', in: 'query', required: false, description: 'Only units with this school form code of the register (GR, FS, GY …)', schema: { type: 'string' } },
					{ name: 'sort', in: 'query', required: false, description: "The units' order: by name (Swedish order, the default), by assessment (the scale's order) or by the share of their work reported; units without an assessment, or without work, come last", schema: { enum: ['unit', 'assessment', 'reported'] } },
					{ name: 'order', in: 'query', required: false, schema: { enum: ['asc', 'desc'] } }
				],
				responses: {
					'200': { description: 'The roll-up', content: { 'application/json': { schema: { $ref: '#/components/schemas/RollUp' } } } },
					'403': { description: 'Not allowed to see the follow-up overview of this plan', content: { 'application/json': { schema: error } } },
					'404': { description: 'No such plan, or no such period of it, in this organisation', content: { 'application/json': { schema: error } } }
				}
			}
		},
		'/units': {
			get: {
				operationId: 'listUnits',
				summary: 'The organisation\'s units (boards, administrations, school units …) in Swedish name order, with the school unit register\'s code, school forms and closing day',
				parameters: [
					{ name: 'kind', in: 'query', required: false, schema: { enum: [...UNIT_KINDS] } },
					{ name: 'schoolForm', in: 'query', required: false, description: 'A school form code of the register (GR, FKLASS, GY …)', schema: { type: 'string' } }
				],
				responses: {
					'200': { description: 'Units', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Unit' } } } } },
					'401': { description: 'No valid token or session', content: { 'application/json': { schema: error } } }
				}
			}
		},
		'/kolada/kpis': {
			get: {
				operationId: 'searchKoladaKpis',
				summary: "Kolada's key figures (the catalogue synced into the database) by Swedish words or by id, matches in the title first",
				description: 'Every word must begin a word of the title or description (stemmed: "trygghet" finds "trygga"); an id ("N15428") finds that figure. No words, no figures.',
				parameters: [
					{ name: 'q', in: 'query', required: false, description: 'Words or a key figure id', schema: { type: 'string', maxLength: 200 } },
					{ name: 'limit', in: 'query', required: false, description: 'Figures at most (20 without it)', schema: { type: 'integer', minimum: 1, maximum: 100 } }
				],
				responses: {
					'200': { description: 'Key figures', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/KoladaKpi' } } } } },
					'400': { description: 'q longer than 200 characters, or limit outside 1–100', content: { 'application/json': { schema: error } } },
					'401': { description: 'No valid token or session', content: { 'application/json': { schema: error } } }
				}
			}
		},
		'/kolada/syncs': {
			get: {
				operationId: 'listKoladaSyncs',
				summary: "The organisation's ten latest syncs from Kolada, newest first, with what became of each indicator linked to a key figure",
				description: 'For those who manage Kolada (administrators); an API token reads, so it is refused (403).',
				responses: {
					'200': { description: 'Syncs', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/KoladaSync' } } } } },
					'403': { description: 'Not allowed to manage Kolada', content: { 'application/json': { schema: error } } }
				}
			}
		}
	},
	components: {
		securitySchemes: {
			apiToken: {
				type: 'http',
				scheme: 'bearer',
				description: 'A token an administrator creates under API-nycklar (shown once). Reads everything in its organisation.'
			}
		},
		schemas: {
			Unit: {
				type: 'object',
				required: ['id', 'parentId', 'kind', 'name', 'shortName', 'schoolUnitCode', 'schoolForms', 'municipalityCode', 'closedOn'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					parentId: { type: ['string', 'null'], format: 'uuid' },
					kind: { enum: [...UNIT_KINDS] },
					name: text,
					shortName: nullableText,
					schoolUnitCode: { type: ['string', 'null'], description: 'Skolverket\'s school unit code (8 digits)' },
					schoolForms: { type: 'array', items: text, description: 'The register\'s school form codes' },
					municipalityCode: nullableText,
					closedOn: { type: ['string', 'null'], format: 'date', description: 'When the register marked the unit closed' }
				}
			},
			KoladaKpi: {
				type: 'object',
				required: ['id', 'title', 'description', 'operatingArea', 'hasOuData', 'isDividedByGender', 'publicationDate'],
				properties: {
					id: { type: 'string', description: "Kolada's id: a letter and five digits (N15428)" },
					title: text,
					description: text,
					operatingArea: { type: 'string', description: "Kolada's area (Grundskola, Förskola …)" },
					hasOuData: { type: 'boolean', description: 'Published per school unit, not only per municipality' },
					isDividedByGender: { type: 'boolean', description: "Published for girls and boys beside the total" },
					publicationDate: { type: ['string', 'null'], description: "Kolada's publication date, as Kolada writes it" }
				}
			},
			KoladaSync: {
				type: 'object',
				required: ['id', 'startedAt', 'finished', 'trigger', 'filled', 'kept', 'failed', 'indicators'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					startedAt: { type: 'string', format: 'date-time' },
					finished: { type: 'boolean', description: 'False while the sync runs (or if it stopped without finishing)' },
					trigger: { enum: ['manual', 'cli', 'scheduled'] },
					filled: { type: 'integer', description: 'Outcomes filled or updated from Kolada' },
					kept: { type: 'integer', description: "Outcomes where a person's own value stands and Kolada has another (kept, for the person to choose)" },
					failed: { type: 'integer', description: 'Indicators that could not be filled' },
					indicators: {
						type: 'array',
						items: {
							type: 'object',
							required: ['name', 'kpi', 'place', 'filled', 'kept', 'missing', 'error'],
							properties: {
								name: text,
								kpi: text,
								place: { type: 'string', description: 'Where it is measured: the Kolada unit id of a school with unit data, else the municipality code' },
								filled: { type: 'integer' },
								kept: { type: 'integer' },
								missing: { type: 'integer', description: 'Open periods whose year Kolada has no value for (not yet published, or missing)' },
								error: { type: ['string', 'null'], description: 'Why the indicator could not be filled, in the caller\'s language' }
							}
						}
					}
				}
			},
			RollUp: {
				type: 'object',
				required: ['plan', 'period', 'goals'],
				properties: {
					plan: { type: 'object', required: ['id', 'title'], properties: { id: { type: 'string', format: 'uuid' }, title: text } },
					period: {
						type: ['object', 'null'],
						description: 'The period shown; null when the plan has none',
						properties: { id: { type: 'string', format: 'uuid' }, name: text, asOf: { type: 'string', format: 'date' }, dueOn: { type: 'string', format: 'date' }, closed: { type: 'boolean' } }
					},
					goals: {
						type: 'array',
						description: 'The goals sent down, in the plan\'s order',
						items: {
							type: 'object',
							required: ['id', 'label', 'assessed', 'distribution', 'units'],
							properties: {
								id: { type: 'string', format: 'uuid' },
								label: { type: 'string', description: 'The goal as the plan names it (number and title)' },
								assessed: { type: 'integer', description: 'How many of the units shown have assessed the goal in the period' },
								distribution: {
									type: 'array',
									description: 'How many of the units shown have each assessment, for every value of the scale in its order (the rest of the units have none)',
									items: { type: 'object', required: ['labelSv', 'labelEn', 'colour', 'count'], properties: { labelSv: text, labelEn: text, colour: text, count: { type: 'integer' } } }
								},
								units: {
									type: 'array',
									description: 'The units the goal was sent to that the filters keep, in the order asked for (Swedish name order by default)',
									items: {
										type: 'object',
										required: ['unitId', 'unitName', 'unitKind', 'areaId', 'areaName', 'schoolForms', 'planId', 'anchorId', 'periodId', 'hasPeriod', 'assessment', 'analysis', 'activities', 'reported', 'statuses', 'responsibles'],
										properties: {
											unitId: { type: 'string', format: 'uuid' },
											unitName: text,
											unitKind: { enum: [...UNIT_KINDS] },
											areaId: { type: ['string', 'null'], format: 'uuid', description: 'The unit directly above the unit (its area)' },
											areaName: nullableText,
											schoolForms: { type: 'array', items: text, description: "The register's school form codes" },
											planId: { type: 'string', format: 'uuid', description: "The unit's own plan" },
											anchorId: { type: 'string', format: 'uuid', description: "The goal's item in the unit's plan" },
											periodId: { type: ['string', 'null'], format: 'uuid', description: "The unit's period opened with this one (its report: /plans/{planId}/follow-up?period={periodId}); null when not opened" },
											hasPeriod: { type: 'boolean', description: "The period is opened in the unit's plan" },
											assessment: { type: ['object', 'null'], properties: { labelSv: text, labelEn: text, colour: text } },
											analysis: { type: 'string', description: 'Markdown' },
											activities: { type: 'integer', description: "The unit's items under the goal followed up by status" },
											reported: { type: 'integer', description: 'How many of them have a status in the period' },
											statuses: {
												type: 'array',
												description: "How many of them have each status, in the scale's order",
												items: { type: 'object', required: ['labelSv', 'labelEn', 'colour', 'count'], properties: { labelSv: text, labelEn: text, colour: text, count: { type: 'integer' } } }
											},
											responsibles: {
												type: 'array',
												description: 'Whom to ask about what the unit has not reported: when the goal is not assessed, those responsible for its item or the work under it, otherwise those of the work without a status; in Swedish order',
												items: {
													type: 'object',
													required: ['kind', 'name', 'holders'],
													properties: { kind: { enum: ['role', 'person'] }, name: text, holders: { type: 'array', items: text, description: 'For a role title, the names of those who hold it' } }
												}
											}
										}
									}
								}
							}
						}
					}
				}
			},
			PlanSummary: {
				type: 'object',
				required: ['id', 'title', 'kind', 'periodKind', 'startYear', 'state', 'ownerUnitId', 'frameworkId', 'adoption', 'updatedAt'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					title: text,
					kind: { enum: ['verksamhetsplan', 'utvecklingsplan', 'lokal_plan'] },
					periodKind: { enum: ['calendar_year', 'school_year'] },
					startYear: { type: 'integer', description: 'The calendar year, or the first year of a school year' },
					state: { enum: ['draft', 'adopted', 'archived'] },
					ownerUnitId: { type: 'string', format: 'uuid' },
					frameworkId: { type: 'string', format: 'uuid' },
					adoption: {
						type: ['object', 'null'],
						properties: { adoptedBy: nullableText, adoptedOn: { type: ['string', 'null'], format: 'date' }, registryNumber: nullableText }
					},
					updatedAt: { type: 'string', format: 'date-time' }
				}
			},
			Level: {
				type: 'object',
				required: ['id', 'key', 'name', 'namePlural', 'isRoot', 'followUp', 'documentStyle', 'tableColumns', 'childLevelIds', 'fields'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					key: text,
					position: { type: 'integer' },
					name: bilingual,
					namePlural: bilingual,
					isRoot: { type: 'boolean' },
					followUp: { enum: ['status', 'assessment', 'none'] },
					documentStyle: { enum: ['heading', 'table_row'] },
					tableColumns: { type: 'array', items: text },
					childLevelIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
					fields: {
						type: 'array',
						items: {
							type: 'object',
							required: ['key', 'type', 'labelSv', 'labelEn'],
							properties: { key: text, type: { enum: [...FIELD_TYPES] }, labelSv: text, labelEn: text, helpSv: text, helpEn: text, required: { type: 'boolean' }, options: { type: 'array', items: text } }
						}
					},
					descriptionPosition: { type: 'integer', minimum: 0, description: "How many of the fields come before the item's description (0: the description first)" },
					untitled: { type: 'boolean', description: 'Items have no title of their own (numbered rows); their title is empty' },
					childrenPosition: { type: ['integer', 'null'], minimum: 0, description: "How many of the item's parts (fields and description, in order) come before its own items in documents; null: after them all" },
					titleHelp: { type: 'object', properties: { sv: text, en: text }, description: 'What the title column asks for, under its label in a table ("Vad uppnå?")' },
					nameTemplate: {
						type: 'object',
						properties: { sv: text, en: text },
						description: 'How documents name the items: {title}, {ref} and {<field key>} replaced ("Kommunövergripande mål: {title}"); empty: "{ref} {title}"'
					}
				}
			},
			Indicator: {
				type: 'object',
				required: ['id', 'name', 'kind', 'unit', 'direction', 'target', 'baseline', 'koladaKpi'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					name: text,
					kind: { enum: ['yes_no', 'number', 'percent'] },
					unit: text,
					direction: { enum: ['increase', 'decrease', 'none'] },
					target: {
						oneOf: [
							{ type: 'null' },
							{ type: 'object', required: ['kind', 'comparison', 'value'], properties: { kind: { const: 'value' }, comparison: { enum: ['>=', '<=', '>', '<', '='] }, value: { type: 'number', description: 'yes/no: 1 = ja, 0 = nej' } } },
							{ type: 'object', required: ['kind', 'change'], properties: { kind: { const: 'change' }, change: { enum: ['increase', 'decrease'] } } }
						]
					},
					baseline: { type: ['object', 'null'], properties: { value: { type: 'number' }, label: nullableText } },
					koladaKpi: nullableText
				}
			},
			Node: {
				type: 'object',
				required: ['id', 'levelId', 'ref', 'title', 'description', 'fieldValues', 'responsible', 'boards', 'deadline', 'carriedOver', 'linkedParentIds', 'indicators', 'children'],
				properties: {
					id: { type: 'string', format: 'uuid' },
					levelId: { type: 'string', format: 'uuid' },
					ref: { type: 'string', description: 'As the organisation writes it: "13 a", "1.", "a)"' },
					title: text,
					description: { type: 'string', description: 'Markdown' },
					fieldValues: { type: 'object', additionalProperties: true, description: 'Values of the level\'s plain fields by field key' },
					responsible: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['role', 'person'] }, id: text, name: text, note: { ...text, description: 'What the responsibility covers, e.g. "del 2"; printed in brackets after the name.' } } } },
					boards: { type: 'array', items: { type: 'object', properties: { id: text, name: text, shortName: nullableText } } },
					deadline: { type: ['object', 'null'], properties: { text: text, date: { type: ['string', 'null'], format: 'date' } } },
					carriedOver: { type: 'boolean' },
					linkedParentIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: 'Further goals this item also counts under' },
					indicators: { type: 'array', items: { $ref: '#/components/schemas/Indicator' } },
					children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }
				}
			},
			PlanDocument: {
				type: 'object',
				required: ['format', 'version', 'plan', 'framework', 'chapters', 'tree', 'periods', 'followUps', 'measurements'],
				properties: {
					format: { const: PLAN_DOCUMENT_FORMAT },
					version: { const: PLAN_DOCUMENT_VERSION },
					plan: { $ref: '#/components/schemas/PlanSummary' },
					framework: {
						type: 'object',
						required: ['id', 'name', 'levels'],
						properties: { id: text, name: text, description: text, preset: nullableText, levels: { type: 'array', items: { $ref: '#/components/schemas/Level' } } }
					},
					chapters: { type: 'array', items: { type: 'object', properties: { id: text, position: { type: 'integer' }, title: text, body: { type: 'string', description: 'Markdown' }, placement: { type: 'string', enum: ['before', 'after'], description: 'Printed before or after the items' } } } },
					tree: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
					periods: {
						type: 'array',
						items: { type: 'object', required: ['id', 'name', 'asOf', 'dueOn', 'closed'], properties: { id: text, name: text, asOf: { type: 'string', format: 'date' }, dueOn: { type: 'string', format: 'date' }, closed: { type: 'boolean' } } }
					},
					followUps: {
						type: 'array',
						description: 'One report per item and period: a status and comment, or an assessment and analysis',
						items: {
							type: 'object',
							required: ['nodeId', 'periodId', 'status', 'assessment', 'comment', 'analysis', 'version'],
							properties: {
								nodeId: text,
								periodId: text,
								status: { type: ['object', 'null'], properties: { label: bilingual, meaning: text, colour: text } },
								assessment: { type: ['object', 'null'], properties: { label: bilingual, meaning: text, colour: text } },
								comment: text,
								analysis: text,
								version: { type: 'integer' },
								updatedAt: { type: 'string', format: 'date-time' }
							}
						}
					},
					measurements: {
						type: 'array',
						items: { type: 'object', required: ['indicatorId', 'periodId', 'value'], properties: { indicatorId: text, periodId: text, value: { type: 'number' }, comment: text } }
					}
				}
			}
		}
	}
} as const;
