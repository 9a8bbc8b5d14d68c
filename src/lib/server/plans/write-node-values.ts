import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { nodeBoards, nodeResponsibles, people, roleTitles, units } from '../db/schema';
import type { Ctx } from '../shared/context';
import { DomainError } from '../shared/domain-error';
import type { NodeValues } from './node-values';

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
		await deleteIn(tx, nodeResponsibles, tenantId, withResponsible.map((entry) => entry.nodeId));
		const roleIds = await roleTitleIds(tx, tenantId, withResponsible.flatMap((entry) => entry.values.responsible!.roles));
		const personIds = [...new Set(withResponsible.flatMap((entry) => entry.values.responsible!.people))];
		if (personIds.length) {
			const found = await tx
				.select({ id: people.id })
				.from(people)
				.where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
			if (found.length !== personIds.length) throw new DomainError('error_not_found', {}, { field: 'responsible', status: 404 });
		}
		const rows = withResponsible.flatMap(({ nodeId, values }) =>
			[
				...[...new Set(values.responsible!.roles.map((name) => roleIds.get(name.trim())!).filter(Boolean))].map((roleTitleId) => ({ roleTitleId, personId: null })),
				...[...new Set(values.responsible!.people)].map((personId) => ({ roleTitleId: null, personId }))
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

async function roleTitleIds(tx: Db, tenantId: string, names: string[]): Promise<Map<string, string>> {
	const wanted = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
	const byName = new Map<string, string>();
	if (!wanted.length) return byName;
	const existing = await tx
		.select()
		.from(roleTitles)
		.where(and(eq(roleTitles.tenantId, tenantId), inArray(roleTitles.name, wanted)));
	for (const row of existing) byName.set(row.name, row.id);
	const missing = wanted.filter((name) => !byName.has(name));
	if (missing.length) {
		const created = await tx
			.insert(roleTitles)
			.values(missing.map((name) => ({ tenantId, name })))
			.returning();
		for (const row of created) byName.set(row.name, row.id);
	}
	return byName;
}
