import { and, count, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodes, plans } from '../db/schema';
import { listFrameworks, loadFramework } from '../frameworks/framework-repository';
import { listUnits } from '../organisation/organisation-repository';
import { unitsUnder } from '../organisation/unit-tree';
import { itemLabel } from '../presenters/item-name';
import type { PlanData } from './plan-repository';

const collator = new Intl.Collator('sv');

/**
 * What sending a plan's goals down offers: the plan's items by level (a whole level can be sent),
 * the units below its owner with the plan each already has in this chain, and the top levels of the
 * organisation's steering models (where the goals stand in a unit's plan).
 */
export async function loadCascadeChoices(db: Db, tenantId: string, data: PlanData, locale: 'sv' | 'en') {
	const [units, unitPlans, frameworks] = await Promise.all([
		listUnits(db, tenantId),
		db
			.select({ id: plans.id, title: plans.title, ownerUnitId: plans.ownerUnitId, anchors: count(nodes.id) })
			.from(plans)
			.leftJoin(nodes, and(eq(nodes.tenantId, plans.tenantId), eq(nodes.planId, plans.id), isNotNull(nodes.sourceNodeId)))
			.where(and(eq(plans.tenantId, tenantId), eq(plans.parentPlanId, data.plan.id), ne(plans.state, 'archived')))
			.groupBy(plans.id, plans.title, plans.ownerUnitId),
		listFrameworks(db, tenantId)
	]);
	const below = unitsUnder(units)(data.plan.ownerUnitId);
	below.delete(data.plan.ownerUnitId);
	const planOf = new Map(unitPlans.map((row) => [row.ownerUnitId, row]));
	const levelsById = new Map(data.framework.levels.map((level) => [level.id, level]));
	const name = (level: { nameSv: string; nameEn: string; namePluralSv: string; namePluralEn: string }) => ({
		name: locale === 'en' ? level.nameEn : level.nameSv,
		plural: locale === 'en' ? level.namePluralEn : level.namePluralSv
	});
	const models = await Promise.all(frameworks.map((framework) => loadFramework(db, tenantId, framework.id)));
	return {
		levels: data.framework.levels
			.map((level) => ({
				id: level.id,
				...name(level),
				items: data.nodes.filter((node) => node.levelId === level.id).map((node) => ({ id: node.id, label: itemLabel(node, levelsById.get(node.levelId)) }))
			}))
			.filter((level) => level.items.length),
		units: units
			.filter((unit) => below.has(unit.id) && unit.kind !== 'board')
			.sort((a, b) => collator.compare(a.name, b.name))
			.map((unit) => ({ id: unit.id, name: unit.name, kind: unit.kind, plan: planOf.get(unit.id) ?? null })),
		anchorLevels: models.flatMap((model) =>
			(model?.levels ?? [])
				.filter((level) => level.isRoot)
				.map((level) => ({ id: level.id, frameworkId: model!.id, label: `${model!.name} – ${name(level).name}` }))
		)
	};
}

/** What a choice on the cascade page (or the CLI) stands for: items one by one or whole levels, units one by one or every unit of a kind. */
export function chosenIds(
	choices: Awaited<ReturnType<typeof loadCascadeChoices>>,
	pick: { goalIds?: string[]; levelIds?: string[]; unitIds?: string[]; unitKinds?: string[] }
): { goalIds: string[]; unitIds: string[] } {
	const levels = new Set(pick.levelIds ?? []);
	const kinds = new Set(pick.unitKinds ?? []);
	return {
		goalIds: [...new Set([...(pick.goalIds ?? []), ...choices.levels.filter((level) => levels.has(level.id)).flatMap((level) => level.items.map((item) => item.id))])],
		unitIds: [...new Set([...(pick.unitIds ?? []), ...choices.units.filter((unit) => kinds.has(unit.kind)).map((unit) => unit.id)])]
	};
}
