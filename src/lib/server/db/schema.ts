/**
 * One schema for PGlite and PostgreSQL. Every tenant-owned table carries `tenant_id` first in its
 * primary key and in every foreign key, so rows of one organisation can be distributed together
 * (Citus: distribute by tenant_id) and a foreign id can never join across organisations.
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	foreignKey,
	index,
	integer,
	jsonb,
	numeric,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import type { FieldDefinition } from '../frameworks/field-definition';

const id = () => uuid('id').notNull().defaultRandom();
const tenantId = () => uuid('tenant_id').notNull();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const tenants = pgTable('tenants', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	/** E-mail domains whose people sign in here ("linkoping.se"): the sign-in page finds the organisation from the address typed, never from a public list. */
	emailDomains: text('email_domains').array().notNull().default(sql`'{}'::text[]`),
	/** The municipality's code (4 digits, "1280") whose key figures in Kolada are the organisation's own. */
	municipalityCode: text('municipality_code'),
	/** The Kolada municipality group the organisation compares itself with ("Liknande kommuner …"), if chosen. */
	comparisonGroupId: text('comparison_group_id'),
	/** How many days before a period's due date its reporters are reminded (0: no reminder before, only when overdue). */
	reminderDaysBefore: integer('reminder_days_before').notNull().default(7),
	createdAt: createdAt()
});

export const UNIT_KINDS = [
	'municipality',
	'board',
	'administration',
	'department',
	'school_area',
	'school_unit',
	'preschool_unit'
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const units = pgTable(
	'units',
	{
		tenantId: tenantId(),
		id: id(),
		parentId: uuid('parent_id'),
		kind: text('kind').$type<UnitKind>().notNull(),
		name: text('name').notNull(),
		shortName: text('short_name'),
		position: integer('position').notNull().default(0),
		/** Skolverket's school unit code (skolenhetskod, 8 digits) for a unit from the school unit register. */
		schoolUnitCode: text('school_unit_code'),
		/** The school forms the register lists for the unit ("Grundskola", "Förskoleklass" …). */
		schoolForms: text('school_forms').array().notNull().default(sql`'{}'::text[]`),
		/** The municipality code (4 digits) the register gives the unit. */
		municipalityCode: text('municipality_code'),
		/** When the register marked the unit closed (ceased); the unit and its history stay. */
		closedOn: date('closed_on'),
		/** The unit's id in Kolada's organisational units ("V15E128000101"), matched from its code and name. */
		koladaOuId: text('kolada_ou_id'),
		/** Whether a person confirmed (or set) that match; an unconfirmed match is a suggestion. */
		koladaOuConfirmed: boolean('kolada_ou_confirmed').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
		index('units_parent_idx').on(t.tenantId, t.parentId),
		uniqueIndex('units_school_unit_code_idx').on(t.tenantId, t.schoolUnitCode)
	]
);

/** A person on the staff: holds roles, can be responsible. Accounts (login) attach to people. */
export const people = pgTable(
	'people',
	{
		tenantId: tenantId(),
		id: id(),
		name: text('name').notNull(),
		email: text('email'),
		/** The language the person last chose ('sv' | 'en'): mails to them are written in it. */
		locale: text('locale').notNull().default('sv'),
		/** Reminders of unreported items by e-mail (the person may turn them off). */
		reminders: boolean('reminders').notNull().default(true),
		/** A weekly digest of the organisation's reporting (for strategists; off until the person turns it on). */
		weeklyDigest: boolean('weekly_digest').notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		check('people_locale_check', sql`${t.locale} in ('sv', 'en')`)
	]
);

/** A role title as the organisation writes it ("Planeringschef"); whoever holds it is responsible. */
export const roleTitles = pgTable(
	'role_titles',
	{
		tenantId: tenantId(),
		id: id(),
		name: text('name').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		uniqueIndex('role_titles_name_idx').on(t.tenantId, t.name)
	]
);

export const frameworks = pgTable(
	'frameworks',
	{
		tenantId: tenantId(),
		id: id(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		preset: text('preset'),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade')
	]
);

export const FOLLOW_UP_MODES = ['status', 'assessment', 'none'] as const;
export type FollowUpMode = (typeof FOLLOW_UP_MODES)[number];
export const DOCUMENT_STYLES = ['heading', 'table_row'] as const;
export type DocumentStyle = (typeof DOCUMENT_STYLES)[number];

export const levels = pgTable(
	'levels',
	{
		tenantId: tenantId(),
		id: id(),
		frameworkId: uuid('framework_id').notNull(),
		key: text('key').notNull(),
		position: integer('position').notNull(),
		nameSv: text('name_sv').notNull(),
		namePluralSv: text('name_plural_sv').notNull(),
		nameEn: text('name_en').notNull(),
		namePluralEn: text('name_plural_en').notNull(),
		/** May an item of this level stand at the top of a plan? */
		isRoot: boolean('is_root').notNull().default(false),
		followUp: text('follow_up').$type<FollowUpMode>().notNull().default('none'),
		documentStyle: text('document_style').$type<DocumentStyle>().notNull().default('heading'),
		/** Field keys shown as table columns when documentStyle is table_row ('title' = the item's title). */
		tableColumns: jsonb('table_columns').$type<string[]>().notNull().default([]),
		fields: jsonb('fields').$type<FieldDefinition[]>().notNull().default([]),
		/** How many of `fields` come before the item's description in forms and documents (0: the description first). */
		descriptionPosition: integer('description_position').notNull().default(0),
		/** Items have no title of their own (numbered rows of cells): the number and the first column name them. */
		untitled: boolean('untitled').notNull().default(false),
		/** How many of the item's parts (fields and description, in order) come before its own items in documents; null: after them all. */
		childrenPosition: integer('children_position'),
		/** What the level's title column asks for, under its label in a table ("Mål" – "Vad uppnå?"). */
		titleHelpSv: text('title_help_sv').notNull().default(''),
		titleHelpEn: text('title_help_en').notNull().default(''),
		/** How an item is named in documents: "{ref} {title}" when empty; "Kommunövergripande mål: {title}", "{title} ({typ} uppdrag {ref})". */
		nameTemplateSv: text('name_template_sv').notNull().default(''),
		nameTemplateEn: text('name_template_en').notNull().default('')
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [frameworks.tenantId, frameworks.id] }).onDelete(
			'cascade'
		),
		uniqueIndex('levels_key_idx').on(t.tenantId, t.frameworkId, t.key),
		check('levels_follow_up_check', sql`${t.followUp} in ('status', 'assessment', 'none')`),
		check('levels_document_style_check', sql`${t.documentStyle} in ('heading', 'table_row')`)
	]
);

/** Which level may hold which: a graph, not a line (a board goal may hold assignments or activities). */
export const levelChildren = pgTable(
	'level_children',
	{
		tenantId: tenantId(),
		parentLevelId: uuid('parent_level_id').notNull(),
		childLevelId: uuid('child_level_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.parentLevelId, t.childLevelId] }),
		foreignKey({ columns: [t.tenantId, t.parentLevelId], foreignColumns: [levels.tenantId, levels.id] }).onDelete(
			'cascade'
		),
		foreignKey({ columns: [t.tenantId, t.childLevelId], foreignColumns: [levels.tenantId, levels.id] }).onDelete(
			'cascade'
		)
	]
);

export const PLAN_KINDS = ['verksamhetsplan', 'utvecklingsplan', 'lokal_plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PERIOD_KINDS = ['calendar_year', 'school_year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PLAN_STATES = ['draft', 'adopted', 'archived'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const plans = pgTable(
	'plans',
	{
		tenantId: tenantId(),
		id: id(),
		ownerUnitId: uuid('owner_unit_id').notNull(),
		frameworkId: uuid('framework_id').notNull(),
		title: text('title').notNull(),
		kind: text('kind').$type<PlanKind>().notNull(),
		periodKind: text('period_kind').$type<PeriodKind>().notNull(),
		/** 2024 for calendar year 2024; 2022 for school year 22/23. */
		startYear: integer('start_year').notNull(),
		state: text('state').$type<PlanState>().notNull().default('draft'),
		adoptedBy: text('adopted_by'),
		adoptedOn: date('adopted_on'),
		registryNumber: text('registry_number'),
		/** The plan this one was carried over from (previous year). */
		previousPlanId: uuid('previous_plan_id'),
		/** A unit's plan in the steering chain: the organiser's plan whose goals it carries (as anchors). */
		parentPlanId: uuid('parent_plan_id'),
		/** Set when the organisation has chosen to publish the adopted plan at its public address. */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.ownerUnitId], foreignColumns: [units.tenantId, units.id] }),
		foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [frameworks.tenantId, frameworks.id] }),
		foreignKey({ columns: [t.tenantId, t.previousPlanId], foreignColumns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.parentPlanId], foreignColumns: [t.tenantId, t.id] }),
		index('plans_parent_idx').on(t.tenantId, t.parentPlanId),
		check('plans_state_check', sql`${t.state} in ('draft', 'adopted', 'archived')`),
		check('plans_kind_check', sql`${t.kind} in ('verksamhetsplan', 'utvecklingsplan', 'lokal_plan')`),
		check('plans_period_kind_check', sql`${t.periodKind} in ('calendar_year', 'school_year')`)
	]
);

export const CHAPTER_PLACEMENTS = ['before', 'after'] as const;
export type ChapterPlacement = (typeof CHAPTER_PLACEMENTS)[number];

export const chapters = pgTable(
	'chapters',
	{
		tenantId: tenantId(),
		id: id(),
		planId: uuid('plan_id').notNull(),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		/** Markdown as the user wrote it; rendered to sanitised HTML on output. */
		body: text('body').notNull().default(''),
		/** Printed before the plan's items (a foreword) or after them (how the plan is followed up). */
		placement: text('placement').$type<ChapterPlacement>().notNull().default('before'),
		version: integer('version').notNull().default(1),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
		index('chapters_plan_idx').on(t.tenantId, t.planId),
		check('chapters_placement_check', sql`${t.placement} in ('before', 'after')`)
	]
);

export type FieldValues = Record<string, unknown>;

export const nodes = pgTable(
	'nodes',
	{
		tenantId: tenantId(),
		id: id(),
		planId: uuid('plan_id').notNull(),
		levelId: uuid('level_id').notNull(),
		parentId: uuid('parent_id'),
		position: integer('position').notNull(),
		/** The reference as users write it: "13 a", "1.", "a)". */
		ref: text('ref').notNull().default(''),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Values of the level's plain fields (text, rich text, list, yes/no, choice, number), by field key. */
		fieldValues: jsonb('field_values').$type<FieldValues>().notNull().default({}),
		/** The deadline as written ("VT23", "September", "dec 22", "2024-09-30") and its derived date. */
		deadlineText: text('deadline_text'),
		deadlineDate: date('deadline_date'),
		carriedOver: boolean('carried_over').notNull().default(false),
		/** The item in the previous year's plan this one continues. */
		previousNodeId: uuid('previous_node_id'),
		/**
		 * An anchor: the organiser's goal (in the parent plan) this item stands for in a unit's plan. Its
		 * number, title and description are the goal's, written through when the goal changes.
		 */
		sourceNodeId: uuid('source_node_id'),
		/** When the goal's wording last changed and the unit has not yet seen it ("changed since"). */
		sourceChangedAt: timestamp('source_changed_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.levelId], foreignColumns: [levels.tenantId, levels.id] }),
		foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }).onDelete('cascade'),
		index('nodes_plan_idx').on(t.tenantId, t.planId, t.parentId, t.position),
		index('nodes_level_idx').on(t.tenantId, t.levelId),
		// Walks down the tree across plans (everything under an anchor, an item's subtree) go by parent alone.
		index('nodes_parent_idx').on(t.tenantId, t.parentId),
		// No ON DELETE: a goal that units work under cannot go (the command says how many).
		foreignKey({ columns: [t.tenantId, t.sourceNodeId], foreignColumns: [t.tenantId, t.id] }),
		uniqueIndex('nodes_anchor_idx').on(t.tenantId, t.planId, t.sourceNodeId),
		index('nodes_source_idx').on(t.tenantId, t.sourceNodeId)
	]
);

/** One item counted under a further goal as well: shown in both places, reported once. */
export const nodeLinks = pgTable(
	'node_links',
	{
		tenantId: tenantId(),
		nodeId: uuid('node_id').notNull(),
		parentId: uuid('parent_id').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.nodeId, t.parentId] }),
		foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [nodes.tenantId, nodes.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [nodes.tenantId, nodes.id] }).onDelete('cascade'),
		index('node_links_parent_idx').on(t.tenantId, t.parentId)
	]
);

/** Responsible for an item: a role title (whoever holds it) or a named person. */
export const nodeResponsibles = pgTable(
	'node_responsibles',
	{
		tenantId: tenantId(),
		id: id(),
		nodeId: uuid('node_id').notNull(),
		position: integer('position').notNull().default(0),
		roleTitleId: uuid('role_title_id'),
		personId: uuid('person_id'),
		/** What the responsibility covers, as written beside the role or person: "del 2", "för punkt 3". */
		note: text('note').notNull().default('')
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [nodes.tenantId, nodes.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.roleTitleId], foreignColumns: [roleTitles.tenantId, roleTitles.id] }),
		foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
		index('node_responsibles_node_idx').on(t.tenantId, t.nodeId),
		check('node_responsibles_one_check', sql`(${t.roleTitleId} is null) <> (${t.personId} is null)`)
	]
);

/** The boards (units of kind board) an item belongs to: "BoU, BiN". */
export const nodeBoards = pgTable(
	'node_boards',
	{
		tenantId: tenantId(),
		nodeId: uuid('node_id').notNull(),
		unitId: uuid('unit_id').notNull(),
		position: integer('position').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.nodeId, t.unitId] }),
		foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [nodes.tenantId, nodes.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] })
	]
);

export const INDICATOR_KINDS = ['yes_no', 'number', 'percent'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const DIRECTIONS = ['increase', 'decrease', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const TARGET_KINDS = ['none', 'value', 'change'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const COMPARISONS = ['>=', '<=', '>', '<', '='] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const indicators = pgTable(
	'indicators',
	{
		tenantId: tenantId(),
		id: id(),
		nodeId: uuid('node_id').notNull(),
		position: integer('position').notNull().default(0),
		name: text('name').notNull(),
		kind: text('kind').$type<IndicatorKind>().notNull(),
		unit: text('unit').notNull().default(''),
		direction: text('direction').$type<Direction>().notNull().default('none'),
		/** none; value (comparison + value: "< 0,5 %", "= ja"); change (increase/decrease vs previous year). */
		targetKind: text('target_kind').$type<TargetKind>().notNull().default('none'),
		targetComparison: text('target_comparison').$type<Comparison>(),
		targetValue: numeric('target_value'),
		targetChange: text('target_change').$type<'increase' | 'decrease'>(),
		baselineValue: numeric('baseline_value'),
		baselineLabel: text('baseline_label'),
		/** A Kolada KPI id (e.g. N15428) when the value is public there. */
		koladaKpi: text('kolada_kpi'),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [nodes.tenantId, nodes.id] }).onDelete('cascade'),
		index('indicators_node_idx').on(t.tenantId, t.nodeId),
		check('indicators_kind_check', sql`${t.kind} in ('yes_no', 'number', 'percent')`),
		check('indicators_target_kind_check', sql`${t.targetKind} in ('none', 'value', 'change')`)
	]
);

/** Every change, written in the same transaction as the change itself. */
export const auditEvents = pgTable(
	'audit_events',
	{
		tenantId: tenantId(),
		id: id(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actor: text('actor').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: uuid('entity_id').notNull(),
		planId: uuid('plan_id'),
		before: jsonb('before'),
		after: jsonb('after')
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		index('audit_events_entity_idx').on(t.tenantId, t.entityId, t.at),
		// Keyset paging of the log walks (tenant, at, id) in order: an index-only scan, no sort.
		index('audit_events_at_idx').on(t.tenantId, t.at, t.id)
	]
);

// ——— Identity ———————————————————————————————————————————————————————————————

export const ROLES = ['admin', 'planner', 'reporter', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** A person's way in: a password, an identity provider's subject, or both. Email is stored lower-case. */
export const accounts = pgTable(
	'accounts',
	{
		tenantId: tenantId(),
		id: id(),
		personId: uuid('person_id').notNull(),
		email: text('email').notNull(),
		passwordHash: text('password_hash'),
		oidcSubject: text('oidc_subject'),
		/** The SAML identity provider's NameID for this account, once signed in through SAML. */
		samlSubject: text('saml_subject'),
		disabled: boolean('disabled').notNull().default(false),
		failedLogins: integer('failed_logins').notNull().default(0),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
		uniqueIndex('accounts_email_idx').on(t.tenantId, t.email),
		uniqueIndex('accounts_oidc_subject_idx').on(t.tenantId, t.oidcSubject),
		uniqueIndex('accounts_saml_subject_idx').on(t.tenantId, t.samlSubject)
	]
);

/** A role on a unit and everything under it. */
export const roleAssignments = pgTable(
	'role_assignments',
	{
		tenantId: tenantId(),
		id: id(),
		accountId: uuid('account_id').notNull(),
		unitId: uuid('unit_id').notNull(),
		role: text('role').$type<Role>().notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }).onDelete('cascade'),
		uniqueIndex('role_assignments_unique_idx').on(t.tenantId, t.accountId, t.unitId, t.role),
		check('role_assignments_role_check', sql`${t.role} in ('admin', 'planner', 'reporter', 'reader')`)
	]
);

/** Who holds a role title ("Planeringschef"): items whose responsible is the title reach them. */
export const roleTitleHolders = pgTable(
	'role_title_holders',
	{
		tenantId: tenantId(),
		roleTitleId: uuid('role_title_id').notNull(),
		personId: uuid('person_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.roleTitleId, t.personId] }),
		foreignKey({ columns: [t.tenantId, t.roleTitleId], foreignColumns: [roleTitles.tenantId, roleTitles.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade')
	]
);

/** A signed-in browser. Only a hash of the secret is stored; the cookie names the tenant, so lookups stay scoped. */
export const sessions = pgTable(
	'sessions',
	{
		tenantId: tenantId(),
		tokenHash: text('token_hash').notNull(),
		accountId: uuid('account_id').notNull(),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.tokenHash] }),
		foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }).onDelete('cascade')
	]
);

/** A key for integrations: shown once, stored hashed, revocable. */
export const apiTokens = pgTable(
	'api_tokens',
	{
		tenantId: tenantId(),
		id: id(),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		uniqueIndex('api_tokens_hash_idx').on(t.tenantId, t.tokenHash)
	]
);

/** A one-time link to set a password (forgotten password or invitation). */
export const passwordResets = pgTable(
	'password_resets',
	{
		tenantId: tenantId(),
		tokenHash: text('token_hash').notNull(),
		accountId: uuid('account_id').notNull(),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.tokenHash] }),
		foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }).onDelete('cascade')
	]
);

/** The organisation's OpenID Connect provider (e.g. Entra ID), and the role a first sign-in gets. */
export const identityProviders = pgTable(
	'identity_providers',
	{
		tenantId: uuid('tenant_id').primaryKey(),
		issuer: text('issuer').notNull(),
		clientId: text('client_id').notNull(),
		clientSecret: text('client_secret').notNull(),
		displayName: text('display_name').notNull().default('Logga in med organisationens konto'),
		defaultRole: text('default_role').$type<Role>().notNull().default('reader'),
		createdAt: createdAt()
	},
	(t) => [foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade')]
);

/**
 * Sign-in attempts and password-link requests per client address (SHA-256 of the address), counted
 * before any password is checked, shared by every app server (identity/login-throttle.ts). A sliding
 * window from two fixed ten-minute windows: this one's count and the one before it.
 * Not tenant data, so no tenant_id: an address is counted before the organisation is known. Every
 * statement touches one address and it is never joined with tenant tables, so under Citus it stays
 * a local table on the coordinator or is distributed by address_hash on its own (not a reference
 * table: each attempt writes).
 */
export const addressAttempts = pgTable('address_attempts', {
	addressHash: text('address_hash').primaryKey(),
	/** Milliseconds since 1970 divided by the window's length. */
	windowIndex: integer('window_index').notNull(),
	attempts: integer('attempts').notNull(),
	previousAttempts: integer('previous_attempts').notNull().default(0)
});

// ——— Follow-up ——————————————————————————————————————————————————————————————

export const SCALE_KINDS = ['status', 'assessment'] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];
/** What a value means, so values can be counted whatever the organisation calls them. */
export const MEANINGS = ['not_started', 'in_progress', 'done', 'cancelled', 'met', 'partly_met', 'not_met', 'other'] as const;
export type Meaning = (typeof MEANINGS)[number];

/** One value of the organisation's status set or assessment scale: "Pågående", "Delvis uppfyllt" … */
export const scaleValues = pgTable(
	'scale_values',
	{
		tenantId: tenantId(),
		id: id(),
		kind: text('kind').$type<ScaleKind>().notNull(),
		position: integer('position').notNull(),
		labelSv: text('label_sv').notNull(),
		labelEn: text('label_en').notNull(),
		/** A colour for charts and badges; never the only sign (the label is always shown). */
		colour: text('colour').notNull(),
		meaning: text('meaning').$type<Meaning>().notNull(),
		retired: boolean('retired').notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		check('scale_values_kind_check', sql`${t.kind} in ('status', 'assessment')`)
	]
);

/** A reporting period of a plan: "Delår 2 per 31 augusti", with its as-of and due dates. */
// ——— The year's rhythm (årshjul) ————————————————————————————————————————————

export const CYCLE_EVENT_KINDS = ['follow_up', 'deadline', 'board_meeting', 'analysis', 'adoption', 'other'] as const;
export type CycleEventKind = (typeof CYCLE_EVENT_KINDS)[number];

/** The organisation's annual cycle for one year: a calendar year, or a school year (August to July). */
export const cycles = pgTable(
	'cycles',
	{
		tenantId: tenantId(),
		id: id(),
		periodKind: text('period_kind').$type<PeriodKind>().notNull(),
		/** 2025 for calendar year 2025; 2025 for school year 25/26. */
		startYear: integer('start_year').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		uniqueIndex('cycles_year_idx').on(t.tenantId, t.periodKind, t.startYear),
		check('cycles_period_kind_check', sql`${t.periodKind} in ('calendar_year', 'school_year')`)
	]
);

/** An event of the cycle: a follow-up (from which periods are opened), a deadline, a board meeting … on a day or a span of days. */
export const cycleEvents = pgTable(
	'cycle_events',
	{
		tenantId: tenantId(),
		id: id(),
		cycleId: uuid('cycle_id').notNull(),
		name: text('name').notNull(),
		kind: text('kind').$type<CycleEventKind>().notNull(),
		/** For a follow-up: the "as of" date of its periods. */
		startsOn: date('starts_on').notNull(),
		/** The last day of a span; for a follow-up: when reports are due. */
		endsOn: date('ends_on'),
		/** Who is responsible for the event (a person of the organisation), if anyone is named. */
		responsiblePersonId: uuid('responsible_person_id'),
		note: text('note').notNull().default(''),
		/** Shown to the public with the plans it concerns (their public page's calendar). */
		isPublic: boolean('is_public').notNull().default(false),
		version: integer('version').notNull().default(1),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.cycleId], foreignColumns: [cycles.tenantId, cycles.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.responsiblePersonId], foreignColumns: [people.tenantId, people.id] }),
		index('cycle_events_cycle_idx').on(t.tenantId, t.cycleId, t.startsOn),
		check('cycle_events_kind_check', sql`${t.kind} in ('follow_up', 'deadline', 'board_meeting', 'analysis', 'adoption', 'other')`),
		check('cycle_events_span_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`)
	]
);

/** The plans an event concerns (a follow-up opens its periods in them, and in their units' plans). */
export const cycleEventPlans = pgTable(
	'cycle_event_plans',
	{
		tenantId: tenantId(),
		eventId: uuid('event_id').notNull(),
		planId: uuid('plan_id').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.eventId, t.planId] }),
		foreignKey({ columns: [t.tenantId, t.eventId], foreignColumns: [cycleEvents.tenantId, cycleEvents.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
		index('cycle_event_plans_plan_idx').on(t.tenantId, t.planId)
	]
);

export const periods = pgTable(
	'periods',
	{
		tenantId: tenantId(),
		id: id(),
		planId: uuid('plan_id').notNull(),
		name: text('name').notNull(),
		asOf: date('as_of').notNull(),
		dueOn: date('due_on').notNull(),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** Set when the closed period's follow-up report is published with the plan. */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** In a unit's plan: the organiser's period this one was opened with (the units report, the organiser rolls up). */
		parentPeriodId: uuid('parent_period_id'),
		/** The annual cycle's follow-up event this period was opened from (closed and reopened with the others of it). */
		cycleEventId: uuid('cycle_event_id'),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.parentPeriodId], foreignColumns: [t.tenantId, t.id] }),
		// The migration makes this ON DELETE SET NULL (cycle_event_id): a removed event leaves its periods, untied (drizzle cannot say it).
		foreignKey({ columns: [t.tenantId, t.cycleEventId], foreignColumns: [cycleEvents.tenantId, cycleEvents.id] }),
		uniqueIndex('periods_cycle_event_idx').on(t.tenantId, t.planId, t.cycleEventId),
		index('periods_plan_idx').on(t.tenantId, t.planId),
		uniqueIndex('periods_parent_idx').on(t.tenantId, t.planId, t.parentPeriodId)
	]
);

/** An item's report for a period: status and comment, or assessment and analysis. */
export const followUps = pgTable(
	'follow_ups',
	{
		tenantId: tenantId(),
		id: id(),
		planId: uuid('plan_id').notNull(),
		nodeId: uuid('node_id').notNull(),
		periodId: uuid('period_id').notNull(),
		statusId: uuid('status_id'),
		assessmentId: uuid('assessment_id'),
		comment: text('comment').notNull().default(''),
		analysis: text('analysis').notNull().default(''),
		version: integer('version').notNull().default(1),
		updatedBy: text('updated_by').notNull(),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.nodeId], foreignColumns: [nodes.tenantId, nodes.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [periods.tenantId, periods.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.statusId], foreignColumns: [scaleValues.tenantId, scaleValues.id] }),
		foreignKey({ columns: [t.tenantId, t.assessmentId], foreignColumns: [scaleValues.tenantId, scaleValues.id] }),
		uniqueIndex('follow_ups_node_period_idx').on(t.tenantId, t.nodeId, t.periodId),
		index('follow_ups_plan_period_idx').on(t.tenantId, t.planId, t.periodId)
	]
);

/** Every saved version of a follow-up: who, when, what it said. */
export const followUpRevisions = pgTable(
	'follow_up_revisions',
	{
		tenantId: tenantId(),
		id: id(),
		followUpId: uuid('follow_up_id').notNull(),
		version: integer('version').notNull(),
		statusId: uuid('status_id'),
		assessmentId: uuid('assessment_id'),
		comment: text('comment').notNull(),
		analysis: text('analysis').notNull(),
		changedBy: text('changed_by').notNull(),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.followUpId], foreignColumns: [followUps.tenantId, followUps.id] }).onDelete('cascade'),
		index('follow_up_revisions_idx').on(t.tenantId, t.followUpId, t.version)
	]
);

/** An indicator's value (outcome) for a period. */
export const measurements = pgTable(
	'measurements',
	{
		tenantId: tenantId(),
		id: id(),
		indicatorId: uuid('indicator_id').notNull(),
		periodId: uuid('period_id').notNull(),
		value: numeric('value').notNull(),
		comment: text('comment').notNull().default(''),
		/** Where the value came from: typed by a person, or filled from Kolada (never overwriting a person's value unasked). */
		source: text('source').$type<MeasurementSource>().notNull().default('manual'),
		/** Kolada's own status of a fetched value ("" final, "Preliminary" …) and when it was fetched. */
		sourceStatus: text('source_status'),
		fetchedAt: timestamp('fetched_at', { withTimezone: true }),
		version: integer('version').notNull().default(1),
		updatedBy: text('updated_by').notNull(),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [indicators.tenantId, indicators.id] }).onDelete('cascade'),
		foreignKey({ columns: [t.tenantId, t.periodId], foreignColumns: [periods.tenantId, periods.id] }).onDelete('cascade'),
		uniqueIndex('measurements_indicator_period_idx').on(t.tenantId, t.indicatorId, t.periodId),
		check('measurements_source_check', sql`${t.source} in ('manual', 'kolada')`)
	]
);

export const MEASUREMENT_SOURCES = ['manual', 'kolada'] as const;
export type MeasurementSource = (typeof MEASUREMENT_SOURCES)[number];

// ——— National data (Kolada) ——————————————————————————————————————————————————
// Kolada's catalogue and figures are public data, the same for every organisation: these tables
// have no tenant_id (under Citus they are reference tables, copied to every node). Nothing of an
// organisation's is stored in them; what an organisation takes from them is copied into its own
// measurements with the source marked.

/** A key figure of Kolada's catalogue, searched locally (Swedish full-text index on title and description). */
export const koladaKpis = pgTable(
	'kolada_kpis',
	{
		id: text('id').primaryKey(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		operatingArea: text('operating_area').notNull().default(''),
		/** Published per organisational unit (school unit), not only per municipality. */
		hasOuData: boolean('has_ou_data').notNull().default(false),
		dividedByGender: boolean('divided_by_gender').notNull().default(false),
		municipalityType: text('municipality_type').notNull().default(''),
		publicationDate: text('publication_date'),
		prelPublicationDate: text('prel_publication_date'),
		ouPublicationDate: text('ou_publication_date'),
		syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('kolada_kpis_search_idx').using('gin', sql`to_tsvector('swedish', ${t.title} || ' ' || ${t.description})`)]
);

/** Kolada's municipalities ("0000" is the whole country, Riket) and municipality groups (with their members). */
export const koladaPlaces = pgTable('kolada_places', {
	id: text('id').primaryKey(),
	title: text('title').notNull(),
	/** 'municipality', 'region', 'country' or 'group'. */
	kind: text('kind').notNull(),
	members: text('members').array().notNull().default(sql`'{}'::text[]`),
	syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow()
});

/** A figure as Kolada publishes it: a key figure for a place (municipality or unit) and year, per gender (T total, K, M). */
export const koladaValues = pgTable(
	'kolada_values',
	{
		kpi: text('kpi').notNull(),
		placeId: text('place_id').notNull(),
		year: integer('year').notNull(),
		gender: text('gender').notNull(),
		/** Null where Kolada has the row but no value (status says why). */
		value: numeric('value'),
		status: text('status').notNull().default(''),
		fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.kpi, t.placeId, t.year, t.gender] })]
);

/** One run of an organisation's Kolada sync: when, by whom or what, and per indicator what changed or failed. */
export const koladaSyncs = pgTable(
	'kolada_syncs',
	{
		tenantId: tenantId(),
		id: id(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		actor: text('actor').notNull(),
		/** 'manual' (the button), 'cli' or 'scheduled'. */
		trigger: text('trigger').notNull(),
		/** For a scheduled run, the day (Swedish time) it is for: one run a day however many servers try (a unique key). */
		scheduledFor: date('scheduled_for'),
		filled: integer('filled').notNull().default(0),
		kept: integer('kept').notNull().default(0),
		failed: integer('failed').notNull().default(0),
		/** Per indicator: { indicatorId, name, filled, updated, kept, missing, error }. */
		details: jsonb('details').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`)
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		index('kolada_syncs_at_idx').on(t.tenantId, t.startedAt),
		uniqueIndex('kolada_syncs_scheduled_idx').on(t.tenantId, t.scheduledFor)
	]
);

/**
 * A SAML 2.0 identity provider for an organisation (one per organisation, beside or instead of OIDC),
 * configured from its metadata (fetched from `metadata_url` or pasted): its entity id, single sign-on
 * address and signing certificates are kept as read from the metadata.
 */
export const samlProviders = pgTable(
	'saml_providers',
	{
		tenantId: uuid('tenant_id').primaryKey(),
		entityId: text('entity_id').notNull(),
		ssoUrl: text('sso_url').notNull(),
		/** The IdP's signing certificates (base64 DER, as in the metadata). */
		certificates: text('certificates').array().notNull(),
		metadataUrl: text('metadata_url'),
		metadataXml: text('metadata_xml').notNull(),
		displayName: text('display_name').notNull().default('Logga in med organisationens konto (SAML)'),
		defaultRole: text('default_role').$type<Role>().notNull().default('reader'),
		/** The attribute carrying the e-mail address (else the NameID when it is one). */
		emailAttribute: text('email_attribute').notNull().default('urn:oid:0.9.2342.19200300.100.1.3'),
		/** The attribute carrying the display name (else given name + surname, else the e-mail). */
		nameAttribute: text('name_attribute').notNull().default('urn:oid:2.16.840.1.113730.3.1.241'),
		updatedAt: updatedAt(),
		createdAt: createdAt()
	},
	(t) => [foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade')]
);

/** Authentication requests sent to the IdP: an answer must be InResponseTo one of them, used once, within minutes. */
export const samlRequests = pgTable(
	'saml_requests',
	{
		tenantId: tenantId(),
		requestId: text('request_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.requestId] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade')
	]
);

/** Assertions already used to sign in (kept until they expire): a replayed assertion finds its id here and is refused. */
export const samlAssertions = pgTable(
	'saml_assertions',
	{
		tenantId: tenantId(),
		assertionId: text('assertion_id').notNull(),
		notOnOrAfter: timestamp('not_on_or_after', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.assertionId] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade')
	]
);

/** A person's private calendar feed: the secret URL is shown to them; only its hash is kept; revoking ends it. */
export const calendarFeeds = pgTable(
	'calendar_feeds',
	{
		tenantId: tenantId(),
		id: id(),
		personId: uuid('person_id').notNull(),
		tokenHash: text('token_hash').notNull(),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
		uniqueIndex('calendar_feeds_hash_idx').on(t.tenantId, t.tokenHash),
		index('calendar_feeds_person_idx').on(t.tenantId, t.personId)
	]
);

export const REMINDER_KINDS = ['due_soon', 'overdue', 'digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * A reminder or digest mailed to a person: written (as 'sending') before the mail goes and marked 'sent'
 * after, under a unique key per person, kind and subject (a period's id, or an ISO week for the digest),
 * so no job, retry or second server mails the same thing twice.
 */
export const reminderMails = pgTable(
	'reminder_mails',
	{
		tenantId: tenantId(),
		personId: uuid('person_id').notNull(),
		kind: text('kind').$type<ReminderKind>().notNull(),
		subject: text('subject').notNull(),
		status: text('status').$type<'sending' | 'sent'>().notNull().default('sending'),
		createdAt: createdAt(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.personId, t.kind, t.subject] }),
		foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
		check('reminder_mails_kind_check', sql`${t.kind} in ('due_soon', 'overdue', 'digest')`),
		check('reminder_mails_status_check', sql`${t.status} in ('sending', 'sent')`)
	]
);

/** One run of a background job for an organisation (reminders, digest, Kolada): what admins see of the job runner. */
export const jobRuns = pgTable(
	'job_runs',
	{
		tenantId: tenantId(),
		id: id(),
		job: text('job').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		/** 'running', 'done' or 'failed' (a failed run is retried with back-off; each attempt is a run). */
		state: text('state').$type<'running' | 'done' | 'failed'>().notNull().default('running'),
		attempt: integer('attempt').notNull().default(1),
		/** What the run did, in numbers ({ sent: 3, skipped: 1 }). */
		summary: jsonb('summary').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
		error: text('error')
	},
	(t) => [
		primaryKey({ columns: [t.tenantId, t.id] }),
		foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id] }).onDelete('cascade'),
		index('job_runs_job_idx').on(t.tenantId, t.job, t.startedAt),
		check('job_runs_state_check', sql`${t.state} in ('running', 'done', 'failed')`)
	]
);
