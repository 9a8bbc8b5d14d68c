import { describe, expect, it } from 'vitest';
import { authorize, can, type Action } from './index';
import type { ActorRole } from '../shared/context';

const actor = (role: ActorRole) => ({ id: role, roles: [role] });

/** Role × action, as the product promises it; the identity issue adds own/other unit and organisation. */
const matrix: Record<Action, ActorRole[]> = {
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

describe('policies', () => {
	for (const [action, allowed] of Object.entries(matrix) as [Action, ActorRole[]][]) {
		for (const role of ['admin', 'planner', 'reporter', 'reader'] as const) {
			const expected = allowed.includes(role);
			it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
				expect(can(actor(role), action)).toBe(expected);
				if (expected) expect(() => authorize(actor(role), action)).not.toThrow();
				else expect(() => authorize(actor(role), action)).toThrow(expect.objectContaining({ code: 'error_forbidden', status: 403 }));
			});
		}
	}

	it('refuses an actor without roles everything', () => {
		for (const action of Object.keys(matrix) as Action[]) expect(can({ id: 'nobody', roles: [] }, action)).toBe(false);
	});
});
