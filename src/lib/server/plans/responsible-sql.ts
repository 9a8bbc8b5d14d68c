import { sql, type SQL } from 'drizzle-orm';

/**
 * Whether the person is responsible for the item `n` (a `nodes` row in the statement): named, or
 * holding a role title named. The one condition for "my items", "Att rapportera"'s people and the
 * drafts a person may read because they are responsible in them.
 */
export const responsibleForItem = (tenantId: string, personId: string): SQL => sql`exists (
	select 1 from node_responsibles r where r.tenant_id = n.tenant_id and r.node_id = n.id
		and (r.person_id = ${personId} or r.role_title_id in
			(select h.role_title_id from role_title_holders h where h.tenant_id = ${tenantId} and h.person_id = ${personId})))`;
