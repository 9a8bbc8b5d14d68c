import { isCalendarDate } from '../shared/calendar-date';
import { DomainError } from '../shared/domain-error';
import { isAuditKind, type AuditLogFilter } from './audit-log';

export interface ReadAuditFilter {
	filter: AuditLogFilter;
	/** A date that is not one, by field: the page says so beside the field instead of filtering. */
	problems: Partial<Record<'from' | 'to', DomainError>>;
}

/** The audit log's filter from the page's query string (person, item by name, kind, dates). */
export function readAuditFilter(params: URLSearchParams): ReadAuditFilter {
	const kind = params.get('kind');
	const filter: AuditLogFilter = {
		actor: params.get('actor') || undefined,
		item: params.get('item')?.trim().slice(0, 200) || undefined,
		kind: isAuditKind(kind) ? kind : undefined,
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

/** The filter as a query string (without the page's cursor), for the links to the next and previous page. */
export function auditFilterQuery(filter: AuditLogFilter): URLSearchParams {
	const query = new URLSearchParams();
	for (const key of ['actor', 'item', 'kind', 'from', 'to'] as const) {
		const value = filter[key];
		if (value) query.set(key, value);
	}
	return query;
}
