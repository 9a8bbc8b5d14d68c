import { randomUUID } from 'node:crypto';
import type { Db } from '../src/lib/server/db/client';
import { indicators, nodeBoards, nodeResponsibles, nodes, roleTitles } from '../src/lib/server/db/schema';
import { createFramework } from '../src/lib/server/frameworks/create-framework';
import { createPlan } from '../src/lib/server/plans/create-plan';
import { listUnits } from '../src/lib/server/organisation/organisation-repository';
import { addUnit } from '../src/lib/server/organisation/add-unit';
import type { Ctx } from '../src/lib/server/shared/context';

/**
 * A large plan in the perspective → goal → board goal → assignment → activity shape, with fields,
 * boards, responsible roles and indicators. Written in bulk (this is test data, not a user action).
 */
export async function generatePlan(db: Db, ctx: Ctx, itemCount: number): Promise<string> {
	const [top] = await listUnits(db, ctx.tenantId);
	const boards = [
		await addUnit(db, ctx, { parentId: top.id, kind: 'board', name: 'Barn- och ungdomsnämnden', shortName: 'BoU' }),
		await addUnit(db, ctx, { parentId: top.id, kind: 'board', name: 'Bildningsnämnden', shortName: 'BiN' })
	];
	const framework = await createFramework(db, ctx, { name: 'Bänkmodell', preset: 'perspektiv-uppdrag' });
	const plan = await createPlan(db, ctx, {
		title: `Genererad plan med ${itemCount} punkter`,
		kind: 'verksamhetsplan',
		periodKind: 'calendar_year',
		startYear: 2026,
		ownerUnitId: top.id,
		frameworkId: framework.id
	});
	const level = (key: string) => framework.levels.find((candidate) => candidate.key === key)!.id;
	const roles = ['Planeringschef', 'Utvecklingschef', 'Skolchef grundskola', 'HR-chef', 'Ekonomichef'].map((name) => ({
		tenantId: ctx.tenantId,
		id: randomUUID(),
		name
	}));
	await db.insert(roleTitles).values(roles);

	const nodeRows: (typeof nodes.$inferInsert)[] = [];
	const responsibleRows: (typeof nodeResponsibles.$inferInsert)[] = [];
	const boardRows: (typeof nodeBoards.$inferInsert)[] = [];
	const indicatorRows: (typeof indicators.$inferInsert)[] = [];
	const months = ['Mars', 'Juni', 'September', 'December', 'VT26', 'HT26'];
	const add = (levelKey: string, parentId: string | null, position: number, title: string, extra: Partial<typeof nodes.$inferInsert> = {}) => {
		const id = randomUUID();
		nodeRows.push({ tenantId: ctx.tenantId, id, planId: plan.id, levelId: level(levelKey), parentId, position, title, ...extra });
		return id;
	};
	const shape = { perspektiv: 4, kommunmal: 2, namndmal: 3, uppdrag: 4 };
	const containers = shape.perspektiv * (1 + shape.kommunmal * (1 + shape.namndmal * (1 + shape.uppdrag)));
	let activitiesLeft = itemCount - containers;
	let uppdragLeft = shape.perspektiv * shape.kommunmal * shape.namndmal * shape.uppdrag;
	for (let p = 0; p < shape.perspektiv; p++) {
		const perspective = add('perspektiv', null, p, ['Medborgare', 'Ekonomi', 'Verksamhet', 'Medarbetare'][p]);
		for (let k = 0; k < shape.kommunmal; k++) {
			const goal = add('kommunmal', perspective, k, `Kommunövergripande mål ${p + 1}.${k + 1}`);
			for (let n = 0; n < shape.namndmal; n++) {
				const boardGoal = add('namndmal', goal, n, `Nämndmål ${p + 1}.${k + 1}.${n + 1}`, { description: 'Alla barn och elever utmanas utifrån sina förutsättningar.' });
				for (let i = 0; i < 2; i++) {
					indicatorRows.push({ tenantId: ctx.tenantId, nodeId: boardGoal, position: i, name: `Andel elever som når målen ${i + 1}`, kind: 'percent', unit: '%', direction: 'increase', targetKind: 'value', targetComparison: '>=', targetValue: '85', baselineValue: '80.5', baselineLabel: '2025' });
				}
				for (let u = 0; u < shape.uppdrag; u++) {
					const assignment = add('uppdrag', boardGoal, u, `Stärka likvärdigheten inom område ${u + 1}`, { ref: String(13 + u), fieldValues: { typ: 'Nämndspecifikt' } });
					boardRows.push({ tenantId: ctx.tenantId, nodeId: assignment, unitId: boards[0].id, position: 0 });
					const count = Math.ceil(activitiesLeft / uppdragLeft);
					activitiesLeft -= count;
					uppdragLeft -= 1;
					for (let a = 0; a < count; a++) {
						const deadline = months[a % months.length];
						const activity = add('aktivitet', assignment, a, `Genomföra insats ${a + 1} för bättre måluppfyllelse i matematik och svenska`, {
							deadlineText: deadline,
							deadlineDate: null,
							carriedOver: a % 7 === 0
						});
						boardRows.push({ tenantId: ctx.tenantId, nodeId: activity, unitId: boards[a % 2].id, position: 0 });
						responsibleRows.push({ tenantId: ctx.tenantId, nodeId: activity, position: 0, roleTitleId: roles[a % roles.length].id });
						if (a % 10 === 0) {
							indicatorRows.push({ tenantId: ctx.tenantId, nodeId: activity, position: 0, name: 'Genomfört', kind: 'yes_no', targetKind: 'value', targetComparison: '=', targetValue: '1' });
						}
					}
				}
			}
		}
	}
	const chunks = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
		for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
	};
	await chunks(nodeRows, (chunk) => db.insert(nodes).values(chunk));
	await chunks(boardRows, (chunk) => db.insert(nodeBoards).values(chunk));
	await chunks(responsibleRows, (chunk) => db.insert(nodeResponsibles).values(chunk));
	await chunks(indicatorRows, (chunk) => db.insert(indicators).values(chunk));
	return plan.id;
}
