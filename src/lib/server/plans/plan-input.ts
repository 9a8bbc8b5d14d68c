import { z } from 'zod';
import { PERIOD_KINDS, PLAN_KINDS } from '../db/schema';

export const planDetailsInput = z.object({
	title: z.string().trim().min(1).max(300),
	kind: z.enum(PLAN_KINDS),
	periodKind: z.enum(PERIOD_KINDS),
	startYear: z.coerce.number().int().min(2000).max(2100),
	ownerUnitId: z.uuid()
});

export const planLabels = {
	title: { sv: 'Titel', en: 'Title' },
	kind: { sv: 'Typ av plan', en: 'Kind of plan' },
	periodKind: { sv: 'Period', en: 'Period' },
	startYear: { sv: 'År', en: 'Year' },
	ownerUnitId: { sv: 'Ägare (enhet)', en: 'Owner (unit)' },
	frameworkId: { sv: 'Styrmodell', en: 'Steering model' },
	adoptedBy: { sv: 'Fastställd av', en: 'Adopted by' },
	adoptedOn: { sv: 'Datum', en: 'Date' },
	registryNumber: { sv: 'Diarienummer', en: 'Registry number' }
};
