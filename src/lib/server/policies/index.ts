import { DomainError } from '../shared/domain-error';
import type { Actor } from '../shared/context';
import type { Role } from '../db/schema';

/**
 * Who may do what: the one place that decides. Pages, form actions, API routes and the CLI call
 * `authorize` before a command; commands never check roles themselves.
 *
 * A role is held on a unit and covers everything under it. Plan actions are checked against the
 * plan's owner unit; organisation-wide actions need the role on a top unit. An adopted or archived
 * plan is read by every member of the organisation (it is a public document anyway); a draft only by
 * those who hold a role over its owner unit, or are responsible for one of its items: a rektor sees
 * the school's own plan and the organiser's adopted goals, never another school's draft.
 */
export type Action =
	| 'plan.read'
	| 'plan.create'
	| 'plan.edit'
	| 'plan.adopt'
	| 'plan.archive'
	| 'plan.publish'
	| 'plan.cascade'
	| 'framework.read'
	| 'framework.edit'
	| 'organisation.edit'
	| 'people.manage'
	| 'tokens.manage'
	| 'audit.read'
	| 'followup.report'
	| 'followup.overview'
	| 'period.manage'
	| 'scale.edit'
	| 'units.import'
	| 'kolada.manage'
	| 'cycle.manage'
	| 'reminders.manage'
	| 'jobs.manage'
	| 'calendar.feed';

const RULES: Record<Action, readonly Role[]> = {
	'plan.read': ['admin', 'planner', 'reporter', 'reader'],
	'plan.create': ['admin', 'planner'],
	'plan.edit': ['admin', 'planner'],
	'plan.adopt': ['admin'],
	'plan.archive': ['admin'],
	'plan.publish': ['admin'],
	/** Sending an adopted plan's goals down to the units below its owner (the steering chain). */
	'plan.cascade': ['admin', 'planner'],
	'framework.read': ['admin', 'planner', 'reporter', 'reader'],
	'framework.edit': ['admin'],
	'organisation.edit': ['admin'],
	'people.manage': ['admin'],
	'tokens.manage': ['admin'],
	'audit.read': ['admin'],
	'followup.report': ['admin', 'planner', 'reporter'],
	/** The start page's organisation at a glance: reporting progress per plan and open period, missing reports per responsible. */
	'followup.overview': ['admin', 'planner'],
	'period.manage': ['admin'],
	'scale.edit': ['admin'],
	/** Filling the unit tree from Skolverket's school unit register. */
	'units.import': ['admin'],
	/** The organisation's place in Kolada (municipality, comparison group, its units' matches) and syncing its figures. */
	'kolada.manage': ['admin'],
	/** The organisation's annual cycle (årshjul): its events, and opening and closing the follow-ups' periods from it. */
	'cycle.manage': ['admin'],
	/** The organisation's reminders by e-mail: how many days before a due date, who would be reminded, and sending them at once. */
	'reminders.manage': ['admin'],
	/** The background jobs (reminders, digest, Kolada): their last and next runs and failures, and running one at once. */
	'jobs.manage': ['admin'],
	/** A person's own calendar feed (a secret address of their deadlines and the cycle's events): only theirs. */
	'calendar.feed': ['admin', 'planner', 'reporter', 'reader']
};

type Reach = 'anywhere' | 'unit' | 'organisation';
const REACH: Record<Action, Reach> = {
	'plan.read': 'anywhere',
	'plan.create': 'unit',
	'plan.edit': 'unit',
	'plan.adopt': 'unit',
	'plan.archive': 'unit',
	'plan.publish': 'unit',
	'plan.cascade': 'unit',
	'framework.read': 'anywhere',
	'framework.edit': 'organisation',
	'organisation.edit': 'organisation',
	'people.manage': 'organisation',
	'tokens.manage': 'organisation',
	'audit.read': 'organisation',
	'followup.report': 'unit',
	'followup.overview': 'unit',
	'period.manage': 'unit',
	'scale.edit': 'organisation',
	'units.import': 'organisation',
	'kolada.manage': 'organisation',
	'cycle.manage': 'organisation',
	'reminders.manage': 'organisation',
	'jobs.manage': 'organisation',
	'calendar.feed': 'anywhere'
};

export interface Scope {
	/** The unit the action concerns (a plan's owner). Without it: may the actor do this anywhere? */
	unitId?: string;
	/** Whether the actor is responsible for the item concerned (for a draft's reading: for one of its items). */
	responsible?: boolean;
	/** The plan read is a draft: readable within the owner unit's reach, or by those responsible in it. */
	draft?: boolean;
	/** The person whose own thing it is (a calendar feed): only that person may manage or read it. */
	personId?: string;
}

/** The scope of reading a plan: its owner unit, and whether it is still a draft. */
export function planReadScope(plan: { ownerUnitId: string; state: string }, responsible?: boolean): Scope {
	return { unitId: plan.ownerUnitId, draft: plan.state === 'draft', responsible };
}

export function can(actor: Actor, action: Action, scope: Scope = {}): boolean {
	const allowed = RULES[action];
	// A calendar feed is a person's own: an integration's token has no person, and nobody manages another's.
	if (action === 'calendar.feed' && (!actor.personId || (scope.personId !== undefined && scope.personId !== actor.personId))) return false;
	return actor.grants.some((grant) => {
		if (!allowed.includes(grant.role)) return false;
		if (action === 'followup.report' && grant.role === 'reporter' && scope.responsible === false) return false;
		switch (REACH[action]) {
			case 'anywhere':
				return !scope.draft || scope.unitId === undefined || grant.units.has(scope.unitId) || scope.responsible === true;
			case 'organisation':
				return grant.organisationWide;
			case 'unit':
				return scope.unitId === undefined || grant.units.has(scope.unitId);
		}
	});
}

export function authorize(actor: Actor, action: Action, scope: Scope = {}): void {
	if (!can(actor, action, scope)) throw new DomainError('error_forbidden', {}, { status: 403 });
}
