import { m } from '$lib/paraglide/messages.js';

/**
 * The site's navigation: every link with its group. Which links a person sees is decided on the
 * server from the policies (routes/+layout.server.ts); this file only names and orders them.
 */
export type NavKey = 'to-report' | 'plans' | 'frameworks' | 'cycle' | 'organisation' | 'people' | 'saml' | 'scales' | 'kolada' | 'reminders' | 'jobs' | 'tokens' | 'audit';
export type NavGroupKey = 'reporting' | 'planning' | 'administration';

export interface NavLink {
	key: NavKey;
	href: string;
	label: string;
}
export interface NavGroup {
	key: NavGroupKey;
	label: string;
	links: NavLink[];
}

const LINKS: { key: NavKey; href: string; group: NavGroupKey; label: () => string }[] = [
	{ key: 'to-report', href: '/att-rapportera', group: 'reporting', label: () => m.nav_to_report() },
	{ key: 'plans', href: '/plans', group: 'planning', label: () => m.nav_plans() },
	{ key: 'frameworks', href: '/frameworks', group: 'planning', label: () => m.nav_frameworks() },
	{ key: 'cycle', href: '/arshjul', group: 'planning', label: () => m.nav_cycle() },
	{ key: 'organisation', href: '/organisation', group: 'administration', label: () => m.nav_organisation() },
	{ key: 'people', href: '/admin/people', group: 'administration', label: () => m.nav_people() },
	{ key: 'saml', href: '/admin/saml', group: 'administration', label: () => m.nav_saml() },
	{ key: 'scales', href: '/admin/scales', group: 'administration', label: () => m.nav_scales() },
	{ key: 'kolada', href: '/admin/kolada', group: 'administration', label: () => m.nav_kolada() },
	{ key: 'reminders', href: '/admin/reminders', group: 'administration', label: () => m.nav_reminders() },
	{ key: 'jobs', href: '/admin/jobs', group: 'administration', label: () => m.nav_jobs() },
	{ key: 'tokens', href: '/admin/tokens', group: 'administration', label: () => m.nav_tokens() },
	{ key: 'audit', href: '/admin/audit', group: 'administration', label: () => m.nav_audit() }
];

const GROUP_LABELS: Record<NavGroupKey, () => string> = {
	reporting: () => m.nav_group_reporting(),
	planning: () => m.nav_group_planning(),
	administration: () => m.nav_administration()
};

/** The visible links, grouped in the order reporting, planning, administration; empty groups left out. */
export function navigationGroups(visible: readonly NavKey[]): NavGroup[] {
	return (['reporting', 'planning', 'administration'] as const)
		.map((group) => ({
			key: group,
			label: GROUP_LABELS[group](),
			links: LINKS.filter((link) => link.group === group && visible.includes(link.key)).map(({ key, href, label }) => ({ key, href, label: label() }))
		}))
		.filter((group) => group.links.length > 0);
}

/** One step of a page's breadcrumbs (see docs/ARCHITECTURE.md): a page's address and its name. */
export interface Crumb {
	href: string;
	label: string;
}

/** A page's breadcrumbs: Start, then the given steps (the page itself last), in the reader's language. */
export function breadcrumbs(locale: 'sv' | 'en', ...steps: Crumb[]): Crumb[] {
	return [{ href: '/', label: m.breadcrumb_home({}, { locale }) }, ...steps];
}

/** A page of a plan's: Start › Planer › the plan › the page (`page` omitted: the plan's own page). */
export function planBreadcrumbs(locale: 'sv' | 'en', plan: { id: string; title: string }, page?: Crumb): Crumb[] {
	return breadcrumbs(locale, { href: '/plans', label: m.plans_title({}, { locale }) }, { href: `/plans/${plan.id}`, label: plan.title }, ...(page ? [page] : []));
}

/** Whether a link leads to the page shown (or a page under it). */
export function isCurrent(href: string, pathname: string): boolean {
	return pathname === href || pathname.startsWith(`${href}/`);
}
