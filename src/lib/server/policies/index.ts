import { DomainError } from '../shared/domain-error';
import type { Actor, ActorRole } from '../shared/context';

/**
 * Who may do what: the one place that decides. Pages, form actions, API routes and the CLI call
 * `authorize` before a command; commands never check roles themselves.
 */
export type Action =
	| 'plan.read'
	| 'plan.create'
	| 'plan.edit'
	| 'plan.adopt'
	| 'plan.archive'
	| 'framework.read'
	| 'framework.edit'
	| 'organisation.edit'
	| 'audit.read';

const RULES: Record<Action, readonly ActorRole[]> = {
	'plan.read': ['admin', 'planner', 'reporter', 'reader'],
	'plan.create': ['admin', 'planner'],
	'plan.edit': ['admin', 'planner'],
	'plan.adopt': ['admin'],
	'plan.archive': ['admin'],
	'framework.read': ['admin', 'planner', 'reporter', 'reader'],
	'framework.edit': ['admin'],
	'organisation.edit': ['admin'],
	'audit.read': ['admin']
};

export function can(actor: Actor, action: Action): boolean {
	return actor.roles.some((role) => RULES[action].includes(role));
}

export function authorize(actor: Actor, action: Action): void {
	if (!can(actor, action)) throw new DomainError('error_forbidden', {}, { status: 403 });
}
