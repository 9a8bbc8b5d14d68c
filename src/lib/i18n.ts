import { getLocale } from './paraglide/runtime';

/** The organisation's own names for its levels and fields, in the reader's language. */
export function levelName(level: { nameSv: string; nameEn: string; namePluralSv: string; namePluralEn: string }, plural = false): string {
	const en = getLocale() === 'en';
	if (plural) return en ? level.namePluralEn : level.namePluralSv;
	return en ? level.nameEn : level.nameSv;
}

export function fieldLabel(field: { labelSv: string; labelEn: string }): string {
	return getLocale() === 'en' ? field.labelEn : field.labelSv;
}

export function fieldHelp(field: { helpSv: string; helpEn: string }): string {
	return getLocale() === 'en' ? field.helpEn : field.helpSv;
}

export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '';
	return new Intl.DateTimeFormat(getLocale() === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function formatNumber(value: string | number | null | undefined, locale: 'sv' | 'en' = getLocale() === 'en' ? 'en' : 'sv'): string {
	if (value === null || value === undefined || value === '') return '';
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }).format(Number(value));
}
