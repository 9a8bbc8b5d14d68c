import { m } from '../../paraglide/messages.js';
import type { Db } from '../db/client';
import type { Locale } from './document-model';
import { exportPlan, type ExportedFile } from './export-plan';
import { findPublishedPlan } from './public-plans';
import { hasPublicEvents } from '../calendar/public-plan-calendar';
import { swedishToday } from '../shared/calendar-date';

/**
 * A published plan, or a published period's follow-up report, as a file for anyone: the web page
 * carries links to every download and to each published report. Undefined when not published.
 */
export async function publicFile(db: Db, slug: string, planId: string, options: { format: string; periodId?: string; locale: Locale }): Promise<ExportedFile | undefined> {
	const published = await findPublishedPlan(db, slug, planId);
	if (!published) return undefined;
	if (options.periodId && !published.periods.some((period) => period.id === options.periodId)) return undefined;
	const t = { locale: options.locale };
	const base = `/public/${encodeURIComponent(slug)}/${planId}`;
	const download = (format: string, periodId?: string) => `${base}/download?format=${format}${periodId ? `&period=${periodId}` : ''}`;
	const formats = (periodId?: string) => [
		{ label: m.download_docx({}, t), href: download('docx', periodId) },
		{ label: m.download_pdf({}, t), href: download('pdf', periodId) },
		{ label: m.download_xlsx({}, t), href: download('xlsx', periodId) }
	];
	const sections = options.periodId
		? [
				{ label: m.public_downloads({}, t), links: [...formats(options.periodId), { label: published.plan.title, href: base }] },
				{ label: m.public_open_data({}, t), links: [{ label: m.download_csv({}, t), href: download('csv', options.periodId) }] }
			]
		: [
				{ label: m.public_downloads({}, t), links: formats() },
				{ label: m.public_reports({}, t), links: published.periods.map((period) => ({ label: period.name, href: download('html', period.id) })) },
				{ label: m.public_open_data({}, t), links: [{ label: m.download_json({}, t), href: download('json') }, { label: m.download_csv({}, t), href: download('csv') }] },
				...(options.format === 'html' && (await hasPublicEvents(db, published.tenant.id, planId, swedishToday()))
					? [{ label: m.public_calendar({}, t), links: [{ label: m.public_calendar_subscribe({}, t), href: `${base}/kalender.ics` }] }]
					: [])
			];
	return exportPlan(db, published.tenant.id, planId, { ...options, publicOnly: true, html: { sections } });
}
