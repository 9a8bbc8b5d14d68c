import { m } from '$lib/paraglide/messages.js';

/** Names of the fixed choices, in the reader's language. */
export const planKindLabel = (kind: string) =>
	({ verksamhetsplan: m.plan_kind_verksamhetsplan(), utvecklingsplan: m.plan_kind_utvecklingsplan(), lokal_plan: m.plan_kind_lokal_plan() })[kind] ?? kind;

export const planStateLabel = (state: string) =>
	({ draft: m.plan_state_draft(), adopted: m.plan_state_adopted(), archived: m.plan_state_archived() })[state] ?? state;

export const planYearLabel = (plan: { periodKind: string; startYear: number }) =>
	plan.periodKind === 'school_year'
		? m.plan_school_year({ from: String(plan.startYear % 100).padStart(2, '0'), to: String((plan.startYear + 1) % 100).padStart(2, '0') })
		: String(plan.startYear);

export const unitKindLabel = (kind: string) =>
	({
		municipality: m.unit_kind_municipality(),
		board: m.unit_kind_board(),
		administration: m.unit_kind_administration(),
		department: m.unit_kind_department(),
		school_area: m.unit_kind_school_area(),
		school_unit: m.unit_kind_school_unit(),
		preschool_unit: m.unit_kind_preschool_unit()
	})[kind] ?? kind;

export const followUpLabel = (mode: string) =>
	({ status: m.follow_up_status(), assessment: m.follow_up_assessment(), none: m.follow_up_none() })[mode] ?? mode;

export const documentStyleLabel = (style: string) =>
	({ heading: m.document_style_heading(), table_row: m.document_style_table_row() })[style] ?? style;

export const fieldTypeLabel = (type: string) =>
	({
		text: m.field_type_text(),
		rich_text: m.field_type_rich_text(),
		text_list: m.field_type_text_list(),
		responsible: m.field_type_responsible(),
		boards: m.field_type_boards(),
		deadline: m.field_type_deadline(),
		yes_no: m.field_type_yes_no(),
		choice: m.field_type_choice(),
		number: m.field_type_number()
	})[type] ?? type;

export const indicatorKindLabel = (kind: string) =>
	({ yes_no: m.indicator_kind_yes_no(), number: m.indicator_kind_number(), percent: m.indicator_kind_percent() })[kind] ?? kind;

export const directionLabel = (direction: string) =>
	({ increase: m.direction_increase(), decrease: m.direction_decrease(), none: m.direction_none() })[direction] ?? direction;

export const roleLabel = (role: string) =>
	({ admin: m.role_admin(), planner: m.role_planner(), reporter: m.role_reporter(), reader: m.role_reader() })[role] ?? role;

export const meaningLabel = (meaning: string) =>
	({
		not_started: m.meaning_not_started(),
		in_progress: m.meaning_in_progress(),
		done: m.meaning_done(),
		cancelled: m.meaning_cancelled(),
		met: m.meaning_met(),
		partly_met: m.meaning_partly_met(),
		not_met: m.meaning_not_met(),
		other: m.meaning_other()
	})[meaning] ?? meaning;

export const cycleKindLabel = (kind: string) =>
	({
		follow_up: m.cycle_kind_follow_up(),
		deadline: m.cycle_kind_deadline(),
		board_meeting: m.cycle_kind_board_meeting(),
		analysis: m.cycle_kind_analysis(),
		adoption: m.cycle_kind_adoption(),
		other: m.cycle_kind_other()
	})[kind] ?? kind;
