import type { Db } from '../db/client';
import { loadFollowUpData } from '../follow-up/follow-up-repository';
import { presentPlanDocument } from '../presenters/plan-document';
import { DomainError, isDomainError, notFound } from '../shared/domain-error';
import { buildDocument, type Locale } from './document-model';
import { loadDocumentSource } from './load-document';
import { renderDocx } from './render-docx';
import { renderHtml, type HtmlOptions } from './render-html';
import { storedPdf } from './pdf-store';
import { pdfFontCoverage } from './render-pdf';
import { renderTypst } from './render-typst';
import { renderXlsx } from './render-xlsx';
import { renderCsv } from './render-csv';
import { itemTable } from './item-table';

/** `pdf` is PDF/UA-1 (accessible); `pdfa` the same document as PDF/A-2a, for the archive. */
export const EXPORT_FORMATS = ['html', 'docx', 'pdf', 'pdfa', 'xlsx', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
	html: 'text/html; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	pdfa: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	json: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

export interface ExportedFile {
	filename: string;
	contentType: string;
	body: Buffer;
}

export function isExportFormat(format: string): format is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(format);
}

/**
 * The plan, or with a period its follow-up report, as a file in one of the export formats: the one
 * way documents are made, for the pages, the public page, the API and the CLI.
 */
export async function exportPlan(
	db: Db,
	tenantId: string,
	planId: string,
	options: {
		format: string;
		periodId?: string;
		locale: Locale;
		html?: HtmlOptions;
		/** For anyone (the public page): only published periods' follow-up is shown or named. */
		publicOnly?: boolean;
		/** A report (HTML, Word, PDF) with the units' analyses of the goals sent down as an appendix. */
		unitAnalyses?: boolean;
	}
): Promise<ExportedFile> {
	const { format, periodId, locale } = options;
	if (!isExportFormat(format)) throw new DomainError('error_export_format', { formats: EXPORT_FORMATS.join(', ') }, { field: 'format' });
	const source = await loadDocumentSource(db, tenantId, planId, periodId || undefined);
	if (!source || (options.publicOnly && source.followUp && !source.followUp.period.publishedAt)) throw notFound();
	const wholeYear = async () => {
		const year = await loadFollowUpData(db, tenantId, planId);
		if (!options.publicOnly) return year;
		const shown = new Set(year.periods.filter((period) => period.publishedAt).map((period) => period.id));
		return {
			...year,
			periods: year.periods.filter((period) => shown.has(period.id)),
			followUps: year.followUps.filter((report) => shown.has(report.periodId)),
			measurements: year.measurements.filter((measurement) => shown.has(measurement.periodId))
		};
	};
	const base = fileName(source.data.plan.title, source.followUp?.period.name);
	const file = (body: Buffer | string): ExportedFile => ({ filename: format === 'pdfa' ? `${base}-pdfa.pdf` : `${base}.${format}`, contentType: CONTENT_TYPES[format], body: Buffer.from(body) });

	switch (format) {
		case 'json':
			return file(`${JSON.stringify(presentPlanDocument(source.data, await wholeYear()), null, 2)}\n`);
		case 'xlsx':
			return file(await renderXlsx(source.data, source.followUp ? await wholeYear() : undefined, locale));
		case 'csv':
			return file(renderCsv(itemTable(source.data, source.followUp ? await wholeYear() : undefined, locale)));
		default: {
			const model = buildDocument(source.data, { locale, organisation: source.organisation, followUp: source.followUp, unitAnalyses: options.unitAnalyses });
			if (format === 'docx') return file(await renderDocx(model));
			if (format === 'html') return file(renderHtml(model, options.html));
			const typst = renderTypst(model, { today: options.html?.today, covers: pdfFontCoverage() });
			return file(await storedPdf(typst, format === 'pdfa' ? 'a-2a' : 'ua-1'));
		}
	}
}

/**
 * Makes a closed period's report ahead, in the background, so its PDF is ready when someone asks
 * (see pdf-store.ts). Failures are only logged: nobody is waiting for this one.
 */
export function prepareReportPdf(db: Db, tenantId: string, planId: string, periodId: string, onError: (error: unknown) => void): void {
	exportPlan(db, tenantId, planId, { format: 'pdf', periodId, locale: 'sv' }).catch((thrown) => {
		if (!isDomainError(thrown)) onError(thrown);
	});
}

/** "Verksamhetsplan 2025", "Delår 2 per 31 augusti" → "verksamhetsplan-2025-delar-2-per-31-augusti". */
export function fileName(title: string, period?: string): string {
	const words = [title, period ?? ''].join(' ');
	const slug = words
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	// Cut at the last whole word within 80 characters; a single word longer than that is cut where it must be.
	const lastBreak = slug.slice(0, 81).lastIndexOf('-');
	const cut = slug.length <= 80 ? slug : lastBreak > 0 ? slug.slice(0, lastBreak) : slug.slice(0, 80);
	return cut || 'plan';
}
