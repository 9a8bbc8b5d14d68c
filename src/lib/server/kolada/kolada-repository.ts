import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rowsOf } from '../db/rows';
import { koladaKpis, koladaPlaces, koladaSyncs } from '../db/schema';
import { DomainError } from '../shared/domain-error';

export type KoladaKpiRow = typeof koladaKpis.$inferSelect;

/** A key figure's id as Kolada writes it: a letter and five digits ("N15428", "U15011"). */
export const KPI_ID = /^[A-Z]\d{5}$/;

/**
 * Searches the catalogue by words, in Swedish ("behöriga yrkesprogram", "meritvärde", "trygghet"):
 * every word must match the start of a word in the title or description (stemmed, so "trygghet" finds
 * "trygga"), titles first; an id ("N15428") finds that figure. Uses the full-text index.
 */
export async function searchKpis(db: Db, query: string, limit = 20): Promise<KoladaKpiRow[]> {
	const text = query.trim().slice(0, 200);
	if (!text) return [];
	if (KPI_ID.test(text.toUpperCase())) return db.select().from(koladaKpis).where(eq(koladaKpis.id, text.toUpperCase()));
	const words = text
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word.length > 1)
		.slice(0, 8);
	if (!words.length) return [];
	// Each word as a prefix of a stemmed word; the words are passed as parameters, never as query syntax.
	const terms = sql.join(
		words.map((word) => sql`(to_tsquery('swedish', quote_literal(${word}) || ':*'))`),
		sql` && `
	);
	const document = sql`to_tsvector('swedish', ${koladaKpis.title} || ' ' || ${koladaKpis.description})`;
	const titleOnly = sql`to_tsvector('swedish', ${koladaKpis.title})`;
	// The planner prices to_tsvector low and, for a common word, reads the whole catalogue computing it
	// for each of its 6,000 rows (0.4 s) instead of asking the index (some 20 ms): told not to, for this
	// statement's transaction only (docs/BENCHMARKS.md, Kolada).
	return db.transaction(async (tx) => {
		await tx.execute(sql`set local enable_seqscan = off`);
		return rowsOf<KoladaKpiRow>(
			await tx.execute(sql`
			select id, title, description, operating_area as "operatingArea", has_ou_data as "hasOuData", divided_by_gender as "dividedByGender",
				municipality_type as "municipalityType", publication_date as "publicationDate", prel_publication_date as "prelPublicationDate",
				ou_publication_date as "ouPublicationDate", synced_at as "syncedAt"
			from kolada_kpis
			where ${document} @@ (${terms})
			order by ts_rank(${titleOnly}, (${terms})) desc, id
			limit ${limit}`)
		);
	});
}

export async function findKpi(db: Db, id: string): Promise<KoladaKpiRow | undefined> {
	const [row] = await db.select().from(koladaKpis).where(eq(koladaKpis.id, id));
	return row;
}

export async function countKpis(db: Db): Promise<number> {
	const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from kolada_kpis`));
	return row.n;
}

export async function listPlaces(db: Db, kind: 'municipality' | 'group' | 'unit', municipalityCode?: string) {
	const rows = await db
		.select()
		.from(koladaPlaces)
		.where(and(eq(koladaPlaces.kind, kind), municipalityCode ? sql`${municipalityCode} = any(${koladaPlaces.members})` : undefined));
	const collator = new Intl.Collator('sv');
	return rows.sort((a, b) => collator.compare(a.title, b.title));
}

export async function findPlaces(db: Db, ids: string[]) {
	if (!ids.length) return [];
	return db.select().from(koladaPlaces).where(inArray(koladaPlaces.id, ids));
}

/** The organisation's latest syncs, newest first. */
export async function listSyncs(db: Db, tenantId: string, limit = 10) {
	return db
		.select()
		.from(koladaSyncs)
		.where(and(eq(koladaSyncs.tenantId, tenantId)))
		.orderBy(sql`${koladaSyncs.startedAt} desc`)
		.limit(limit);
}

/**
 * A Kolada id given to an indicator must be a key figure Kolada has: its shape always, and, once the
 * catalogue is here, its presence in it (an organisation offline, without the catalogue, can still
 * link by id; the sync then says if Kolada does not know it). Upper case is Kolada's own.
 */
export async function checkKpiId(db: Db, id: string | null): Promise<string | null> {
	if (!id) return null;
	const wanted = id.trim().toUpperCase();
	if (!KPI_ID.test(wanted) || ((await countKpis(db)) > 0 && !(await findKpi(db, wanted)))) {
		throw new DomainError('error_kolada_unknown_kpi', { id: id.trim() }, { field: 'koladaKpi' });
	}
	return wanted;
}
