import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app/runtime';
import { loadPlanHead, loadPlanNode, type PlanHead } from '$lib/server/plans/plan-repository';
import { loadOutlineSlice, loadPlanSkeleton } from '$lib/server/plans/outline-repository';
import { boardNameMap, OUTLINE_BUDGET, presentFields, presentOutlineSlice } from '$lib/server/presenters/plan-presenter';
import { renderRichText } from '$lib/server/presenters/rich-text';
import { itemLabel, itemName } from '$lib/server/presenters/item-name';
import { actorNames, listAuditEvents } from '$lib/server/audit/audit-repository';
import { presentAuditEvents } from '$lib/server/presenters/audit-presenter';
import { ancestorsOf, placementOptions } from '$lib/server/plans/placement-options';
import { nodeFormValues, nodeInputFromForm } from '$lib/server/plans/node-form';
import { nodeFormChoices } from '$lib/server/plans/node-form-context';
import { checkPicks, readPicks } from '$lib/server/plans/picks-form';
import { updateNode } from '$lib/server/plans/update-node';
import { moveNode } from '$lib/server/plans/move-node';
import { linkNode } from '$lib/server/plans/link-node';
import { unlinkNode } from '$lib/server/plans/unlink-node';
import { removeNode } from '$lib/server/plans/remove-node';
import { addIndicator } from '$lib/server/indicators/add-indicator';
import { updateIndicator } from '$lib/server/indicators/update-indicator';
import { removeIndicator } from '$lib/server/indicators/remove-indicator';
import { authorize, can } from '$lib/server/policies';
import { indicatorTrends, presentItemFollowUp, scaleChoices } from '$lib/server/presenters/item-follow-up';
import { listPeriods } from '$lib/server/follow-up/period-repository';
import { loadComparison } from '$lib/server/kolada/kolada-comparison';
import { findKpi } from '$lib/server/kolada/kolada-repository';
import { takeKoladaValue } from '$lib/server/kolada/take-kolada-value';
import { presentComparison } from '$lib/server/presenters/kolada-comparison';
import type { PlanNode } from '$lib/server/plans/plan-repository';
import { listMeasurements } from '$lib/server/follow-up/follow-up-repository';
import { reportItem } from '$lib/server/follow-up/report-item';
import { reportFromForm } from '$lib/server/follow-up/report-form';
import { guardPlan, guardPlanRead, guardReport, reportScope } from '$lib/server/http/guard';
import { found, runAction } from '$lib/server/http/run-action';
import { formFields } from '$lib/server/http/form';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const INDICATOR_FIELDS = [
	'name', 'kind', 'unit', 'direction', 'targetKind', 'targetComparison', 'targetValue', 'targetChange', 'baselineValue', 'baselineLabel', 'koladaKpi'
] as const;

/** The item's own changes, newest first: who changed what, before and after. */
async function itemHistory(tenantId: string, nodeId: string) {
	const events = await listAuditEvents(getDb(), tenantId, { entityId: nodeId, limit: 50 });
	return presentAuditEvents(events, await actorNames(getDb(), tenantId, events.map((event) => event.actor)));
}

/**
 * The plan around the item, the item with all it shows, and the rest of the plan only narrowly (where
 * each item stands and what names it: the path, what is under it through links, where it may move);
 * the outline under it is read as the plan page reads its own (`loadOutlineSlice`).
 */
async function loadNode(locals: App.Locals, planId: string, nodeId: string) {
	const db = getDb();
	const [head, item, skeleton] = await Promise.all([
		loadPlanHead(db, locals.ctx.tenantId, planId),
		loadPlanNode(db, locals.ctx.tenantId, planId, nodeId),
		loadPlanSkeleton(db, locals.ctx.tenantId, planId)
	]);
	const data = { ...found(head, locals.locale), nodes: skeleton };
	const node = found(item, locals.locale);
	const level = data.framework.levels.find((candidate) => candidate.id === node.levelId)!;
	return { data, node, level };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { data, node, level } = await loadNode(locals, params.planId, params.nodeId);
	await guardPlanRead(locals, data.plan);
	const titleOf = (id: string) => {
		const other = data.nodes.find((candidate) => candidate.id === id)!;
		return { id, title: itemLabel(other, data.framework.levels.find((candidate) => candidate.id === other.levelId)) };
	};
	const editable = data.plan.state === 'draft' && can(locals.ctx.actor, 'plan.edit', { unitId: data.plan.ownerUnitId });
	return {
		plan: { id: data.plan.id, title: data.plan.title },
		// The heading: its title, or for a level without titles the start of its first column.
		node: { id: node.id, ref: node.ref, title: itemName(node, level), version: node.version, carriedOver: node.carriedOver, parentId: node.parentId },
		// An anchor of the organiser's goal: where its wording comes from (and is changed), and whether it changed since.
		anchor: node.sourceNodeId && data.plan.parentPlanId ? { planId: data.plan.parentPlanId, nodeId: node.sourceNodeId, changed: node.sourceChangedAt !== null } : null,
		descriptionHtml: renderRichText(node.description),
		level,
		fields: presentFields(node, level, boardNameMap(data), { richText: true }),
		ancestors: ancestorsOf(data, node).map((ancestor) => titleOf(ancestor.id)),
		linkedParents: node.linkedParentIds.map(titleOf),
		indicators: node.indicators,
		subtree: presentOutlineSlice(await loadOutlineSlice(getDb(), locals.ctx.tenantId, data.plan.id, { rootId: node.id, budget: OUTLINE_BUDGET }), data, { rootId: node.id }),
		history: await itemHistory(locals.ctx.tenantId, node.id),
		followUpMode: level.followUp,
		followUp: level.followUp === 'none' && !node.indicators.length ? [] : await presentItemFollowUp(getDb(), locals.ctx.tenantId, data, node),
		scaleChoices: level.followUp === 'none' ? [] : await scaleChoices(getDb(), locals.ctx.tenantId, level.followUp),
		...(await indicatorFigures(locals, data, node)),
		// A key figure picked in the Kolada search for a new indicator (`?kpi=N15428`).
		pickedKpi: await pickedKpi(url.searchParams.get('kpi')),
		canReport:
			level.followUp !== 'none' &&
			can(locals.ctx.actor, 'followup.report', await reportScope(locals, data.plan, node.id)),
		// Outcomes are recorded by whoever may report the item, whatever its level's follow-up.
		canReportIndicators: can(locals.ctx.actor, 'followup.report', await reportScope(locals, data.plan, node.id)),
		childLevels: level.childLevelIds.map((id) => data.framework.levels.find((candidate) => candidate.id === id)!),
		editable,
		...(editable
			? { form: nodeFormValues(node, level), placement: placementOptions(data, node), ...(await nodeFormChoices(getDb(), locals.ctx.tenantId, data)) }
			: {})
	};
};

/** Every change on this page: the same guard, then back to the page (or the plan) on success. */
async function edit(event: RequestEvent, command: (form: FormData) => Promise<unknown>, back?: string) {
	await guardPlan(event.locals, event.params.planId, 'plan.edit');
	const form = await event.request.formData();
	const result = await runAction(event.locals.locale, async () => {
		await command(form);
	});
	if (result) return result;
	redirect(303, back ?? `/plans/${event.params.planId}/nodes/${event.params.nodeId}`);
}

async function pickedKpi(id: string | null) {
	const kpi = id ? await findKpi(getDb(), id.toUpperCase()) : undefined;
	return kpi ? { id: kpi.id, title: kpi.title } : null;
}

/**
 * The indicators' outcomes over the periods (with where each came from), and for those linked to
 * Kolada the comparison with the country and the group, and where Kolada's figure for a period's
 * year differs from a person's own value: the choice to take Kolada's.
 */
async function indicatorFigures(locals: App.Locals, data: PlanHead, node: PlanNode) {
	if (!node.indicators.length) return { trends: [], comparisons: [] };
	const db = getDb();
	const [periods, measured] = await Promise.all([listPeriods(db, locals.ctx.tenantId, data.plan.id), listMeasurements(db, locals.ctx.tenantId, data.plan.id)]);
	const comparisons = new Map(
		await Promise.all(
			node.indicators.filter((indicator) => indicator.koladaKpi).map(async (indicator) => [indicator.id, await loadComparison(db, locals.ctx.tenantId, indicator.koladaKpi!, data.ownerUnit)] as const)
		)
	);
	const yearOf = new Map(periods.map((period) => [period.id, Number(period.asOf.slice(0, 4))]));
	const closed = new Set(periods.filter((period) => period.closedAt).map((period) => period.id));
	const trends = indicatorTrends(periods, node, measured, locals.locale).map((trend) => {
		const own = comparisons.get(trend.id)?.series[0].values;
		return {
			...trend,
			points: trend.points.map((point) => {
				const kolada = own?.get(yearOf.get(point.periodId)!) ?? null;
				return { ...point, kolada: point.source !== 'kolada' && kolada !== null && kolada !== point.value && !closed.has(point.periodId) ? kolada : null };
			})
		};
	});
	const percent = new Map(node.indicators.map((indicator) => [indicator.id, indicator.kind === 'percent']));
	return {
		trends,
		comparisons: [...comparisons].flatMap(([id, comparison]) => (comparison ? [{ indicatorId: id, name: node.indicators.find((indicator) => indicator.id === id)!.name, ...presentComparison(comparison, locals.locale, percent.get(id)!) }] : []))
	};
}

export const actions: Actions = {
	/** A person takes Kolada's figure for a period instead of their own value (never done by the sync). */
	takeKolada: async (event) => {
		const { locals, params } = event;
		const { scope } = await guardReport(locals, params.planId, params.nodeId);
		const form = await event.request.formData();
		const target = { planId: params.planId, nodeId: params.nodeId, indicatorId: String(form.get('indicatorId') ?? ''), periodId: String(form.get('periodId') ?? '') };
		const result = await runAction(locals.locale, async () => {
			authorize(locals.ctx.actor, 'followup.report', scope);
			await takeKoladaValue(getDb(), locals.ctx, target);
		});
		if (result) return fail(result.status, { ...result.data });
		redirect(303, `/plans/${params.planId}/nodes/${params.nodeId}#indicators-heading`);
	},
	report: async (event) => {
		const { locals, params } = event;
		const { scope } = await guardReport(locals, params.planId, params.nodeId);
		const report = reportFromForm(await event.request.formData());
		const result = await runAction(
			locals.locale,
			async () => {
				authorize(locals.ctx.actor, 'followup.report', scope);
				await reportItem(getDb(), locals.ctx, params.planId, params.nodeId, report.periodId, report);
			},
			{ ...report }
		);
		if (result) return fail(result.status, { ...result.data });
		redirect(303, `/plans/${params.planId}/nodes/${params.nodeId}#period-${report.periodId}`);
	},
	update: async (event) => {
		const { data, level } = await loadNode(event.locals, event.params.planId, event.params.nodeId);
		let input: ReturnType<typeof nodeInputFromForm> | undefined;
		const result = await edit(event, async (form) => {
			input = readPicks(level, form, nodeInputFromForm(level, form));
			const checked = checkPicks(level, input, await nodeFormChoices(getDb(), event.locals.ctx.tenantId, data));
			return updateNode(getDb(), event.locals.ctx, event.params.planId, event.params.nodeId, { ...checked, version: form.get('version') });
		});
		return result && fail(result.status, { ...result.data, values: input });
	},
	move: (event) =>
		edit(event, (form) => {
			const parent = String(form.get('parentId') ?? '');
			return moveNode(getDb(), event.locals.ctx, event.params.planId, event.params.nodeId, { parentId: parent === 'top' ? null : parent });
		}),
	link: (event) => edit(event, (form) => linkNode(getDb(), event.locals.ctx, event.params.planId, event.params.nodeId, String(form.get('parentId') ?? ''))),
	unlink: (event) =>
		edit(event, (form) => unlinkNode(getDb(), event.locals.ctx, event.params.planId, event.params.nodeId, String(form.get('parentId') ?? ''))),
	addIndicator: (event) =>
		edit(event, (form) => addIndicator(getDb(), event.locals.ctx, event.params.planId, event.params.nodeId, formFields(form, INDICATOR_FIELDS))),
	updateIndicator: (event) =>
		edit(event, (form) =>
			updateIndicator(getDb(), event.locals.ctx, event.params.planId, String(form.get('indicatorId') ?? ''), formFields(form, INDICATOR_FIELDS))
		),
	removeIndicator: (event) =>
		edit(event, (form) => removeIndicator(getDb(), event.locals.ctx, event.params.planId, String(form.get('indicatorId') ?? ''))),
	remove: (event) =>
		edit(event, () => removeNode(getDb(), event.locals.ctx, event.params.planId, event.params.nodeId), `/plans/${event.params.planId}`)
};
