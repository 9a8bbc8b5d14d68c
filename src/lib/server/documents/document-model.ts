import { m } from '../../paraglide/messages.js';
import type { Level } from '../frameworks/framework-repository';
import type { FieldDefinition } from '../frameworks/field-definition';
import type { PlanData, PlanNode, IndicatorRow } from '../plans/plan-repository';
import { buildTree, type TreeEntry } from '../plans/plan-tree';
import type { FollowUpForDocument } from './load-document';
import { outcomesByPeriod } from '../follow-up/evaluate-indicator';
import { presentOverview } from '../presenters/overview';
import { baselineText, indicatorValue, targetText } from '../../indicator-text';

export type Locale = 'sv' | 'en';
/** A table cell: one line per value (a list field keeps its values apart, as in the reference documents). */
export type Cell = string[];

export type Block =
	| { kind: 'heading'; depth: number; text: string; anchor: string }
	| { kind: 'markdown'; markdown: string }
	| { kind: 'text'; text: string }
	| { kind: 'facts'; facts: { label: string; lines: string[] }[] }
	| { kind: 'table'; caption: string; columns: string[]; rows: Cell[][] }
	| { kind: 'chart'; title: string; svg: string; alt: string; width: number; height: number };

/**
 * A plan, or its follow-up report for a period, as a document in neutral form: every format (HTML,
 * PDF, Word) is drawn from this one model, so they say the same thing. The layout comes from the
 * plan's own framework: levels shown as headings get a heading, levels shown as table rows become
 * tables with the level's columns.
 */
export interface DocumentModel {
	locale: Locale;
	title: string;
	/** "Verksamhetsplan 2025 · Barn- och utbildningsnämnden". */
	subtitle: string;
	/** "Uppföljning Delår 2 per 31 augusti", for the follow-up report. */
	report: string | null;
	/** "Fastställd av Kommunfullmäktige 2025-01-28, Dnr KS 2025/12". */
	adoption: string | null;
	organisation: string;
	toc: { depth: number; text: string; anchor: string }[];
	blocks: Block[];
}

interface Options {
	locale: Locale;
	organisation: string;
	followUp?: FollowUpForDocument;
}

export function buildDocument(data: PlanData, options: Options): DocumentModel {
	const { locale, followUp } = options;
	const t = { locale };
	const blocks: Block[] = [];
	let anchors = 0;
	const heading = (depth: number, text: string) => {
		const block = { kind: 'heading' as const, depth, text, anchor: `s${++anchors}` };
		blocks.push(block);
		return block;
	};
	const boards = new Map(data.boards.map((board) => [board.id, board.shortName ?? board.name]));
	const reports = new Map((followUp?.reports ?? []).map((report) => [report.nodeId, report]));
	const scale = new Map((followUp?.scale ?? []).map((value) => [value.id, value]));
	const label = (value: { labelSv: string; labelEn: string }) => (locale === 'en' ? value.labelEn : value.labelSv);
	const levelName = (level: Level) => (locale === 'en' ? level.nameEn : level.nameSv);

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
			rows: overview.perTopLevel.rows.map((row) => [[row.title], ...row.cells.map((cell) => [String(cell)]), [String(row.total)]])
		});
	}

	for (const chapter of data.chapters) {
		heading(2, chapter.title);
		if (chapter.body.trim()) blocks.push({ kind: 'markdown', markdown: chapter.body });
	}

	const reportCells = (node: PlanNode): Cell[] => {
		const report = reports.get(node.id);
		const value = report && scale.get(report.statusId ?? report.assessmentId ?? '');
		return [[value ? label(value) : m.doc_not_reported({}, t)], report?.comment ? report.comment.split('\n') : []];
	};

	const nodesById = new Map(data.nodes.map((node) => [node.id, node]));
	const levelsById = new Map(data.framework.levels.map((level) => [level.id, level]));
	const table = (level: Level, entries: TreeEntry[]) => {
		const columns = level.tableColumns.length ? level.tableColumns : ['title'];
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
		const numbered = (node: PlanNode) => `${node.ref && !columns.includes('ref') ? `${node.ref} ` : ''}${node.title}`;
		const rows = rowNodes.map((node) => {
			const cells = columns.map((key) => {
				if (key === 'title') return [numbered(node)];
				if (key === 'ref') return node.ref ? [node.ref] : [];
				if (key === 'description') return node.description.trim() ? [node.description] : [];
				if (key === 'parent') {
					const parent = parentOf(node);
					return parent ? [`${parent.ref ? `${parent.ref} ` : ''}${parent.title}`] : [];
				}
				const field = level.fields.find((candidate) => candidate.key === key);
				return field ? fieldLines(field, node, boards, locale) : [];
			});
			return followUp && level.followUp !== 'none' ? [...cells, ...reportCells(node)] : cells;
		});
		const columnsShown = followUp && level.followUp !== 'none' ? [...header, m.doc_status({}, t), m.doc_comment({}, t)] : header;
		blocks.push({ kind: 'table', caption: locale === 'en' ? level.namePluralEn : level.namePluralSv, columns: columnsShown, rows });
	};

	const indicatorTable = (indicators: IndicatorRow[]) => {
		if (!indicators.length) return;
		const columns = [m.doc_indicator({}, t), m.doc_baseline({}, t), m.doc_target({}, t)];
		if (followUp) columns.push(m.doc_outcome({}, t), m.doc_evaluation({}, t));
		const outcome = followUp && outcomesByPeriod(followUp.measurements, followUp.periods);
		blocks.push({
			kind: 'table',
			caption: m.doc_indicators({}, t),
			columns,
			rows: indicators.map((indicator) => {
				const row: Cell[] = [[indicator.name], [baselineText(indicator, locale)], [targetText(indicator, locale)]];
				if (followUp && outcome) {
					const { value, evaluation } = outcome(indicator, followUp.period.id);
					row.push([indicatorValue(indicator, value, locale)], [evaluationText(evaluation, locale)]);
				}
				return row;
			})
		});
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
			heading(Math.min(depth, 6), `${node.ref ? `${node.ref} ` : ''}${node.title}`);
			if (node.description.trim()) blocks.push({ kind: 'markdown', markdown: node.description });
			const facts: { label: string; lines: string[] }[] = [];
			for (const field of entry.level.fields) {
				if (field.type === 'rich_text') continue;
				const lines = fieldLines(field, node, boards, locale);
				if (lines.length) facts.push({ label: fieldLabel(field, field.key, locale), lines });
			}
			if (facts.length) blocks.push({ kind: 'facts', facts });
			for (const field of entry.level.fields.filter((candidate) => candidate.type === 'rich_text')) {
				const text = node.fieldValues[field.key];
				if (typeof text === 'string' && text.trim()) blocks.push({ kind: 'text', text: fieldLabel(field, field.key, locale) }, { kind: 'markdown', markdown: text });
			}
			indicatorTable(node.indicators);
			if (followUp && entry.level.followUp === 'assessment' && !entry.linked) {
				const report = reports.get(node.id);
				const value = report?.assessmentId ? scale.get(report.assessmentId) : undefined;
				blocks.push({ kind: 'facts', facts: [{ label: m.doc_assessment({}, t), lines: [value ? label(value) : m.doc_not_reported({}, t)] }] });
				if (report?.analysis) blocks.push({ kind: 'text', text: m.doc_analysis({}, t) }, { kind: 'markdown', markdown: report.analysis });
			}
			visit(entry.children, depth + 1);
		}
	};
	visit(buildTree(data), 2);

	const plan = data.plan;
	const year = plan.periodKind === 'school_year' ? `${plan.startYear}/${String((plan.startYear + 1) % 100).padStart(2, '0')}` : String(plan.startYear);
	return {
		locale,
		title: plan.title,
		subtitle: `${planKindText(plan.kind, locale)} ${year} · ${data.ownerUnit.name}`,
		report: followUp ? m.doc_report_for({ period: followUp.period.name }, t) : null,
		adoption:
			plan.state !== 'draft' && plan.adoptedBy
				? m.doc_adopted({ by: plan.adoptedBy, on: plan.adoptedOn ?? '', registry: plan.registryNumber ? `, ${plan.registryNumber}` : '' }, t)
				: null,
		organisation: options.organisation,
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

function fieldLabel(field: FieldDefinition | undefined, key: string, locale: Locale): string {
	if (!field) return key;
	return locale === 'en' ? field.labelEn : field.labelSv;
}

/** A field's value as lines of plain text (lists keep their items apart). */
export function fieldLines(field: FieldDefinition, node: PlanNode, boards: Map<string, string>, locale: Locale): string[] {
	const value = node.fieldValues[field.key];
	switch (field.type) {
		case 'responsible':
			return node.responsibles.map((responsible) => responsible.name);
		case 'boards':
			return node.boardIds.map((id) => boards.get(id) ?? '');
		case 'deadline':
			return node.deadlineText ? [node.deadlineText] : [];
		case 'text_list':
			return Array.isArray(value) ? (value as string[]) : [];
		case 'yes_no':
			return typeof value === 'boolean' ? [value ? m.yes({}, { locale }) : m.no({}, { locale })] : [];
		case 'number':
			return typeof value === 'number' ? [value.toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE')] : [];
		case 'rich_text':
			// Markdown stays whole: its blank lines mean something.
			return typeof value === 'string' && value.trim() ? [value] : [];
		default:
			return typeof value === 'string' && value.trim() ? value.split('\n').filter((line) => line.trim()) : [];
	}
}

function planKindText(kind: string, locale: Locale): string {
	const t = { locale };
	return ({ verksamhetsplan: m.plan_kind_verksamhetsplan({}, t), utvecklingsplan: m.plan_kind_utvecklingsplan({}, t), lokal_plan: m.plan_kind_lokal_plan({}, t) } as Record<string, string>)[kind] ?? kind;
}

function evaluationText(evaluation: string | null, locale: Locale): string {
	const t = { locale };
	return evaluation === 'met' ? m.doc_met({}, t) : evaluation === 'not_met' ? m.doc_not_met({}, t) : evaluation === 'no_value' ? m.doc_no_value({}, t) : '';
}
