import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodeBoards, nodeResponsibles, people, roleTitles, units } from '../db/schema';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import type { NodeValues } from './node-values';
import { responsibleLabel, type ResponsibleEntry } from './responsible';

/**
 * Stores an item's responsible and boards. Role titles are the organisation's words: a title not
 * seen before is added to its list. People and boards must exist in the same organisation.
 */
export async function writeNodeRelations(tx: Db, ctx: Ctx, nodeId: string, values: NodeValues): Promise<void> {
	await writeManyNodeRelations(tx, ctx, [{ nodeId, values }]);
}

/** The same for many items at once (an import): a handful of statements however many items. */
export async function writeManyNodeRelations(tx: Db, ctx: Ctx, entries: { nodeId: string; values: NodeValues }[]): Promise<void> {
	const tenantId = ctx.tenantId;
	const withResponsible = entries.filter((entry) => entry.values.responsible);
	if (withResponsible.length) {
		const nodeIds = withResponsible.map((entry) => entry.nodeId);
		const earlierNotes = await personNotes(tx, tenantId, nodeIds);
		await deleteIn(tx, nodeResponsibles, tenantId, nodeIds);
		const roles = await roleTitlesFor(tx, tenantId, withResponsible.flatMap((entry) => entry.values.responsible!.roles));
		const personIds = [...new Set(withResponsible.flatMap((entry) => entry.values.responsible!.people.map((person) => person.id)))];
		if (personIds.length) {
			const found = await tx
				.select({ id: people.id })
				.from(people)
				.where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
			if (found.length !== personIds.length) throw new DomainError('error_not_found', {}, { field: 'responsible', status: 404 });
		}
		const rows = withResponsible.flatMap(({ nodeId, values }) =>
			[
				...unique(values.responsible!.roles.map((entry) => roles(entry)), (row) => `${row.roleTitleId}/${row.note}`).map((row) => ({ ...row, personId: null })),
				// The item form sends people without notes; a note an import gave a person stays until one replaces it.
				...unique(values.responsible!.people, (person) => person.id).map((person) => ({
					roleTitleId: null,
					personId: person.id,
					note: person.note || earlierNotes.get(`${nodeId}/${person.id}`) || ''
				}))
			].map((row, position) => ({ tenantId, nodeId, position, ...row }))
		);
		for (let i = 0; i < rows.length; i += 1000) await tx.insert(nodeResponsibles).values(rows.slice(i, i + 1000));
	}
	const withBoards = entries.filter((entry) => entry.values.boardIds);
	if (withBoards.length) {
		await deleteIn(tx, nodeBoards, tenantId, withBoards.map((entry) => entry.nodeId));
		const boardIds = [...new Set(withBoards.flatMap((entry) => entry.values.boardIds!))];
		if (boardIds.length) {
			const found = await tx
				.select({ id: units.id })
				.from(units)
				.where(and(eq(units.tenantId, tenantId), eq(units.kind, 'board'), inArray(units.id, boardIds)));
			if (found.length !== boardIds.length) throw new DomainError('error_not_found', {}, { field: 'boards', status: 404 });
		}
		const rows = withBoards.flatMap(({ nodeId, values }) => [...new Set(values.boardIds!)].map((unitId, position) => ({ tenantId, nodeId, unitId, position })));
		for (let i = 0; i < rows.length; i += 1000) await tx.insert(nodeBoards).values(rows.slice(i, i + 1000));
	}
}

async function deleteIn(tx: Db, table: typeof nodeResponsibles | typeof nodeBoards, tenantId: string, nodeIds: string[]): Promise<void> {
	for (let i = 0; i < nodeIds.length; i += 1000) {
		await tx.delete(table).where(and(eq(table.tenantId, tenantId), inArray(table.nodeId, nodeIds.slice(i, i + 1000))));
	}
}

const unique = <T>(list: T[], key: (entry: T) => string): T[] => [...new Map(list.map((entry) => [key(entry), entry])).values()];

async function personNotes(tx: Db, tenantId: string, nodeIds: string[]): Promise<Map<string, string>> {
	const notes = new Map<string, string>();
	for (let i = 0; i < nodeIds.length; i += 1000) {
		const rows = await tx
			.select({ nodeId: nodeResponsibles.nodeId, personId: nodeResponsibles.personId, note: nodeResponsibles.note })
			.from(nodeResponsibles)
			.where(and(eq(nodeResponsibles.tenantId, tenantId), inArray(nodeResponsibles.nodeId, nodeIds.slice(i, i + 1000)), isNotNull(nodeResponsibles.personId), ne(nodeResponsibles.note, '')));
		for (const row of rows) notes.set(`${row.nodeId}/${row.personId}`, row.note);
	}
	return notes;
}

/**
 * The role title each entry names, added to the organisation's titles when new. A title that
 * already exists with the brackets in its name ("Rektor (F-6)") is that title, not a note.
 */
async function roleTitlesFor(tx: Db, tenantId: string, entries: ResponsibleEntry[]): Promise<(entry: ResponsibleEntry) => { roleTitleId: string; note: string }> {
	const whole = (entry: ResponsibleEntry) => responsibleLabel(entry).trim();
	const candidates = [...new Set(entries.flatMap((entry) => [whole(entry), entry.name.trim()]).filter(Boolean))];
	const byName = new Map<string, string>();
	if (candidates.length) {
		const existing = await tx
			.select()
			.from(roleTitles)
			.where(and(eq(roleTitles.tenantId, tenantId), inArray(roleTitles.name, candidates)));
		for (const row of existing) byName.set(row.name, row.id);
	}
	const resolve = (entry: ResponsibleEntry) => (entry.note && byName.has(whole(entry)) ? { name: whole(entry), note: '' } : { name: entry.name.trim(), note: entry.note });
	const missing = [...new Set(entries.map((entry) => resolve(entry).name).filter((name) => name && !byName.has(name)))];
	if (missing.length) {
		const created = await tx
			.insert(roleTitles)
			.values(missing.map((name) => ({ tenantId, name })))
			.returning();
		for (const row of created) byName.set(row.name, row.id);
	}
	return (entry) => {
		const { name, note } = resolve(entry);
		return { roleTitleId: byName.get(name)!, note };
	};
}
