import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client';
import { createTenant } from '../organisation/create-tenant';
import { addUnit } from '../organisation/add-unit';
import { listUnits } from '../organisation/organisation-repository';
import { createFramework } from '../frameworks/create-framework';
import { createPlan } from '../plans/create-plan';
import { updateLevel } from '../frameworks/update-level';
import type { Level } from '../frameworks/framework-repository';
import { systemContext, type Ctx } from '../shared/context';
import { workerDatabase } from './test-database';

export async function testDb(): Promise<Db> {
	return (await workerDatabase()).db;
}

/** A fresh organisation with two boards, through the same commands the product uses. */
export async function createTestOrganisation(db: Db, slug = `org-${randomUUID().slice(0, 8)}`) {
	const tenant = await createTenant(db, 'test', { slug, name: `Organisation ${slug}` });
	const ctx: Ctx = systemContext(tenant.id, 'test');
	const [top] = await listUnits(db, tenant.id);
	const bou = await addUnit(db, ctx, { parentId: top.id, kind: 'board', name: 'Barn- och ungdomsnämnden', shortName: 'BoU' });
	const bin = await addUnit(db, ctx, { parentId: top.id, kind: 'board', name: 'Bildningsnämnden', shortName: 'BiN' });
	return { tenant, ctx, top, boards: { bou, bin } };
}

export async function createTestPlan(db: Db, ctx: Ctx, ownerUnitId: string, preset = 'perspektiv-uppdrag') {
	const framework = await createFramework(db, ctx, { name: `Modell ${preset}`, preset });
	const plan = await createPlan(db, ctx, {
		title: 'Verksamhetsplan 2024',
		kind: 'verksamhetsplan',
		periodKind: 'calendar_year',
		startYear: 2024,
		ownerUnitId,
		frameworkId: framework.id
	});
	const level = (key: string) => framework.levels.find((candidate) => candidate.key === key)!;
	return { framework, plan, level };
}

/** Changes some of a level's settings, the others kept as they are. */
export function changeLevel(db: Db, ctx: Ctx, frameworkId: string, level: Level, changes: Record<string, unknown>) {
	const { nameSv, namePluralSv, nameEn, namePluralEn, isRoot, followUp, documentStyle, tableColumns, childLevelIds, untitled } = level;
	const { titleHelpSv, titleHelpEn, nameTemplateSv, nameTemplateEn } = level;
	const kept = { nameSv, namePluralSv, nameEn, namePluralEn, isRoot, followUp, documentStyle, tableColumns, childLevelIds, untitled };
	return updateLevel(db, ctx, frameworkId, level.id, { ...kept, titleHelpSv, titleHelpEn, nameTemplateSv, nameTemplateEn, ...changes });
}

/** Shows a level in documents as headings or as table rows (with these columns), its other settings kept. */
export function restyleLevel(db: Db, ctx: Ctx, frameworkId: string, level: Level, documentStyle: 'heading' | 'table_row', tableColumns: string[] = []) {
	return changeLevel(db, ctx, frameworkId, level, { documentStyle, tableColumns });
}
