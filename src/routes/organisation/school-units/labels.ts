import { m } from '$lib/paraglide/messages.js';

/** A register school form code (GR, FKLASS …) in the reader's language; an unknown code as it is. */
export const schoolFormLabel = (code: string): string =>
	(
		({
			FS: m.school_form_fs,
			FKLASS: m.school_form_fklass,
			FTH: m.school_form_fth,
			OPPFTH: m.school_form_oppfth,
			GR: m.school_form_gr,
			GRAN: m.school_form_gran,
			SP: m.school_form_sp,
			SAM: m.school_form_sam,
			GY: m.school_form_gy,
			GYAN: m.school_form_gyan,
			VUX: m.school_form_vux
		}) as Record<string, (() => string) | undefined>
	)[code]?.() ?? code;

export const schoolFormsText = (codes: readonly string[]): string => codes.map(schoolFormLabel).join(', ');
