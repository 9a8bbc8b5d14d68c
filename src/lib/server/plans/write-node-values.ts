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
	const tenantId = ctx.tenantId;
	if (values.responsible) {
		await tx.delete(nodeResponsibles).where(and(eq(nodeResponsibles.tenantId, tenantId), eq(nodeResponsibles.nodeId, nodeId)));
		const roleIds = await roleTitleIds(tx, tenantId, values.responsible.roles);
		const personIds = [...new Set(values.responsible.people)];
		if (personIds.length) {
			const found = await tx
				.select({ id: people.id })
				.from(people)
				.where(and(eq(people.tenantId, tenantId), inArray(people.id, personIds)));
			if (found.length !== personIds.length) throw new DomainError('error_not_found', {}, { field: 'responsible', status: 404 });
		}
		const rows = [
			...roleIds.map((roleTitleId) => ({ roleTitleId, personId: null })),
			...personIds.map((personId) => ({ roleTitleId: null, personId }))
		].map((row, position) => ({ tenantId, nodeId, position, ...row }));
		if (rows.length) await tx.insert(nodeResponsibles).values(rows);
	}
	if (values.boardIds) {
		await tx.delete(nodeBoards).where(and(eq(nodeBoards.tenantId, tenantId), eq(nodeBoards.nodeId, nodeId)));
		const boardIds = [...new Set(values.boardIds)];
		if (boardIds.length) {
			const found = await tx
				.select({ id: units.id })
				.from(units)
				.where(and(eq(units.tenantId, tenantId), eq(units.kind, 'board'), inArray(units.id, boardIds)));
			if (found.length !== boardIds.length) throw new DomainError('error_not_found', {}, { field: 'boards', status: 404 });
			await tx.insert(nodeBoards).values(boardIds.map((unitId, position) => ({ tenantId, nodeId, unitId, position })));
		}
	}
}

async function roleTitleIds(tx: Db, tenantId: string, names: string[]): Promise<string[]> {
	const wanted = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
	if (!wanted.length) return [];
	const existing = await tx
		.select()
		.from(roleTitles)
		.where(and(eq(roleTitles.tenantId, tenantId), inArray(roleTitles.name, wanted)));
	const byName = new Map(existing.map((row) => [row.name, row.id]));
	const missing = wanted.filter((name) => !byName.has(name));
	if (missing.length) {
		const created = await tx
			.insert(roleTitles)
			.values(missing.map((name) => ({ tenantId, name })))
			.returning();
		for (const row of created) byName.set(row.name, row.id);
	}
	return wanted.map((name) => byName.get(name)!);
}
