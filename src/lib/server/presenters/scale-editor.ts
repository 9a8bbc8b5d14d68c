import type { Db } from '../db/client';
import type { ScaleKind } from '../db/schema';
import { MEANINGS_OF } from '../follow-up/manage-scale';
import { countScaleUsage, listScale } from '../follow-up/scales';

/** *Statusar och bedömningar*: each kind's values with how many reports use them, and the meanings it may take. */
export async function presentScaleEditor(db: Db, tenantId: string) {
	const [scale, usage] = await Promise.all([listScale(db, tenantId), countScaleUsage(db, tenantId)]);
	return (['status', 'assessment'] as ScaleKind[]).map((kind) => ({
		kind,
		meanings: [...MEANINGS_OF[kind]],
		values: scale
			.filter((value) => value.kind === kind)
			.map(({ id, labelSv, labelEn, colour, meaning, retired }) => ({ id, labelSv, labelEn, colour, meaning, retired, uses: usage.get(id) ?? 0 }))
	}));
}
