import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import { addNode } from '../plans/add-node';
import { validateNodeValues } from '../plans/node-values';
import { loadPlanData } from '../plans/plan-repository';
import { assertPlacement, levelOf } from '../plans/node-placement';
import type { Ctx } from '../shared/context';
import { DomainError, isDomainError, notFound } from '../shared/domain-error';
import { importedValue, importLookups } from './import-values';
import { ImportProblems, type ImportProblem } from './import-limits';
import { columnTargets, filledLines, filledTargets, parsePastedTable, RESPONSIBLE_AND_DEADLINE, responsibleAndDeadline, splitHeadings, type ColumnTarget } from './pasted-table';
import { splitResponsibleCell } from './responsible-deadline';

export interface PastedTableImport {
	table: string;
	levelId: string;
	/** Where the new items go: under this item, or at the plan's top level (null). */
	parentId: string | null;
	/** What each column becomes, in column order. */
	targets: string[];
	headerRow: boolean;
	/** Several values in one cell: a list field gets one entry per line (true), or the cell as one entry. */
	splitLists: boolean;
}

/**
 * Creates items of one level from a pasted table, each column mapped to the title, number,
 * description or a field. Every problem is reported by row and column before anything is written.
 */
export async function importPastedTable(db: Db, ctx: Ctx, planId: string, input: PastedTableImport): Promise<{ problems: ImportProblem[]; more?: number; created: number }> {
	const data = await loadPlanData(db, ctx.tenantId, planId);
	if (!data) throw notFound();
	if (data.plan.state !== 'draft') throw new DomainError('error_plan_not_editable', {}, { status: 409 });
	const level = levelOf(data.framework, input.levelId);
	const parent = input.parentId ? data.nodes.find((node) => node.id === input.parentId) : null;
	if (input.parentId && !parent) throw notFound();
	assertPlacement(data.framework, level, parent ? levelOf(data.framework, parent.levelId) : null);

	const { headings, rows } = splitHeadings(parsePastedTable(input.table), input.headerRow);
	const allowed = new Set<string>(columnTargets(level).map((target) => target.value));
	const targets = headings.map((_, index) => (allowed.has(input.targets[index]) ? input.targets[index] : 'ignore') as ColumnTarget);
	// A level whose rows have no title of their own needs no title column (#10.6).
	const titleColumns = targets.filter((target) => target === 'title').length;
	if (titleColumns > 1 || (!titleColumns && !level.untitled)) throw new DomainError('error_paste_needs_title', {}, { field: 'targets' });
	const chosen = targets.filter((target) => target !== 'ignore').flatMap((target) => filledTargets(target, level));
	if (new Set(chosen).size !== chosen.length) throw new DomainError('error_paste_target_twice', {}, { field: 'targets' });

	const column = (index: number) => headings[index] || `${index + 1}`;
	const lookups = await importLookups(db, ctx.tenantId, data);
	const problems = new ImportProblems();
	const items = rows.map((cells, index) => {
		const row = index + (input.headerRow ? 2 : 1);
		const item = { ref: '', title: '', description: '', values: {} as Record<string, unknown>, levelId: level.id, parentId: parent?.id ?? null };
		targets.forEach((target, at) => {
			const lines = cells[at];
			if (target === 'title') item.title = filledLines(lines).join(' ');
			else if (target === 'ref') item.ref = filledLines(lines).join(' ').slice(0, 20);
			else if (target === 'description') item.description = lines.join('\n');
			else if (target.startsWith('field:')) {
				const field = level.fields.find((candidate) => `field:${candidate.key}` === target)!;
				const imported = importedValue(field, lines, lookups, { splitLists: input.splitLists });
				if (imported.problem) problems.add({ row, column: column(at), error: imported.problem });
				item.values[field.key] = imported.value;
			} else if (target === RESPONSIBLE_AND_DEADLINE) {
				const { responsible, deadline } = responsibleAndDeadline(level)!;
				const split = splitResponsibleCell(lines);
				item.values[responsible.key] = importedValue(responsible, split.responsible, lookups, { splitLists: true }).value;
				item.values[deadline.key] = split.deadline;
			}
		});
		if (!item.title && !level.untitled) problems.add({ row, column: column(targets.indexOf('title')), error: new DomainError('error_field_required', { field: { sv: 'Rubrik', en: 'Title' } }) });
		try {
			validateNodeValues(level, item.values, data.plan);
		} catch (thrown) {
			if (!isDomainError(thrown)) throw thrown;
			problems.add({ row, column: column(targets.findIndex((target) => filledTargets(target, level).includes(`field:${thrown.field}`))), error: thrown });
		}
		return item;
	});
	if (problems.count) return { problems: problems.list, more: problems.more, created: 0 };
	await db.transaction(async (tx) => {
		for (const item of items) await addNode(tx, ctx, planId, item);
		await recordAudit(tx, ctx, { action: 'plan.import', entityType: 'plan', entityId: planId, planId, after: { created: items.length, level: level.nameSv, from: 'pasted table' } });
	});
	return { problems: [], created: items.length };
}
