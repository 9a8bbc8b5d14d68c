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

/**
 * The same rule for a whole organisation at once: every (node_id, person_id) where the person is
 * responsible for the item — named, or holding a role title named. For reads over all people
 * (reminders), where asking per person would be one query each.
 */
export const responsiblePeople = (tenantId: string): SQL => sql`(
	select r.node_id, r.person_id from node_responsibles r where r.tenant_id = ${tenantId} and r.person_id is not null
	union
	select r.node_id, h.person_id from node_responsibles r
		join role_title_holders h on h.tenant_id = r.tenant_id and h.role_title_id = r.role_title_id
		where r.tenant_id = ${tenantId})`;
