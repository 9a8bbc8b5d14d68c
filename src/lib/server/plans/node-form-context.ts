import type { Db } from '../db/client';
import { listPeople, listRoleTitles } from '../organisation/organisation-repository';
import type { PlanData } from './plan-repository';

/** What the item form offers to choose from: the organisation's boards, people and known role titles. */
export async function nodeFormChoices(db: Db, tenantId: string, data: Pick<PlanData, 'boards'>) {
	const collator = new Intl.Collator('sv');
	const [people, roleTitles] = await Promise.all([listPeople(db, tenantId), listRoleTitles(db, tenantId)]);
	return {
		boards: data.boards.map((board) => ({ id: board.id, name: board.name, shortName: board.shortName })),
		people: people.map((person) => ({ id: person.id, name: person.name })).sort((a, b) => collator.compare(a.name, b.name)),
		roleTitles: roleTitles.map((role) => role.name).sort(collator.compare)
	};
}
