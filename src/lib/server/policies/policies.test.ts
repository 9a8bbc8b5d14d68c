import { describe, expect, it } from 'vitest';
import { authorize, can, planReadScope, type Action } from './index';
import { ROLES, type Role } from '../db/schema';
import type { Actor } from '../shared/context';

/**
 * Role × action × own/other unit, as the product promises it. The organisation has a top unit
 * (the municipality) with two schools under it; a grant covers its unit and everything below.
 * (Own/other organisation is tested where ids are looked up: every query is scoped by tenant.)
 */
const TOP = 'top';
const OWN = 'school-a';
const OTHER = 'school-b';

const onTop = (role: Role): Actor => ({ id: role, name: role, personId: `person-${role}`, grants: [{ role, units: new Set([TOP, OWN, OTHER]), organisationWide: true }] });
const onSchool = (role: Role): Actor => ({ id: role, name: role, personId: `person-${role}`, grants: [{ role, units: new Set([OWN]), organisationWide: false }] });

const allowedRoles: Record<Action, Role[]> = {
	'plan.read': ['admin', 'planner', 'reporter', 'reader'],
	'plan.create': ['admin', 'planner'],
	'plan.edit': ['admin', 'planner'],
	'plan.adopt': ['admin'],
	'plan.archive': ['admin'],
	'plan.publish': ['admin'],
	'framework.read': ['admin', 'planner', 'reporter', 'reader'],
	'framework.edit': ['admin'],
	'organisation.edit': ['admin'],
	'people.manage': ['admin'],
	'tokens.manage': ['admin'],
	'audit.read': ['admin'],
	'followup.report': ['admin', 'planner', 'reporter'],
	'followup.overview': ['admin', 'planner'],
	'plan.cascade': ['admin', 'planner'],
	'period.manage': ['admin'],
	'scale.edit': ['admin'],
	'units.import': ['admin'],
	'kolada.manage': ['admin'],
	'cycle.manage': ['admin'],
	'reminders.manage': ['admin'],
	'jobs.manage': ['admin'],
	'calendar.feed': ['admin', 'planner', 'reporter', 'reader']
};
const unitScoped: Action[] = ['plan.create', 'plan.edit', 'plan.adopt', 'plan.archive', 'plan.publish', 'plan.cascade', 'followup.report', 'followup.overview', 'period.manage'];
const organisationWide: Action[] = ['framework.edit', 'organisation.edit', 'people.manage', 'tokens.manage', 'audit.read', 'scale.edit', 'units.import', 'kolada.manage', 'cycle.manage', 'reminders.manage', 'jobs.manage'];

describe('policies', () => {
	for (const [action, roles] of Object.entries(allowedRoles) as [Action, Role[]][]) {
		for (const role of ROLES) {
			const roleMay = roles.includes(role);
			it(`${role} on the top unit ${roleMay ? 'may' : 'may not'} ${action}, in any unit`, () => {
				expect(can(onTop(role), action, { unitId: OWN })).toBe(roleMay);
				expect(can(onTop(role), action, { unitId: OTHER })).toBe(roleMay);
				if (!roleMay) expect(() => authorize(onTop(role), action)).toThrow(expect.objectContaining({ code: 'error_forbidden', status: 403 }));
			});
			it(`${role} on one school: ${action} in its own school ${roleMay && !organisationWide.includes(action) ? 'allowed' : 'refused'}, in another ${roleMay && !unitScoped.includes(action) && !organisationWide.includes(action) ? 'allowed' : 'refused'}`, () => {
				expect(can(onSchool(role), action, { unitId: OWN })).toBe(roleMay && !organisationWide.includes(action));
				expect(can(onSchool(role), action, { unitId: OTHER })).toBe(roleMay && !unitScoped.includes(action) && !organisationWide.includes(action));
			});
		}
	}

	it("reads an adopted plan anywhere, a draft only within reach: a rektor never reads another school's draft", () => {
		for (const role of ROLES) {
			expect(can(onSchool(role), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'adopted' }))).toBe(true);
			expect(can(onSchool(role), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'archived' }))).toBe(true);
			expect(can(onSchool(role), 'plan.read', planReadScope({ ownerUnitId: OWN, state: 'draft' }))).toBe(true);
			expect(can(onSchool(role), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'draft' }))).toBe(false);
			// The organiser's own draft is not the school's either; its strategists read every unit's.
			expect(can(onSchool(role), 'plan.read', planReadScope({ ownerUnitId: TOP, state: 'draft' }))).toBe(false);
			expect(can(onTop(role), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'draft' }))).toBe(true);
		}
		expect(() => authorize(onSchool('planner'), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'draft' }))).toThrow(
			expect.objectContaining({ code: 'error_forbidden', status: 403 })
		);
	});

	it("lets a person manage their own calendar feed, never another's, and an integration's token none", () => {
		for (const role of ROLES) {
			expect(can(onSchool(role), 'calendar.feed', { personId: `person-${role}` })).toBe(true);
			expect(can(onSchool(role), 'calendar.feed', { personId: 'someone-else' })).toBe(false);
		}
		const token: Actor = { id: 'api:1', name: 'Nyckel', grants: [{ role: 'reader', units: new Set([TOP]), organisationWide: true }] };
		expect(can(token, 'calendar.feed')).toBe(false);
		expect(can({ ...onTop('admin'), grants: [] }, 'calendar.feed', { personId: 'person-admin' })).toBe(false);
	});

	it('lets a person responsible for an item read the draft it stands in', () => {
		expect(can(onSchool('reporter'), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'draft' }, true))).toBe(true);
		expect(can(onSchool('reporter'), 'plan.read', planReadScope({ ownerUnitId: OTHER, state: 'draft' }, false))).toBe(false);
	});

	it('lets a reporter report only the items they are responsible for', () => {
		expect(can(onSchool('reporter'), 'followup.report', { unitId: OWN, responsible: true })).toBe(true);
		expect(can(onSchool('reporter'), 'followup.report', { unitId: OWN, responsible: false })).toBe(false);
		expect(can(onSchool('planner'), 'followup.report', { unitId: OWN, responsible: false })).toBe(true);
		expect(can(onSchool('reporter'), 'followup.report', { unitId: OTHER, responsible: true })).toBe(false);
	});

	it('refuses an actor without roles everything', () => {
		for (const action of Object.keys(allowedRoles) as Action[]) expect(can({ id: 'nobody', name: 'nobody', grants: [] }, action)).toBe(false);
	});
});
