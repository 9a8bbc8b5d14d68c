import { parseResponsibleText } from '../plans/responsible';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { people } from '../db/schema';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { PlanData } from '../plans/plan-repository';
import { DomainError } from '../shared/domain-error';

/** Names an import may use for boards and people, as the organisation writes them. */
export interface ImportLookups {
	boardIds: Map<string, string>;
	/** The boards as a refusal names them, so the person sees what a cell may say ("Barn- och ungdomsnämnden (BoU)"). */
	boardNames: string[];
	personIds: Map<string, string>;
}

export async function importLookups(db: Db, tenantId: string, data: Pick<PlanData, 'boards'>): Promise<ImportLookups> {
	const boardIds = new Map<string, string>();
	for (const board of data.boards) for (const name of [board.name, board.shortName]) if (name) boardIds.set(name.toLocaleLowerCase('sv'), board.id);
	const rows = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.tenantId, tenantId));
	const boardNames = data.boards.map((board) => (board.shortName ? `${board.name} (${board.shortName})` : board.name));
	return { boardIds, boardNames, personIds: new Map(rows.map((person) => [person.name, person.id])) };
}

/**
 * A field's raw value from the lines of an imported cell, in the shape the item form sends: boards
 * by name or short name, responsible as people (by name) or role titles, lists one entry per line
 * (or the whole cell as one entry when the user chose to keep values together).
 */
export function importedValue(field: FieldDefinition, cell: string[], lookups: ImportLookups, options: { splitLists: boolean }): { value: unknown; problem?: DomainError } {
	// An empty line is a paragraph break: kept by text fields, no entry of its own in a list.
	const lines = cell.filter(Boolean);
	switch (field.type) {
		case 'boards': {
			// "BoU, BiN" on one line, as documents and the Excel file write several boards (a board whose own name has a comma is read whole).
			const names = lines.flatMap((line) => (lookups.boardIds.has(line.toLocaleLowerCase('sv')) ? [line] : line.split(',').map((name) => name.trim()).filter(Boolean)));
			const ids = names.map((name) => lookups.boardIds.get(name.toLocaleLowerCase('sv')));
			const unknown = names.find((_, index) => !ids[index]);
			const known = [...lookups.boardNames.slice(0, 20), ...(lookups.boardNames.length > 20 ? ['…'] : [])].join(', ') || '–';
			return { value: ids.filter(Boolean), problem: unknown ? new DomainError('error_import_unknown_board', { board: unknown, boards: known }) : undefined };
		}
		case 'responsible': {
			// "Anna Ek (del 2)": the person Anna Ek with the note "del 2"; anything else is a role title, whose note the item keeps too.
			const personOf = (line: string) => {
				if (lookups.personIds.has(line)) return { id: lookups.personIds.get(line)!, note: '' };
				const { name, note } = parseResponsibleText(line);
				return lookups.personIds.has(name) ? { id: lookups.personIds.get(name)!, note } : undefined;
			};
			return { value: { roles: lines.filter((line) => !personOf(line)), people: lines.flatMap((line) => personOf(line) ?? []) } };
		}
		case 'text_list':
			return { value: options.splitLists ? lines : lines.length ? [lines.join(' ')] : [] };
		case 'rich_text':
		case 'text':
			return { value: cell.join('\n') };
		default:
			return { value: lines.join(' ') };
	}
}
