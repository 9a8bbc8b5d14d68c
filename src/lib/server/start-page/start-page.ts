import type { Db } from '../db/client';
import type { Ctx } from '../shared/context';
import { can, planReadScope } from '../policies';
import { listComing } from '../cycle/cycle-repository';
import { listDueReports } from '../follow-up/follow-up-repository';
import { listScale, type ScaleValue } from '../follow-up/scales';
import { itemLabel } from '../presenters/item-name';
import { countMissingByResponsible, countOpenPeriods, findFirstSteps, listMyItems, listRecentChanges, type FirstSteps, type RecentChange } from './start-page-repository';

/** How many of the person's items, recent changes and responsibles the page lists (counts cover all). */
const MY_ITEMS_SHOWN = 8;
const CHANGES_SHOWN = 5;
const RESPONSIBLES_SHOWN = 5;
const COMING_SHOWN = 5;

export interface ScaleLabel {
	id: string;
	labelSv: string;
	labelEn: string;
	colour: string;
}

export interface StatusCount {
	value: ScaleLabel;
	count: number;
}

/** What the start page shows a person, read in a handful of statements run side by side. */
export async function loadStartPage(db: Db, ctx: Ctx, today: string) {
	const { actor } = ctx;
	const personId = actor.personId;
	const overview = can(actor, 'followup.overview');
	const guide = can(actor, 'people.manage');
	const [due, mine, scale, periods, missing, changes, steps, coming] = await Promise.all([
		personId ? listDueReports(db, ctx.tenantId, personId) : [],
		personId ? listMyItems(db, ctx.tenantId, personId) : [],
		listScale(db, ctx.tenantId),
		overview ? countOpenPeriods(db, ctx.tenantId, today) : [],
		overview ? countMissingByResponsible(db, ctx.tenantId) : [],
		// Read a few more than shown: changes to drafts the person may not read are left out below.
		listRecentChanges(db, ctx.tenantId, { accountId: actor.id, personId, wholeOrganisation: overview, limit: CHANGES_SHOWN * 4 }),
		guide ? findFirstSteps(db, ctx.tenantId) : undefined,
		// What is coming up in the organisation's annual cycle.
		can(actor, 'plan.read') ? listComing(db, ctx.tenantId, today, COMING_SHOWN) : []
	]);
	const values = new Map(scale.map((value) => [value.id, label(value)]));

	const plans = new Map<string, { id: string; title: string; items: number; due: number }>();
	for (const item of mine) {
		const plan = plans.get(item.planId) ?? { id: item.planId, title: item.planTitle, items: 0, due: 0 };
		plan.items++;
		plans.set(item.planId, plan);
	}
	for (const row of due) {
		const plan = plans.get(row.planId);
		if (plan) plan.due++;
	}

	return {
		toReport: {
			count: due.length,
			overdue: due.filter((row) => row.dueOn < today).length,
			nearest: due[0] ? { dueOn: due[0].dueOn, periodName: due[0].periodName, planTitle: due[0].planTitle } : null
		},
		myPlans: [...plans.values()],
		myStatuses: countValues(mine.map((item) => item.valueId), values),
		myUnreported: mine.filter((item) => !item.valueId).length,
		myItems: mine
			.filter((item) => item.reportedAt)
			.sort((a, b) => b.reportedAt!.localeCompare(a.reportedAt!))
			.slice(0, MY_ITEMS_SHOWN)
			.map((item) => ({
				nodeId: item.nodeId,
				planId: item.planId,
				name: itemLabel(item, item.level),
				value: item.valueId ? (values.get(item.valueId) ?? null) : null,
				periodName: item.periodName
			})),
		myItemCount: mine.length,
		organisation: overview ? organisationAtAGlance(ctx, periods, missing, values) : null,
		changes: changes.filter((change) => mayRead(actor, change, !overview)).slice(0, CHANGES_SHOWN).map((change) => ({
			at: change.at,
			action: change.action,
			actor: change.actor,
			planId: change.planId,
			planTitle: change.planTitle,
			nodeId: change.nodeId,
			item: change.nodeId && change.level ? itemLabel({ ref: change.ref ?? '', title: change.title ?? '', description: change.description ?? '', fieldValues: change.fieldValues ?? {} }, change.level) : null
		})),
		canReport: can(actor, 'followup.report'),
		canReadAudit: can(actor, 'audit.read'),
		firstSteps: steps && !allDone(steps) ? steps : null,
		coming: coming.map(({ id, name, kind, startsOn, endsOn }) => ({ id, name, kind, startsOn, endsOn }))
	};
}

/**
 * A change is shown where its plan may be read (`ownItems`: the changes were read for the person's own
 * items, so they are responsible in the plan); a change to a removed plan only to those who read the audit log.
 */
function mayRead(actor: Ctx['actor'], change: RecentChange, ownItems: boolean): boolean {
	if (change.planOwnerUnitId === null || change.planState === null) return can(actor, 'audit.read');
	return can(actor, 'plan.read', planReadScope({ ownerUnitId: change.planOwnerUnitId, state: change.planState }, ownItems));
}

const label = ({ id, labelSv, labelEn, colour }: ScaleValue): ScaleLabel => ({ id, labelSv, labelEn, colour });
const allDone = (steps: FirstSteps) => steps.framework && steps.plan && steps.people && steps.period;

/** Counts per status or assessment, in the scale's own order; reports without a value are left out. */
function countValues(ids: (string | null)[], values: Map<string, ScaleLabel>): StatusCount[] {
	const counts = new Map<string, number>();
	for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
	return [...values.values()].filter((value) => counts.has(value.id)).map((value) => ({ value, count: counts.get(value.id)! }));
}

/** Per plan and open period the actor may oversee: share reported, status distribution, overdue, missing per responsible. */
function organisationAtAGlance(
	ctx: Ctx,
	rows: Awaited<ReturnType<typeof countOpenPeriods>>,
	missing: Awaited<ReturnType<typeof countMissingByResponsible>>,
	values: Map<string, ScaleLabel>
) {
	const periods = new Map<string, { planId: string; planTitle: string; periodId: string; periodName: string; dueOn: string; pastDue: boolean; items: number; reported: number; pastDeadline: number; ids: Map<string, number> }>();
	for (const row of rows) {
		if (!can(ctx.actor, 'followup.overview', { unitId: row.ownerUnitId })) continue;
		const period = periods.get(row.periodId) ?? { ...row, items: 0, reported: 0, pastDeadline: 0, ids: new Map<string, number>() };
		period.items += row.items;
		period.pastDeadline += row.pastDeadline;
		if (row.reported) period.reported += row.items;
		if (row.valueId) period.ids.set(row.valueId, (period.ids.get(row.valueId) ?? 0) + row.items);
		periods.set(row.periodId, period);
	}
	const collator = new Intl.Collator('sv');
	return [...periods.values()]
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || collator.compare(a.planTitle, b.planTitle))
		.map(({ ids, ...period }) => {
			const responsibles = missing
				.filter((row) => row.periodId === period.periodId)
				.sort((a, b) => b.missing - a.missing || Number(a.responsible === null) - Number(b.responsible === null) || collator.compare(a.responsible ?? '', b.responsible ?? ''));
			return {
				...period,
				missing: period.items - period.reported,
				overdue: period.pastDue ? period.items - period.reported : 0,
				statuses: [...values.values()].filter((value) => ids.has(value.id)).map((value) => ({ value, count: ids.get(value.id)! })),
				responsibles: responsibles.slice(0, RESPONSIBLES_SHOWN).map(({ responsible, missing }) => ({ responsible, missing })),
				moreResponsibles: Math.max(0, responsibles.length - RESPONSIBLES_SHOWN)
			};
		});
}

export type StartPage = Awaited<ReturnType<typeof loadStartPage>>;
