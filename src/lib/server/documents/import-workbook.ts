import type { Db } from '../db/client';
import { recordAudit } from '../audit/record-audit';
import type { Level } from '../frameworks/framework-repository';
import { addNode } from '../plans/add-node';
import { validateNodeValues } from '../plans/node-values';
import { loadPlanData, type PlanData } from '../plans/plan-repository';
import { updateNodes } from '../plans/update-nodes';
import type { Ctx } from '../shared/context';
import { DomainError, isDomainError, notFound } from '../shared/domain-error';
import { isUuid } from '../shared/uuid';
import { itemTable } from './item-table';
import { readWorkbook, type WorkbookRows } from './read-workbook';
import { importedValue, importLookups, type ImportLookups } from './import-values';
import { ImportProblems, type ImportProblem } from './import-limits';

export type { ImportProblem };

/** Problems found: the first ones, and how many more there are (`more`). */
export type ImportResult = { problems: ImportProblem[]; more?: number } | { problems: []; created: number; updated: number; unchanged: number };

interface PlannedRow {
	number: number;
	id?: string;
	levelId: string;
	parentId: string | null;
	input: { ref: string; title: string; description: string; values: Record<string, unknown>; carriedOver: boolean };
}

/**
 * Takes back a workbook exported from this plan and edited in Excel: rows with an item's id update
 * that item, rows without one create items. Every problem is found and reported per row and column
 * before anything is written; then everything is written in one transaction, or nothing.
 * Status and comment columns are the follow-up's and are not read back.
 */
export async function importWorkbook(db: Db, ctx: Ctx, planId: string, file: Buffer): Promise<ImportResult> {
	const sheet = await readWorkbook(file);
	if (sheet.planId !== planId) throw new DomainError('error_workbook_other_plan', {});
	const data = await loadPlanData(db, ctx.tenantId, planId);
	if (!data) throw notFound();
	if (data.plan.state !== 'draft') throw new DomainError('error_plan_not_editable', {}, { status: 409 });

	const { planned, problems, unchanged } = planRows(data, sheet, await importLookups(db, ctx.tenantId, data));
	if (problems.count) return { problems: problems.list, more: problems.more };

	let current = 0;
	try {
		await db.transaction(async (tx) => {
			await updateNodes(
				tx,
				ctx,
				planId,
				planned.filter((row) => row.id).map((row) => ({ id: row.id!, input: row.input }))
			);
			for (const row of planned.filter((candidate) => !candidate.id)) {
				current = row.number;
				await addNode(tx, ctx, planId, { ...row.input, levelId: row.levelId, parentId: row.parentId });
			}
			await recordAudit(tx, ctx, {
				action: 'plan.import',
				entityType: 'plan',
				entityId: planId,
				planId,
				after: { created: planned.filter((row) => !row.id).length, updated: planned.filter((row) => row.id).length }
			});
		});
	} catch (thrown) {
		// A rule only the database knows (e.g. an item removed meanwhile): nothing was written.
		if (isDomainError(thrown)) return { problems: [{ row: current, column: thrown.field ?? '', error: thrown }] };
		throw thrown;
	}
	return { problems: [], created: planned.filter((row) => !row.id).length, updated: planned.filter((row) => row.id).length, unchanged };
}

/** Checks every row against the plan and its framework; returns what to write, or every problem found. */
function planRows(data: PlanData, sheet: WorkbookRows, lookups: ImportLookups) {
	const locale = sheet.locale;
	const nodes = new Map(data.nodes.map((node) => [node.id, node]));
	const current = new Map(itemTable(data, undefined, locale).rows.map((row) => [String(row.id), row]));
	const levelByName = new Map<string, Level>();
	for (const level of data.framework.levels) for (const name of [level.nameSv, level.nameEn]) levelByName.set(name.toLocaleLowerCase('sv'), level);
	const header = (key: string) => sheet.headers[sheet.columns.indexOf(key)] ?? key;
	const editable = sheet.columns.filter((key) => ['ref', 'title', 'description'].includes(key) || key.startsWith('field:'));

	const planned: PlannedRow[] = [];
	const problems = new ImportProblems();
	let unchanged = 0;
	const problem = (row: number, key: string, code: string, params: Record<string, string> = {}) =>
		problems.add({ row, column: header(key), error: new DomainError(code, params) });

	for (const { number, cells } of sheet.rows) {
		const id = cells.id || undefined;
		const existing = id ? nodes.get(id) : undefined;
		if (id && !existing) {
			problem(number, 'id', 'error_import_unknown_id');
			continue;
		}
		const before = id ? current.get(id) : undefined;
		if (before && editable.every((key) => (cells[key] ?? '') === String(before[key] ?? ''))) {
			unchanged += 1;
			continue;
		}
		const level = existing ? data.framework.levels.find((candidate) => candidate.id === existing.levelId)! : levelByName.get((cells.level ?? '').toLocaleLowerCase('sv'));
		if (!level) {
			problem(number, 'level', 'error_import_unknown_level', { level: cells.level ?? '' });
			continue;
		}
		if (before && cells.level && cells.level !== String(before.level)) problem(number, 'level', 'error_import_level_changed');
		let parentId: string | null = existing?.parentId ?? null;
		if (!existing) {
			parentId = cells.parent || null;
			const parent = parentId ? nodes.get(parentId) : undefined;
			if (parentId && (!isUuid(parentId) || !parent)) problem(number, 'parent', 'error_import_unknown_parent');
			else {
				const parentLevel = parent ? data.framework.levels.find((candidate) => candidate.id === parent.levelId) : undefined;
				const allowed = parentLevel ? parentLevel.childLevelIds.includes(level.id) : level.isRoot;
				if (!allowed) problem(number, 'parent', 'error_import_placement', { level: locale === 'en' ? level.nameEn : level.nameSv });
			}
		}
		if (!cells.title && !level.untitled) problem(number, 'title', 'error_field_required', { field: header('title') });

		// The workbook shows rich text as plain text: a cell left as it was exported keeps the Markdown
		// (bold, lists, links) it was drawn from, even when another cell of the row was edited.
		const asExported = (key: string) => existing !== undefined && before !== undefined && (cells[key] ?? '') === String(before[key] ?? '');
		const values: Record<string, unknown> = {};
		for (const key of sheet.columns.filter((candidate) => candidate.startsWith('field:'))) {
			const fieldKey = key.slice('field:'.length);
			const field = level.fields.find((candidate) => candidate.key === fieldKey);
			const text = cells[key] ?? '';
			if (!field) {
				if (text) problem(number, key, 'error_import_field_not_on_level');
				continue;
			}
			if (field.type === 'rich_text' && asExported(key)) {
				values[fieldKey] = existing!.fieldValues[fieldKey];
				continue;
			}
			// Exported cells hold one value per line; markdown keeps its blank lines.
			const lines = field.type === 'rich_text' ? [text] : text.split('\n').map((line) => line.trim()).filter(Boolean);
			const imported = importedValue(field, lines, lookups, { splitLists: true });
			if (imported.problem) problems.add({ row: number, column: header(key), error: imported.problem });
			values[fieldKey] = imported.value;
		}
		try {
			validateNodeValues(level, values, data.plan);
		} catch (thrown) {
			if (!isDomainError(thrown)) throw thrown;
			problems.add({ row: number, column: header(`field:${thrown.field}`), error: thrown });
		}
		planned.push({
			number,
			id,
			levelId: level.id,
			parentId,
			input: { ref: cells.ref ?? '', title: cells.title ?? '', description: asExported('description') ? existing!.description : (cells.description ?? ''), values, carriedOver: existing?.carriedOver ?? false }
		});
	}
	return { planned, problems, unchanged };
}
