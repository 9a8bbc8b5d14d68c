import type { Bilingual } from '../shared/domain-error';
import { DomainError } from '../shared/domain-error';

/**
 * How much one import may bring, for the pasted table and the Excel round trip alike: one
 * transaction adding thousands of items holds the plan's rows locked for every other editor.
 */
export const IMPORT_LIMITS = {
	rows: 5_000,
	/** Rows × columns of the table as read. */
	cells: 250_000,
	/** Characters of text in its cells. */
	chars: 2_000_000
} as const;

/** At most this many problems are listed; the rest are only counted. */
export const MAX_PROBLEMS_LISTED = 50;

/** One problem in an imported table: where (row and column as the person sees them) and what. */
export interface ImportProblem {
	row: number;
	column: string;
	error: DomainError;
}

/** Problems as found: the first ones kept, the others counted (nobody reads 100,000 of them). */
export class ImportProblems {
	readonly list: ImportProblem[] = [];
	more = 0;

	add(problem: ImportProblem): void {
		if (this.list.length < MAX_PROBLEMS_LISTED) this.list.push(problem);
		else this.more += 1;
	}

	get count(): number {
		return this.list.length + this.more;
	}
}

/** Refuses a table over the limits, saying which limit and by how much. */
export function assertTableSize(size: { rows?: number; cells?: number; chars?: number }): void {
	const over = (count: number | undefined, max: number, code: string) => {
		if (count !== undefined && count > max) throw new DomainError(code, { count: figure(count), max: figure(max) }, { status: 413 });
	};
	over(size.rows, IMPORT_LIMITS.rows, 'error_import_too_many_rows');
	over(size.cells, IMPORT_LIMITS.cells, 'error_import_too_many_cells');
	over(size.chars, IMPORT_LIMITS.chars, 'error_import_too_much_text');
}

/** 100000 → "100 000" in Swedish, "100,000" in English. */
export function figure(value: number): Bilingual {
	return { sv: value.toLocaleString('sv-SE'), en: value.toLocaleString('en-GB') };
}
