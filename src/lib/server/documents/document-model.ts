import { m } from '../../paraglide/messages.js';
import type { Level } from '../frameworks/framework-repository';
import type { Chapter, PlanData, PlanNode, IndicatorRow } from '../plans/plan-repository';
import { buildTree, type TreeEntry } from '../plans/plan-tree';
import type { FollowUpForDocument } from './load-document';
import { outcomesByPeriod } from '../follow-up/evaluate-indicator';
import { presentOverview } from '../presenters/overview';
import { presentComparison } from '../presenters/kolada-comparison';
import { baselineText, indicatorValue, targetText } from '../../indicator-text';
import type { FollowUpMode } from '../db/schema';
import type { FollowUp } from '../follow-up/follow-up-repository';
import { fieldLabel, fieldPlainText, fieldRichText, type Locale } from './field-text';
import { documentParts, orderedColumns, partKeys } from '../frameworks/field-order';
import { itemLabel, itemName } from '../presenters/item-name';
import { applyNameTemplate } from '../frameworks/name-template';
import { inlinePlainText, parseRichText, parseRichTextInline, plainRichText, type RichText } from './rich-text-model';

export type { Locale };
/** A table cell: rich text (several values of a list field are a bullet list, as in the reference documents). */
export type Cell = RichText;

/** A labelled value beside an item's heading ("Ansvarig: Rektor", "Status: Pågående"). */
export interface Fact {
	label: string;
	value: RichText;
}

export type Block =
	| { kind: 'heading'; depth: number; text: string; anchor: string }
	| { kind: 'rich'; text: RichText }
	/** A bold line naming what follows ("Analys", a rich-text field's label). */
	| { kind: 'label'; text: string }
	| { kind: 'facts'; facts: Fact[] }
	/** help: a column's hint under its label ("Mått" – "Vad mäta?"), as the reference documents print it; '' for none. */
	| { kind: 'table'; caption: string; columns: string[]; help?: string[]; rows: Cell[][] }
	| { kind: 'chart'; title: string; svg: string; alt: string; width: number; height: number }
	/** What was decided, set apart at the end: the plan's title, registry number, who adopted it, when. */
	| { kind: 'closing'; lines: string[] };

/**
 * A plan, or its follow-up report for a period, as a document in neutral form: every format (HTML,
 * PDF, Word) is drawn from this one model, so they say the same thing. The layout comes from the
 * plan's own framework: levels shown as headings get a heading, levels shown as table rows become
 * tables with the level's columns.
 */
export interface DocumentModel {
	locale: Locale;
	/** The plan's title; a follow-up report's is "Uppföljning av <the plan's title>". */
	title: string;
	/** "Verksamhetsplan 2025", or '' when the title already says it. */
	subtitle: string;
	/** The period a follow-up report is for ("Delår 2 per 31 augusti"). */
	report: string | null;
	/** "Fastställd av Kommunfullmäktige 2025-01-28, Dnr KS 2025/12". */
	adoption: string | null;
	organisation: string;
	/** The unit that owns the plan ("Barn- och utbildningsförvaltningen"), on the cover below the organisation; '' when it is the organisation. */
	unit: string;
	/** The boards the plan's items name, in full, on the cover ("Barn- och ungdomsnämnden", "Bildningsnämnden"). */
	boards: string[];
	toc: { depth: number; text: string; anchor: string }[];
	blocks: Block[];
}

interface Options {
	locale: Locale;
	organisation: string;
	followUp?: FollowUpForDocument;
	/** In a report: the units' analyses of the goals sent down the steering chain as an appendix (the units' tables then leave them out). */
	unitAnalyses?: boolean;
}

/** The longest name of the item above that a table's caption repeats ("Insatser – Långsiktig hållbarhet …"). */
const CAPTION_NAME_LENGTH = 80;

export function buildDocument(data: PlanData, options: Options): DocumentModel {
	const { locale, followUp } = options;
	const t = { locale };
	const blocks: Block[] = [];
	let anchors = 0;
	const heading = (depth: number, text: string) => {
		blocks.push({ kind: 'heading', depth: Math.min(depth, 6), text, anchor: `s${++anchors}` });
	};
	/** Markdown standing on its own (a chapter, a description): its headings become the document's own, below `depth`. */
	const richText = (markdown: string, depth: number) => {
		let run: RichText = [];
		const flush = () => {
			if (run.length) blocks.push({ kind: 'rich', text: run });
			run = [];
		};
		for (const block of parseRichText(markdown)) {
			if (block.kind !== 'heading') run.push(block);
			else {
				flush();
				heading(depth + block.depth, inlinePlainText(block.content));
			}
		}
		flush();
	};
	const boards = new Map(data.boards.map((board) => [board.id, board.shortName ?? board.name]));
	const reports = new Map((followUp?.reports ?? []).map((report) => [report.nodeId, report]));
	const scale = new Map((followUp?.scale ?? []).map((value) => [value.id, value]));
	const label = (value: { labelSv: string; labelEn: string }) => (locale === 'en' ? value.labelEn : value.labelSv);
	const levelName = (level: Level) => (locale === 'en' ? level.nameEn : level.nameSv);
	const levelsById = new Map(data.framework.levels.map((level) => [level.id, level]));
	/** The name the level's template gives the item ("Kommunövergripande mål: …", "… (uppdrag 17)"); undefined without one. */
	const templated = (node: PlanNode, level: Level | undefined) => {
		if (!level) return undefined;
		const template = locale === 'en' ? level.nameTemplateEn || level.nameTemplateSv : level.nameTemplateSv;
		return applyNameTemplate(template, (key) => {
			if (key === 'title') return itemName(node, level);
			if (key === 'ref') return node.ref;
			const field = level.fields.find((candidate) => candidate.key === key);
			return field ? fieldPlainText(field, node, boards, locale).replace(/\n/g, ' ') : '';
		});
	};
	const numbered = (node: PlanNode) => {
		const level = levelsById.get(node.levelId);
		return templated(node, level) ?? itemLabel(node, level);
	};
	/** An item without a title of its own is headed by its number (its text follows), never by an invented title. */
	const headingOf = (node: PlanNode, level: Level) => templated(node, level) ?? (level.untitled && !node.title.trim() && node.ref ? node.ref : numbered(node));

	if (followUp) {
		const overview = presentOverview(data, followUp.periods, followUp.period, followUp.reports, followUp.measurements, followUp.scale, locale);
		heading(2, m.doc_summary({}, t));
		if (overview.chart) {
			const rows = overview.perTopLevel.rows;
			blocks.push({
				kind: 'chart',
				title: m.doc_chart_title({}, t),
				svg: overview.chart,
				alt: m.doc_chart_alt({ count: rows.length }, t),
				width: 760,
				height: 80 + rows.length * 44
			});
		}
		blocks.push({
			kind: 'table',
			caption: m.doc_chart_title({}, t),
			// Every header cell says what its column holds (Word's accessibility checker flags blank ones).
			columns: [rootLevelName(data, locale), ...overview.perTopLevel.columns.map(label), m.doc_total({}, t)],
			rows: overview.perTopLevel.rows.map((row) => [plainRichText(row.title), ...row.cells.map((cell) => plainRichText(String(cell))), plainRichText(String(row.total))])
		});
	}

	const chaptersPlaced = (placement: Chapter['placement']) => {
		for (const chapter of data.chapters.filter((candidate) => candidate.placement === placement)) {
			heading(2, chapter.title);
			richText(chapter.body, 2);
		}
	};
	chaptersPlaced('before');

	/**
	 * How an item is followed up in this report: as its level says; a report kept from before the level
	 * stopped being followed up still prints, as what it is. Nothing without a period.
	 */
	const modeOf = (level: Level, report: FollowUp | undefined): FollowUpMode => {
		if (!followUp) return 'none';
		if (level.followUp !== 'none') return level.followUp;
		return report ? (report.assessmentId ? 'assessment' : 'status') : 'none';
	};
	/** A status or assessment by its label; "Ej rapporterad" without one. */
	const scaleText = (id: string | null | undefined): RichText => {
		const value = id ? scale.get(id) : undefined;
		return plainRichText(value ? label(value) : m.doc_not_reported({}, t));
	};
	const judgement = (report: FollowUp | undefined): RichText => scaleText(report && (report.statusId ?? report.assessmentId));
	const followUpHeaders = (mode: FollowUpMode) =>
		mode === 'status' ? [m.doc_status({}, t), m.doc_comment({}, t)] : mode === 'assessment' ? [m.doc_assessment({}, t), m.doc_analysis({}, t)] : [];

	/** Indicators with their baseline and target, and in a report the period's outcome; `item` names a column for the items (rows of a table level). */
	const indicatorTable = (indicators: { node: PlanNode; indicator: IndicatorRow }[], item?: string) => {
		if (!indicators.length) return;
		const columns = [...(item ? [item] : []), m.doc_indicator({}, t), m.doc_baseline({}, t), m.doc_target({}, t)];
		if (followUp) columns.push(m.doc_outcome({}, t), m.doc_evaluation({}, t));
		const outcome = followUp && outcomesByPeriod(followUp.measurements, followUp.periods);
		blocks.push({
			kind: 'table',
			caption: m.doc_indicators({}, t),
			columns,
			rows: indicators.map(({ node, indicator }) => {
				const row: Cell[] = [...(item ? [plainRichText(numbered(node))] : []), plainRichText(indicator.name), plainRichText(baselineText(indicator, locale)), plainRichText(targetText(indicator, locale))];
				if (followUp && outcome) {
					const { value, evaluation } = outcome(indicator, followUp.period.id);
					// A value the sync filled from Kolada says so after it.
					const fetched = value !== null && fromKolada.has(`${indicator.id}/${followUp.period.id}`);
					row.push(plainRichText(`${indicatorValue(indicator, value, locale)}${fetched ? ` (${m.indicator_source_kolada({}, t)})` : ''}`), plainRichText(evaluationText(evaluation, locale)));
				}
				return row;
			})
		});
		for (const { indicator } of indicators) koladaComparison(indicator);
	};
	const fromKolada = new Set((followUp?.measurements ?? []).filter((measurement) => measurement.source === 'kolada').map((measurement) => `${measurement.indicatorId}/${measurement.periodId}`));
	/**
	 * In a report, an indicator linked to a Kolada key figure with figures in the cache: the organisation
	 * (or school unit) against the country and the comparison group year by year, as the item page shows
	 * it — a chart, then the same figures in a table — named by the key figure and citing Kolada.
	 */
	const koladaComparison = (indicator: IndicatorRow) => {
		const comparison = indicator.koladaKpi ? followUp?.comparisons.get(indicator.koladaKpi.toUpperCase()) : undefined;
		if (!comparison) return;
		const shown = presentComparison(comparison, locale, indicator.kind === 'percent');
		const named = { name: indicator.name, kpi: shown.kpi.id, title: shown.kpi.title };
		blocks.push({ kind: 'chart', title: m.doc_kolada_chart(named, t), svg: shown.chart, alt: m.kolada_comparison_chart_label({ name: indicator.name }, t), width: 760, height: 300 });
		const help = ['', ...comparison.series.map((series) => (series.role === 'group' ? m.doc_kolada_group_mean({}, t) : '')), ...comparison.byGender.map(() => ''), ''];
		blocks.push({
			kind: 'table',
			caption: m.doc_kolada_table(named, t),
			columns: [m.kolada_year({}, t), ...shown.columns, m.kolada_status({}, t)],
			...(help.some(Boolean) ? { help } : {}),
			rows: shown.rows.map((row) => [
				plainRichText(String(row.year)),
				...row.values.map((value) => plainRichText(value === null ? m.kolada_missing({}, t) : indicatorValue(indicator, String(value), locale))),
				plainRichText(row.status === 'Missing' ? m.kolada_missing({}, t) : row.status)
			])
		});
		if (shown.fetchedAt) {
			const when = new Date(shown.fetchedAt).toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
			blocks.push({ kind: 'rich', text: plainRichText(m.kolada_fetched({ when }, t)) });
		}
	};

	/** A goal sent down the steering chain: each unit's assessment, its work's reporting and its analysis, under the goal. */
	const chainOf = new Map<string, NonNullable<typeof followUp>['chain']>();
	for (const share of followUp?.chain ?? []) chainOf.set(share.goalId, [...(chainOf.get(share.goalId) ?? []), share]);
	const appendix = Boolean(options.unitAnalyses && followUp?.chain.some((share) => share.analysis.trim()));
	const unitsTable = (node: PlanNode) => {
		const shares = chainOf.get(node.id);
		if (!shares?.length) return;
		const assessment = (share: (typeof shares)[number]) => (share.periodId ? scaleText(share.assessmentId) : plainRichText(m.doc_units_no_period({}, t)));
		const work = (share: (typeof shares)[number]) => plainRichText(m.doc_units_reported({ reported: String(share.reported), activities: String(share.activities) }, t));
		blocks.push({
			kind: 'table',
			caption: m.doc_units_caption({}, t),
			columns: [m.doc_unit({}, t), m.doc_assessment({}, t), m.doc_units_work({}, t), ...(appendix ? [] : [m.doc_analysis({}, t)])],
			rows: shares.map((share) => [
				plainRichText(share.unitName),
				assessment(share),
				work(share),
				...(appendix ? [] : [share.analysis.trim() ? parseRichTextInline(share.analysis) : []])
			])
		});
		if (appendix && shares.some((share) => share.analysis.trim())) blocks.push({ kind: 'rich', text: plainRichText(m.doc_units_in_appendix({}, t)) });
	};
	/** The appendix: per goal sent down (in the plan's order), each unit's analysis under its name, with its assessment. */
	const unitAnalysesAppendix = () => {
		if (!appendix) return;
		heading(2, m.doc_units_appendix({}, t));
		for (const node of data.nodes) {
			const written = (chainOf.get(node.id) ?? []).filter((share) => share.analysis.trim());
			if (!written.length) continue;
			heading(3, numbered(node));
			for (const share of written) {
				heading(4, share.unitName);
				blocks.push({ kind: 'facts', facts: [{ label: m.doc_assessment({}, t), value: scaleText(share.assessmentId) }] });
				richText(share.analysis, 4);
			}
		}
	};
	const nodesById = new Map(data.nodes.map((node) => [node.id, node]));
	const table = (level: Level, entries: TreeEntry[]) => {
		// Rows without titles of their own are their number and their cells.
		const columns = level.tableColumns.length ? orderedColumns(level) : level.untitled ? ['ref', ...partKeys(level)] : ['title'];
		const rowNodes = entries.flatMap((entry) => flattenRows(entry));
		const parentOf = (node: PlanNode) => (node.parentId ? nodesById.get(node.parentId) : undefined);
		// "Nämndmål · Aktivitet · …": the parent column is named after the parents' level when they share one.
		const parentLevels = new Set(rowNodes.map((node) => parentOf(node)?.levelId).filter(Boolean));
		const parentHeader = parentLevels.size === 1 ? levelName(levelsById.get([...parentLevels][0]!)!) : m.doc_parent({}, t);
		const header = columns.map((key) =>
			key === 'title'
				? levelName(level)
				: key === 'parent'
					? parentHeader
					: key === 'ref'
						? m.node_ref({}, t)
						: key === 'description'
							? m.node_description({}, t)
							: fieldLabel(level.fields.find((field) => field.key === key), key, locale)
		);
		const mode = modeOf(level, rowNodes.map((node) => reports.get(node.id)).find(Boolean));
		const title = (node: PlanNode) => templated(node, level) ?? (columns.includes('ref') ? node.title : [node.ref, node.title].filter((part) => part.trim()).join(' '));
		const rows = rowNodes.map((node) => {
			const cells: Cell[] = columns.map((key) => {
				if (key === 'title') return plainRichText(title(node));
				if (key === 'ref') return plainRichText(node.ref);
				if (key === 'description') return parseRichTextInline(node.description);
				if (key === 'parent') {
					const parent = parentOf(node);
					return parent ? plainRichText(numbered(parent)) : [];
				}
				const field = level.fields.find((candidate) => candidate.key === key);
				return field ? fieldRichText(field, node, boards, locale) : [];
			});
			if (mode === 'none') return cells;
			const report = reports.get(node.id);
			return [...cells, judgement(report), [report?.comment, report?.analysis].flatMap((text) => (text?.trim() ? parseRichTextInline(text) : []))];
		});
		const columnHelp = (key: string) => {
			if (key === 'title') return locale === 'en' ? level.titleHelpEn || level.titleHelpSv : level.titleHelpSv;
			const field = level.fields.find((candidate) => candidate.key === key);
			return (locale === 'en' ? field?.helpEn : field?.helpSv)?.trim() ?? '';
		};
		const help = [...columns.map(columnHelp), ...followUpHeaders(mode).map(() => '')];
		const helped = help.some(Boolean) ? { help } : {};
		// Tables under an item say whose they are ("Insatser – Långsiktig hållbarhet …"): several tables of one level are told apart.
		const parents = new Set(entries.map((entry) => entry.node.parentId));
		const parent = parents.size === 1 ? parentOf(entries[0].node) : undefined;
		const plural = locale === 'en' ? level.namePluralEn : level.namePluralSv;
		const parentName = parent && levelsById.get(parent.levelId)?.documentStyle === 'heading' ? numbered(parent) : '';
		// A long name would only repeat the heading just above the table.
		const caption = parentName && parentName.length <= CAPTION_NAME_LENGTH ? `${plural} – ${parentName}` : plural;
		blocks.push({ kind: 'table', caption, columns: [...header, ...followUpHeaders(mode)], ...helped, rows });
		// The rows' indicators (and in a report their outcomes) follow in a table of their own.
		indicatorTable(
			rowNodes.flatMap((node) => node.indicators.map((indicator) => ({ node, indicator }))),
			levelName(level)
		);
	};

	const visit = (entries: TreeEntry[], depth: number) => {
		for (let index = 0; index < entries.length; ) {
			const entry = entries[index];
			if (entry.level.documentStyle === 'table_row') {
				// Consecutive rows of one level make one table, as in the reference documents.
				const run: TreeEntry[] = [];
				while (index < entries.length && entries[index].level.documentStyle === 'table_row' && entries[index].level.id === entry.level.id) run.push(entries[index++]);
				table(entry.level, run);
				continue;
			}
			index += 1;
			const node = entry.node;
			heading(depth, headingOf(node, entry.level));
			// The item's parts in the level's order: texts standing on their own, short values gathered as facts between them,
			// and the item's own items where the level places them (after everything else unless it says otherwise).
			let facts: Fact[] = [];
			const flushFacts = () => {
				if (facts.length) blocks.push({ kind: 'facts', facts });
				facts = [];
			};
			const parts = documentParts(entry.level);
			let childrenDone = false;
			for (const [index, part] of parts.entries()) {
				if (part.kind === 'children') {
					// Last of all, the items follow the item's indicators and report, below.
					if (index === parts.length - 1) continue;
					flushFacts();
					visit(entry.children, depth + 1);
					childrenDone = true;
					continue;
				}
				if (part.kind === 'description') {
					if (!node.description.trim()) continue;
					flushFacts();
					richText(node.description, depth);
					continue;
				}
				const field = part.field;
				if (field.type !== 'rich_text') {
					const value = fieldRichText(field, node, boards, locale);
					if (value.length) facts.push({ label: fieldLabel(field, field.key, locale), value });
					continue;
				}
				const text = node.fieldValues[field.key];
				if (typeof text !== 'string' || !text.trim()) continue;
				flushFacts();
				blocks.push({ kind: 'label', text: fieldLabel(field, field.key, locale) });
				richText(text, depth);
			}
			flushFacts();
			indicatorTable(node.indicators.map((indicator) => ({ node, indicator })));
			// The item's own report, under its heading (an item linked here too is reported where it stands).
			const report = entry.linked ? undefined : reports.get(node.id);
			const mode = entry.linked ? 'none' : modeOf(entry.level, report);
			if (mode !== 'none') {
				const reported: Fact[] = [{ label: followUpHeaders(mode)[0], value: judgement(report) }];
				if (report?.comment.trim()) reported.push({ label: m.doc_comment({}, t), value: parseRichTextInline(report.comment) });
				blocks.push({ kind: 'facts', facts: reported });
				if (report?.analysis.trim()) blocks.push({ kind: 'label', text: m.doc_analysis({}, t) }, { kind: 'rich', text: parseRichTextInline(report.analysis) });
			}
			unitsTable(node);
			if (!childrenDone) visit(entry.children, depth + 1);
		}
	};
	visit(buildTree(data), 2);
	// A closing chapter (how the plan is followed up and shared) comes after the items, as written.
	chaptersPlaced('after');
	unitAnalysesAppendix();

	const plan = data.plan;
	const year = plan.periodKind === 'school_year' ? `${plan.startYear}/${String((plan.startYear + 1) % 100).padStart(2, '0')}` : String(plan.startYear);
	const title = followUp ? m.doc_report_title({ title: plan.title }, t) : plan.title;
	const kindAndYear = `${planKindText(plan.kind, locale)} ${year}`;
	const adopted = plan.state !== 'draft' && plan.adoptedBy;
	// The last page says what was adopted, by whom and when, as a decided document's back page does.
	if (adopted) blocks.push({ kind: 'closing', lines: [plan.title, plan.registryNumber ?? '', m.doc_adopted_by({ by: plan.adoptedBy ?? '' }, t), plan.adoptedOn ?? ''].filter(Boolean) });
	const namedBoards = new Set(data.nodes.flatMap((node) => node.boardIds));
	return {
		locale,
		title,
		subtitle: title.toLocaleLowerCase(locale).includes(kindAndYear.toLocaleLowerCase(locale)) ? '' : kindAndYear,
		report: followUp ? followUp.period.name : null,
		adoption: adopted ? m.doc_adopted({ by: plan.adoptedBy ?? '', on: plan.adoptedOn ?? '', registry: plan.registryNumber ? `, ${plan.registryNumber}` : '' }, t) : null,
		organisation: options.organisation,
		unit: data.ownerUnit.name === options.organisation ? '' : data.ownerUnit.name,
		boards: data.boards.filter((board) => namedBoards.has(board.id)).map((board) => board.name),
		toc: blocks.filter((block): block is Extract<Block, { kind: 'heading' }> => block.kind === 'heading' && block.depth <= 3),
		blocks
	};
}

/** What the plan's top level is called ("Perspektiv", "Målområde"); "Område" when several levels may stand at the top. */
function rootLevelName(data: PlanData, locale: Locale): string {
	const roots = data.framework.levels.filter((level) => level.isRoot);
	if (roots.length === 1) return locale === 'en' ? roots[0].nameEn : roots[0].nameSv;
	return m.doc_area({}, { locale });
}

/** Rows of a table level and (rarely) rows under rows, in order. */
function flattenRows(entry: TreeEntry): PlanNode[] {
	return [entry.node, ...entry.children.flatMap(flattenRows)];
}

function planKindText(kind: string, locale: Locale): string {
	const t = { locale };
	return ({ verksamhetsplan: m.plan_kind_verksamhetsplan({}, t), utvecklingsplan: m.plan_kind_utvecklingsplan({}, t), lokal_plan: m.plan_kind_lokal_plan({}, t) } as Record<string, string>)[kind] ?? kind;
}

function evaluationText(evaluation: string | null, locale: Locale): string {
	const t = { locale };
	return evaluation === 'met' ? m.doc_met({}, t) : evaluation === 'not_met' ? m.doc_not_met({}, t) : evaluation === 'no_value' ? m.doc_no_value({}, t) : '';
}
