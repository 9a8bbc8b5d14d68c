import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/client';
import { createTenant } from '../organisation/create-tenant';
import { addUnit } from '../organisation/add-unit';
import { addAccount } from '../identity/add-account';
import { holdRoleTitle } from '../identity/hold-role-title';
import { findTenantBySlug, listUnits, type Tenant } from '../organisation/organisation-repository';
import { createFramework } from '../frameworks/create-framework';
import { createPlan } from '../plans/create-plan';
import { addNode } from '../plans/add-node';
import { linkNode } from '../plans/link-node';
import { saveChapter } from '../plans/save-chapter';
import { adoptPlan } from '../plans/adopt-plan';
import { addIndicator } from '../indicators/add-indicator';
import { systemContext, type Ctx } from '../shared/context';
import { listPlans, loadPlanData } from '../plans/plan-repository';
import { addPeriod, setPeriodClosed } from '../follow-up/manage-periods';
import { recordFollowUp } from '../follow-up/record-follow-up';
import { recordMeasurement } from '../follow-up/record-measurement';
import { setPlanPublished } from '../plans/publish-plan';
import { setEmailDomains } from '../organisation/set-email-domains';
import { listScale } from '../follow-up/scales';
import { importSchoolUnits } from '../organisation/import-school-units';
import { listFrameworks, loadFramework } from '../frameworks/framework-repository';
import { cascadeGoals } from '../plans/cascade-goals';
import { createCycle } from '../cycle/create-cycle';
import { saveCycleEvent } from '../cycle/save-cycle-event';
import { openChainPeriod } from '../follow-up/open-chain-period';
import { listPeriods } from '../follow-up/period-repository';
import { recordedSource } from '../kolada/recorded-source';
import { syncCatalogue } from '../kolada/sync-catalogue';
import { setKoladaSettings } from '../kolada/set-kolada-settings';
import { confirmUnitMatches, listUnitMatches } from '../kolada/match-units';
import { syncValues } from '../kolada/sync-values';
import { findPlaces, listPlaces } from '../kolada/kolada-repository';
import { logger } from '../app/logger';
import {
	DEMO_CHAIN,
	DEMO_KOLADA,
	DEMO_PLANS,
	DEMO_SCHOOL_UNITS,
	DEMO_TENANT,
	DEMO_PERIODS,
	DEMO_UNITS,
	DEMO_USERS,
	DEMO_CYCLE,
	type DemoItem,
	type DemoPeriod,
	type DemoPlan
} from './demo-content';

/** Loads Exempelkommun through the product's own commands. Does nothing if it is already there. */
export async function loadDemo(db: Db): Promise<{ tenant: Tenant; created: boolean }> {
	const existing = await findTenantBySlug(db, DEMO_TENANT.slug);
	if (existing) return { tenant: existing, created: false };

	const tenant = await createTenant(db, 'demo', DEMO_TENANT);
	const ctx = systemContext(tenant.id, 'demo');
	// Its people sign in on the shared /login: the organisation is found from their addresses.
	await setEmailDomains(db, ctx, { domains: 'exempelkommun.se' });
	const unitIds = new Map((await listUnits(db, tenant.id)).map((unit) => [unit.name, unit.id]));
	const boardIds = new Map<string, string>();
	for (const unit of DEMO_UNITS) {
		const created = await addUnit(db, ctx, {
			parentId: unit.parent ? unitIds.get(unit.parent)! : null,
			kind: unit.kind,
			name: unit.name,
			shortName: unit.shortName
		});
		unitIds.set(unit.name, created.id);
		if (unit.shortName) boardIds.set(unit.shortName, created.id);
	}
	const addUser = async (user: (typeof DEMO_USERS)[number], ids: Map<string, string>) => {
		const account = await addAccount(db, ctx, { email: user.email, name: user.name, role: user.role, unitId: ids.get(user.unit), password: user.password });
		for (const title of user.titles) await holdRoleTitle(db, ctx, account.personId, title, true);
	};
	// People of the organiser's own units first; a school's people once the register has brought their school.
	for (const user of DEMO_USERS) if (unitIds.has(user.unit)) await addUser(user, unitIds);
	for (const plan of DEMO_PLANS) await loadPlan(db, ctx, plan, unitIds, boardIds);
	for (const period of DEMO_PERIODS) await loadPeriod(db, ctx, period);
	for (const { parent, units } of DEMO_SCHOOL_UNITS) await importSchoolUnits(db, ctx, { parentId: unitIds.get(parent)!, units });
	const withSchools = new Map((await listUnits(db, tenant.id)).map((unit) => [unit.name, unit.id]));
	for (const user of DEMO_USERS) if (!unitIds.has(user.unit)) await addUser(user, withSchools);
	await loadChain(db, ctx);
	await loadKolada(db, ctx);
	await loadCycle(db, ctx);
	return { tenant, created: true };
}

/** The year's annual cycle; its follow-ups' periods are the plan's own (opened above), so none are opened from it. */
async function loadCycle(db: Db, ctx: Ctx) {
	const cycleId = await createCycle(db, ctx, { periodKind: DEMO_CYCLE.periodKind, startYear: DEMO_CYCLE.startYear });
	const planIds = new Map((await listPlans(db, ctx.tenantId)).map((plan) => [plan.title, plan.id]));
	for (const event of DEMO_CYCLE.events) {
		await saveCycleEvent(db, ctx, cycleId, { ...event, endsOn: event.endsOn ?? '', planIds: (event.plans ?? []).map((title) => planIds.get(title)!) });
	}
}

async function loadPlan(db: Db, ctx: Ctx, demo: DemoPlan, unitIds: Map<string, string>, boardIds: Map<string, string>) {
	const framework = await createFramework(db, ctx, { name: demo.frameworkName, preset: demo.preset });
	const plan = await createPlan(db, ctx, {
		title: demo.title,
		kind: demo.kind,
		periodKind: demo.periodKind,
		startYear: demo.startYear,
		ownerUnitId: unitIds.get(demo.owner)!,
		frameworkId: framework.id
	});
	for (const chapter of demo.chapters) await saveChapter(db, ctx, plan.id, null, chapter);
	const levelIds = new Map(framework.levels.map((level) => [level.key, level.id]));
	const keyed = new Map<string, string>();
	const links: { nodeId: string; under: string }[] = [];

	const add = async (item: DemoItem, parentId: string | null) => {
		const values = { ...item.values };
		if (Array.isArray(values.boards)) values.boards = (values.boards as string[]).map((short) => boardIds.get(short)!);
		const node = await addNode(db, ctx, plan.id, {
			levelId: levelIds.get(item.level)!,
			parentId,
			ref: item.ref ?? '',
			title: item.title,
			description: item.description ?? '',
			values,
			carriedOver: item.carriedOver ?? false
		});
		if (item.key) keyed.set(item.key, node.id);
		for (const under of item.alsoUnder ?? []) links.push({ nodeId: node.id, under });
		for (const indicator of item.indicators ?? []) await addIndicator(db, ctx, plan.id, node.id, indicator);
		for (const child of item.children ?? []) await add(child, node.id);
	};
	for (const item of demo.items) await add(item, null);
	for (const link of links) await linkNode(db, ctx, plan.id, link.nodeId, keyed.get(link.under)!);
	if (demo.adoption) await adoptPlan(db, ctx, plan.id, demo.adoption);
	if (demo.published) await setPlanPublished(db, ctx, plan.id, true);
}

/** A reporting period with reports made by the demo's reporter (found by titles in the plan). */
async function loadPeriod(db: Db, ctx: Ctx, demo: DemoPeriod) {
	const plan = (await listPlans(db, ctx.tenantId)).find((candidate) => candidate.title === demo.plan)!;
	const data = (await loadPlanData(db, ctx.tenantId, plan.id))!;
	const periodId = await addPeriod(db, ctx, plan.id, { name: demo.name, asOf: demo.asOf, dueOn: demo.dueOn });
	const scale = await listScale(db, ctx.tenantId);
	for (const [title, label, text] of demo.reports) {
		const node = data.nodes.find((candidate) => candidate.title.startsWith(title))!;
		const value = scale.find((candidate) => candidate.labelSv === label)!;
		await recordFollowUp(db, ctx, plan.id, node.id, periodId, value.kind === 'status' ? { statusId: value.id, comment: text } : { assessmentId: value.id, analysis: text });
	}
	for (const [name, value] of demo.values) {
		const indicator = data.nodes.flatMap((node) => node.indicators).find((candidate) => candidate.name === name)!;
		await recordMeasurement(db, ctx, { planId: plan.id, nodeId: indicator.nodeId, indicatorId: indicator.id, periodId }, { value });
	}
	if (demo.closed) await setPeriodClosed(db, ctx, plan.id, periodId, true);
}

/**
 * The steering chain, as a planner and the units' rektorer build it: the organiser's goals sent down
 * to the school units, each unit's own activities under them, and the organiser's periods opened for
 * the units, with the units' reports (a closed period is closed for them after they reported).
 */
async function loadChain(db: Db, ctx: Ctx) {
	const units = new Map((await listUnits(db, ctx.tenantId)).map((unit) => [unit.name, unit.id]));
	const plans = await listPlans(db, ctx.tenantId);
	const plan = plans.find((candidate) => candidate.title === DEMO_CHAIN.plan)!;
	const goals = new Map((await loadPlanData(db, ctx.tenantId, plan.id))!.nodes.map((node) => [node.title, node.id]));
	const model = (await listFrameworks(db, ctx.tenantId)).find((framework) => framework.name === DEMO_CHAIN.unitFramework)!;
	const levels = (await loadFramework(db, ctx.tenantId, model.id))!.levels;
	const goalLevel = levels.find((level) => level.isRoot)!;
	const activityLevel = levels.find((level) => level.followUp === 'status')!;
	for (const sending of DEMO_CHAIN.sendings) {
		await cascadeGoals(db, ctx, plan.id, {
			goalIds: sending.goals.map((title) => goals.get(title)!),
			unitIds: sending.units.map((name) => units.get(name)!),
			frameworkId: model.id,
			levelId: goalLevel.id
		});
	}
	const unitPlans = new Map((await listPlans(db, ctx.tenantId)).filter((candidate) => candidate.parentPlanId === plan.id).map((candidate) => [candidate.ownerUnitId, candidate.id]));
	for (const demo of DEMO_CHAIN.units) {
		const planId = unitPlans.get(units.get(demo.unit)!)!;
		await saveChapter(db, ctx, planId, null, demo.chapter);
		const anchors = (await loadPlanData(db, ctx.tenantId, planId))!.nodes;
		for (const item of demo.items) {
			await addNode(db, ctx, planId, {
				levelId: activityLevel.id,
				parentId: anchors.find((anchor) => anchor.title === item.goal)!.id,
				ref: item.ref,
				title: item.title,
				values: { responsible: item.responsible, deadline: item.deadline }
			});
		}
		for (const { goal, indicator } of demo.indicators ?? []) await addIndicator(db, ctx, planId, anchors.find((anchor) => anchor.title === goal)!.id, indicator);
	}
	const scale = await listScale(db, ctx.tenantId);
	const organiserPeriods = await listPeriods(db, ctx.tenantId, plan.id);
	for (const name of DEMO_CHAIN.periods) {
		const period = organiserPeriods.find((candidate) => candidate.name === name)!;
		await openChainPeriod(db, ctx, plan.id, period.id);
		for (const demo of DEMO_CHAIN.units) {
			const planId = unitPlans.get(units.get(demo.unit)!)!;
			const unitPeriod = (await listPeriods(db, ctx.tenantId, planId)).find((candidate) => candidate.parentPeriodId === period.id)!;
			const nodes = (await loadPlanData(db, ctx.tenantId, planId))!.nodes;
			for (const [title, label, text] of demo.reports[name] ?? []) {
				const node = nodes.find((candidate) => candidate.title === title)!;
				const value = scale.find((candidate) => candidate.labelSv === label)!;
				await recordFollowUp(db, ctx, planId, node.id, unitPeriod.id, value.kind === 'status' ? { statusId: value.id, comment: text } : { assessmentId: value.id, analysis: text });
			}
			if (period.closedAt) await setPeriodClosed(db, ctx, planId, unitPeriod.id, true);
		}
	}
}

/** The demo's recorded Kolada answers, found from the working directory (`npm start` runs from the project) or from this file upwards. */
function demoKoladaFile(): string | undefined {
	const relative = path.join('src', 'lib', 'server', 'demo', DEMO_KOLADA.file);
	const candidates = [path.resolve(relative)];
	for (let dir = path.dirname(new URL(import.meta.url).pathname), up = 0; up < 8; dir = path.dirname(dir), up++) {
		candidates.push(path.join(dir, DEMO_KOLADA.file), path.join(dir, relative));
	}
	return candidates.find((file) => fs.existsSync(file));
}

/**
 * Kolada for the demo, offline, through the product's commands with the recorded answers as the
 * source: the catalogue, Exempelkommun's place (municipality 1280, its comparison group), its school
 * units matched as a person confirms the suggestions, and the linked indicators filled for their open
 * periods (never over the values typed in DEMO_PERIODS, never in a closed period). Kolada's public
 * data is shared by every organisation, so a database that already holds the real Kolada (where 1280
 * is Malmö) is left as it is: the demo's indicators stay linked by id, unsynced.
 */
async function loadKolada(db: Db, ctx: Ctx) {
	const [known] = await findPlaces(db, [DEMO_KOLADA.municipalityCode]);
	const file = demoKoladaFile();
	if ((known && known.title !== DEMO_TENANT.name) || !file) {
		logger.info({ file: file ?? null }, 'Demo: Kolada left out (the real Kolada is already here, or no recorded answers)');
		return;
	}
	const source = recordedSource(file);
	await syncCatalogue(db, source, DEMO_KOLADA.municipalityCode);
	await setKoladaSettings(db, ctx, { municipalityCode: DEMO_KOLADA.municipalityCode, comparisonGroupId: DEMO_KOLADA.comparisonGroupId });
	const candidates = await listPlaces(db, 'unit', DEMO_KOLADA.municipalityCode);
	const matches = await listUnitMatches(db, ctx.tenantId, candidates);
	await confirmUnitMatches(
		db,
		ctx,
		matches.filter((match) => match.suggestion).map((match) => ({ unitId: match.id, koladaOuId: match.suggestion!.id })),
		candidates
	);
	await syncValues(db, ctx, source, 'manual');
}
