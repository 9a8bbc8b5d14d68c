/** Who acts, and in which organisation. Every domain call takes one; every query is scoped by tenantId. */
export interface Actor {
	/** A stable label for the audit log: a person's id, "cli", "demo", "api:<token name>". */
	id: string;
	/** Roles the actor holds in this tenant (the identity issue gives them per unit). */
	roles: readonly ActorRole[];
}

export type ActorRole = 'admin' | 'planner' | 'reporter' | 'reader';

export interface Ctx {
	tenantId: string;
	actor: Actor;
}

export function systemContext(tenantId: string, actorId: string): Ctx {
	return { tenantId, actor: { id: actorId, roles: ['admin'] } };
}
