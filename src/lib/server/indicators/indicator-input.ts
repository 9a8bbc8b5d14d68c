import { z } from 'zod';
import { COMPARISONS, DIRECTIONS, INDICATOR_KINDS, TARGET_KINDS } from '../db/schema';
import { DomainError } from '../shared/domain-error';

/** Numbers as Swedish users type them: "0,5", "12 000", or a number from JSON. */
const looseNumber = z
	.union([z.number(), z.string()])
	.transform((value, context) => {
		if (typeof value === 'number') return value;
		const text = value.trim().replace(/\s/g, '').replace(',', '.');
		if (!text) return null;
		if (['ja', 'yes'].includes(text.toLowerCase())) return 1;
		if (['nej', 'no'].includes(text.toLowerCase())) return 0;
		if (!/^-?\d+(\.\d+)?$/.test(text)) {
			context.addIssue({ code: 'custom', message: 'not a number' });
			return z.NEVER;
		}
		return Number(text);
	})
	.nullable()
	.default(null);

const emptyToNull = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? null : value), schema.nullable().default(null));

export const indicatorInput = z.object({
	name: z.string().trim().min(1).max(500),
	kind: z.enum(INDICATOR_KINDS),
	unit: z.string().trim().max(40).default(''),
	direction: z.enum(DIRECTIONS).default('none'),
	targetKind: z.enum(TARGET_KINDS).default('none'),
	targetComparison: emptyToNull(z.enum(COMPARISONS)),
	targetValue: looseNumber,
	targetChange: emptyToNull(z.enum(['increase', 'decrease'])),
	baselineValue: looseNumber,
	baselineLabel: z.string().trim().max(40).default(''),
	koladaKpi: z.string().trim().max(20).default('')
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const indicatorLabels = {
	name: { sv: 'Indikator', en: 'Indicator' },
	kind: { sv: 'Typ', en: 'Kind' },
	unit: { sv: 'Enhet', en: 'Unit' },
	direction: { sv: 'Önskad riktning', en: 'Desired direction' },
	targetKind: { sv: 'Målvärde', en: 'Target' },
	targetComparison: { sv: 'Jämförelse', en: 'Comparison' },
	targetValue: { sv: 'Målvärde', en: 'Target value' },
	targetChange: { sv: 'Förändring', en: 'Change' },
	baselineValue: { sv: 'Utgångsvärde', en: 'Baseline' },
	baselineLabel: { sv: 'Utgångsvärdets period', en: 'Baseline period' },
	koladaKpi: { sv: 'Kolada-id', en: 'Kolada id' },
	version: { sv: 'Version', en: 'Version' }
};

/** The rules between fields zod alone does not say: a target needs what makes it checkable. */
export function checkIndicator(data: IndicatorInput) {
	const fail = (field: keyof typeof indicatorLabels): never => {
		throw new DomainError('error_field_invalid', { field: indicatorLabels[field] }, { field });
	};
	if (data.kind === 'yes_no') {
		for (const key of ['targetValue', 'baselineValue'] as const) {
			if (data[key] !== null && data[key] !== 0 && data[key] !== 1) fail(key);
		}
	}
	if (data.kind === 'percent') {
		for (const key of ['targetValue', 'baselineValue'] as const) {
			if (data[key] !== null && (data[key]! < 0 || data[key]! > 100)) fail(key);
		}
	}
	if (data.targetKind === 'value') {
		if (data.targetValue === null) fail('targetValue');
		if (data.targetComparison === null) fail('targetComparison');
	}
	if (data.targetKind === 'change' && data.targetChange === null) fail('targetChange');
	return {
		...data,
		targetComparison: data.targetKind === 'value' ? data.targetComparison : null,
		targetValue: data.targetKind === 'value' && data.targetValue !== null ? String(data.targetValue) : null,
		targetChange: data.targetKind === 'change' ? data.targetChange : null,
		baselineValue: data.baselineValue === null ? null : String(data.baselineValue),
		baselineLabel: data.baselineLabel || null,
		koladaKpi: data.koladaKpi || null
	};
}
