import { ROLES, type Role } from '../db/schema';

export type ActorRole = Role;

/** Units a grant covers: the unit it was given on and everything under it. */
export interface UnitSet {
	has(unitId: string): boolean;
}

export const ALL_UNITS: UnitSet = { has: () => true };

export interface Grant {
	role: Role;
	units: UnitSet;
	/** Given on a top unit of the organisation: covers organisation-wide matters (frameworks, people, audit). */
	organisationWide: boolean;
}

/** Who acts, and in which organisation. Every domain call takes one; every query is scoped by tenantId. */
export interface Actor {
	/** A stable label for the audit log: an account id, "cli", "demo", "api:<token id>". */
	id: string;
	/** For people to read: a person's name, a token's name. */
	name: string;
	grants: readonly Grant[];
	/** The person behind a signed-in account: what they are responsible for is theirs to report. */
	personId?: string;
}

export interface Ctx {
	tenantId: string;
	actor: Actor;
}

/** The operator's own actions (CLI, demo loader): every role everywhere. */
export function systemActor(id: string): Actor {
	return { id, name: id, grants: ROLES.map((role) => ({ role, units: ALL_UNITS, organisationWide: true })) };
}

export function systemContext(tenantId: string, actorId: string): Ctx {
	return { tenantId, actor: systemActor(actorId) };
}
