import { isCalendarDate } from '../shared/calendar-date';
import { DomainError } from '../shared/domain-error';
import type { AuditFilter } from './audit-repository';

export interface ReadAuditFilter {
	filter: AuditFilter;
	/** A date that is not one, by field: the page says so beside the field instead of filtering. */
	problems: Partial<Record<'from' | 'to', DomainError>>;
}

/** The audit log's filter from the page's query string (person, item, dates). */
export function readAuditFilter(params: URLSearchParams): ReadAuditFilter {
	const filter: AuditFilter = {
		actor: params.get('actor') || undefined,
		entityId: params.get('item') || undefined,
		from: params.get('from') || undefined,
		to: params.get('to') || undefined
	};
	const problems: ReadAuditFilter['problems'] = {};
	for (const field of ['from', 'to'] as const) {
		const value = filter[field];
		if (value !== undefined && !isCalendarDate(value)) problems[field] = new DomainError('error_date_invalid', { value }, { field });
	}
	return { filter, problems };
}
