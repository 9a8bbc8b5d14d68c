import type { KoladaKpiRow } from '../kolada/kolada-repository';

/** A key figure of Kolada's catalogue as the API gives it (Kolada's own names for its flags). */
export function presentKoladaKpi(kpi: KoladaKpiRow) {
	return {
		id: kpi.id,
		title: kpi.title,
		description: kpi.description,
		operatingArea: kpi.operatingArea,
		hasOuData: kpi.hasOuData,
		isDividedByGender: kpi.dividedByGender,
		publicationDate: kpi.publicationDate
	};
}
