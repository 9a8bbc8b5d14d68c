import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { koladaKpis, koladaPlaces } from '../db/schema';
import type { KoladaSource } from './kolada-source';

/**
 * Brings Kolada's catalogue of key figures, its municipalities and its municipality groups (and, given
 * a municipality, its organisational units) into the database, so that searching them is local and instant. Shared public data (no organisation's);
 * idempotent: a second run changes only what Kolada changed. One transaction: a failed fetch changes nothing.
 */
export async function syncCatalogue(db: Db, source: KoladaSource, municipalityCode?: string | null): Promise<{ kpis: number; places: number }> {
	const [kpis, municipalities, groups, units] = await Promise.all([
		source.fetchKpiCatalogue(),
		source.fetchMunicipalities(),
		source.fetchMunicipalityGroups(),
		municipalityCode ? source.fetchUnits(municipalityCode) : []
	]);
	const places = [
		// The municipality's organisational units (schools, preschools) as Kolada knows them: for matching the organisation's units.
		...units.map((unit) => ({ id: unit.id, title: unit.title, kind: 'unit', members: [unit.municipality] })),
		...municipalities.map((place) => ({ id: place.id, title: place.title, kind: place.id === '0000' ? 'country' : place.type === 'K' ? 'municipality' : 'region', members: [] as string[] })),
		...groups.map((group) => ({ id: group.id, title: group.title, kind: 'group', members: group.members.map((member) => member.id) }))
	];
	await db.transaction(async (tx) => {
		for (let i = 0; i < kpis.length; i += 500) {
			await tx
				.insert(koladaKpis)
				.values(
					kpis.slice(i, i + 500).map((kpi) => ({
						id: kpi.id,
						title: kpi.title,
						description: kpi.description,
						operatingArea: kpi.operatingArea,
						hasOuData: kpi.hasOuData,
						dividedByGender: kpi.isDividedByGender,
						municipalityType: kpi.municipalityType ?? '',
						publicationDate: kpi.publicationDate,
						prelPublicationDate: kpi.prelPublicationDate,
						ouPublicationDate: kpi.ouPublicationDate
					}))
				)
				.onConflictDoUpdate({
					target: koladaKpis.id,
					set: {
						title: sql`excluded.title`,
						description: sql`excluded.description`,
						operatingArea: sql`excluded.operating_area`,
						hasOuData: sql`excluded.has_ou_data`,
						dividedByGender: sql`excluded.divided_by_gender`,
						municipalityType: sql`excluded.municipality_type`,
						publicationDate: sql`excluded.publication_date`,
						prelPublicationDate: sql`excluded.prel_publication_date`,
						ouPublicationDate: sql`excluded.ou_publication_date`,
						syncedAt: sql`now()`
					}
				});
		}
		for (let i = 0; i < places.length; i += 500) {
			await tx
				.insert(koladaPlaces)
				.values(places.slice(i, i + 500))
				.onConflictDoUpdate({ target: koladaPlaces.id, set: { title: sql`excluded.title`, kind: sql`excluded.kind`, members: sql`excluded.members`, syncedAt: sql`now()` } });
		}
	});
	return { kpis: kpis.length, places: places.length };
}
