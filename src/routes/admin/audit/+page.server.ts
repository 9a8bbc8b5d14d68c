import { getDb } from '$lib/server/app/runtime';
import { actorNames, listAuditActors } from '$lib/server/audit/audit-repository';
import { AUDIT_KINDS, listAuditPage } from '$lib/server/audit/audit-log';
import { auditFilterQuery, readAuditFilter } from '$lib/server/audit/audit-filter';
import { describeAuditEvents } from '$lib/server/audit/audit-sentences';
import { messageFor } from '$lib/server/presenters/message';
import { guard } from '$lib/server/http/guard';
import { m } from '$lib/paraglide/messages.js';
import { breadcrumbs } from '$lib/navigation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	guard(locals, 'audit.read');
	const db = getDb();
	const { tenantId } = locals.ctx;
	const locale = locals.locale;
	const { filter, problems } = readAuditFilter(url.searchParams);
	// A date that is not one filters nothing: the page says so beside the field instead of listing.
	const valid = !problems.from && !problems.to;
	const [page, actors] = await Promise.all([
		valid ? listAuditPage(db, tenantId, filter, { after: url.searchParams.get('after') ?? undefined, before: url.searchParams.get('before') ?? undefined }) : null,
		listAuditActors(db, tenantId)
	]);
	const [names, entries] = await Promise.all([actorNames(db, tenantId, actors), page ? describeAuditEvents(db, tenantId, page.events, locale) : null]);
	const collator = new Intl.Collator('sv');
	const address = (cursor: { after?: string; before?: string }) => {
		const query = auditFilterQuery(filter);
		for (const [key, value] of Object.entries(cursor)) if (value) query.set(key, value);
		return `/admin/audit?${query}`;
	};
	return {
		filter,
		errors: {
			from: problems.from && messageFor(problems.from, locale),
			to: problems.to && messageFor(problems.to, locale)
		},
		events: entries,
		newer: page?.newer ? address({ before: page.newer }) : null,
		older: page?.older ? address({ after: page.older }) : null,
		/** On a later page: back to the newest changes under the same filter. */
		newest: url.searchParams.has('after') || url.searchParams.has('before') ? address({}) : null,
		kinds: AUDIT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind, locale) })),
		actors: actors.map((id) => ({ id, name: names.get(id) ?? actorLabel(id, locale) })).sort((a, b) => collator.compare(a.name, b.name)),
		breadcrumbs: breadcrumbs(locale, { href: '/admin/audit', label: m.audit_title({}, { locale }) })
	};
};

function kindLabel(kind: (typeof AUDIT_KINDS)[number], locale: 'sv' | 'en'): string {
	const labels = {
		follow_up: m.audit_kind_follow_up,
		item: m.audit_kind_item,
		plan: m.audit_kind_plan,
		framework: m.audit_kind_framework,
		organisation: m.audit_kind_organisation,
		people: m.audit_kind_people
	};
	return labels[kind]({}, { locale });
}

function actorLabel(id: string, locale: 'sv' | 'en'): string {
	if (id === 'demo') return m.audit_actor_demo({}, { locale });
	if (id === 'cli' || id === 'system') return m.audit_actor_system({}, { locale });
	return id;
}
