import type { Db } from '../db/client';
import { listPlans } from '../plans/plan-repository';
import { readablePlans } from '../plans/plan-access';
import { listPeople } from '../organisation/organisation-repository';
import { listCycles, listEvents, type Cycle } from './cycle-repository';
import { cycleSpan, inCycle } from './cycle-year';
import type { Ctx } from '../shared/context';

/** The cycle a page shows: the one asked for, else the one today falls in (school year before calendar year), else the latest. */
export function chosenCycle(cycles: Cycle[], asked: string | null, today: string): Cycle | undefined {
	return (
		cycles.find((cycle) => cycle.id === asked) ??
		[...cycles].sort((a, b) => (a.periodKind === b.periodKind ? 0 : a.periodKind === 'school_year' ? -1 : 1)).find((cycle) => inCycle(today, cycleSpan(cycle.periodKind, cycle.startYear))) ??
		cycles.at(-1)
	);
}

/** Events that share days with another: shown, since overlapping is allowed (analysis days during a follow-up). */
export function overlaps(events: { id: string; startsOn: string; endsOn: string | null }[]): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const event of events) {
		const end = event.endsOn ?? event.startsOn;
		const others = events.filter((other) => other.id !== event.id && other.startsOn <= end && (other.endsOn ?? other.startsOn) >= event.startsOn).map((other) => other.id);
		if (others.length) found.set(event.id, others);
	}
	return found;
}

/** What an event's form offers: the plans it may concern (not archived, readable) and the people who may be responsible. */
export async function cycleChoices(db: Db, ctx: Ctx) {
	const [plans, people] = await Promise.all([
		listPlans(db, ctx.tenantId).then((all) => readablePlans(db, ctx, all.filter((plan) => plan.state !== 'archived'))),
		listPeople(db, ctx.tenantId)
	]);
	return { plans: plans.map(({ id, title }) => ({ id, title })), people: people.map(({ id, name }) => ({ id, name })) };
}

/** What the annual cycle's page reads: the cycles, the chosen one's events, and for an administrator the form's choices. */
export async function loadCyclePage(db: Db, ctx: Ctx, asked: string | null, today: string, manage: boolean) {
	const cycles = await listCycles(db, ctx.tenantId);
	const cycle = chosenCycle(cycles, asked, today);
	const [events, choices] = await Promise.all([cycle ? listEvents(db, ctx.tenantId, cycle.id) : [], manage ? cycleChoices(db, ctx) : { plans: [], people: [] }]);
	return { cycles, cycle, events, ...choices };
}
