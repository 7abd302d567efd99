// The Personal Housing, Work and Sustainability Plan: goals and actions across housing, money,
// work, training and support, each with an owner, a due date and a status. Every save is a new
// version; earlier versions are kept.
import { dateInputParts, parseDateInput } from '../time/date-input.ts';
import { cleanField, type FieldTextRules } from '../text/plain-text.ts';
export const PLAN_AREAS = ['housing', 'money', 'work', 'training', 'support'] as const;
export type PlanArea = (typeof PLAN_AREAS)[number];
export const PLAN_AREA_NAMES: Record<PlanArea, string> = {
  housing: 'Housing',
  money: 'Money',
  work: 'Work',
  training: 'Training and education',
  support: 'Support',
};

export const PLAN_OWNERS = ['person', 'adviser', 'partner'] as const;
export type PlanOwner = (typeof PLAN_OWNERS)[number];
export const PLAN_OWNER_NAMES: Record<PlanOwner, string> = { person: 'You', adviser: 'Your adviser', partner: 'A partner agency' };

export const PLAN_STATUSES = ['to_do', 'in_progress', 'done', 'not_needed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_NAMES: Record<PlanStatus, string> = {
  to_do: 'To do',
  in_progress: 'Started',
  done: 'Done',
  not_needed: 'No longer needed',
};

export interface PlanItem {
  area: PlanArea;
  goal: string;
  action: string;
  owner: PlanOwner;
  /** The partner agency, when the owner is a partner. */
  partner: string | null;
  dueOn: string;
  status: PlanStatus;
}

/** One row as typed into the form: every field as text. */
/** One row of the plan form as typed. The due date is a GOV.UK date input: day, month and year. */
export type PlanRowInput = Record<'area' | 'goal' | 'action' | 'owner' | 'partner' | 'dueDay' | 'dueMonth' | 'dueYear' | 'status', string>;

export interface PlanRowError {
  row: number;
  /** A field of the row; for the due date, the first box to put right. */
  field: keyof PlanRowInput;
  message: string;
  /** For the due date: every box in error, to highlight. */
  fields?: Array<keyof PlanRowInput>;
}

const isBlank = (row: PlanRowInput) =>
  [row.goal, row.action, row.partner, row.dueDay, row.dueMonth, row.dueYear].every((v) => v.trim() === '');

const DATE_FIELDS = { day: 'dueDay', month: 'dueMonth', year: 'dueYear' } as const;

/**
 * Turns the form's rows into plan items. Rows left empty are dropped; every problem is reported
 * against its row and field, so nothing typed is lost when the form is shown again.
 */
export function parsePlanRows(rows: PlanRowInput[]): { items: PlanItem[]; errors: PlanRowError[] } {
  const items: PlanItem[] = [];
  const errors: PlanRowError[] = [];
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const n = index + 1;
    const fail = (field: keyof PlanRowInput, message: string) => errors.push({ row: index, field, message });
    if (!PLAN_AREAS.includes(row.area as PlanArea))
      fail('area', `Action ${n}: choose whether it is about housing, money, work, training or support`);
    // Text is cleaned (src/domain/text/plain-text.ts); a refusal says why, against its field.
    const text = (field: 'goal' | 'action' | 'partner', rules: FieldTextRules): string =>
      cleanField(row[field], rules, (message) => fail(field, `Action ${n}: ${message}`));
    const goal = text('goal', { label: 'the goal', maxLength: 300, required: 'enter the goal' });
    const action = text('action', { label: 'what will be done', multiline: true, maxLength: 1000, required: 'enter what will be done' });
    if (!PLAN_OWNERS.includes(row.owner as PlanOwner)) fail('owner', `Action ${n}: choose who will do it`);
    const partner = text('partner', {
      label: 'the partner agency',
      maxLength: 200,
      required: row.owner === 'partner' ? 'enter the partner agency' : undefined,
    });
    const due = parseDateInput(row.dueDay, row.dueMonth, row.dueYear);
    if (!due.ok) {
      const fields = due.parts.map((p) => DATE_FIELDS[p]);
      const message = due.problem === 'is missing' ? `Action ${n}: enter the date it is due` : `Action ${n}: the due date ${due.problem}`;
      errors.push({ row: index, field: fields[0]!, message, fields });
    }
    if (!PLAN_STATUSES.includes(row.status as PlanStatus)) fail('status', `Action ${n}: choose its status`);
    if (errors.some((e) => e.row === index) || !due.ok) return;
    items.push({
      area: row.area as PlanArea,
      goal,
      action,
      owner: row.owner as PlanOwner,
      partner: row.owner === 'partner' ? partner : null,
      dueOn: due.date,
      status: row.status as PlanStatus,
    });
  });
  if (errors.length === 0 && items.length === 0) errors.push({ row: 0, field: 'goal', message: 'Enter at least one goal and action' });
  return { items, errors };
}

export function toRowInput(item: PlanItem): PlanRowInput {
  return {
    area: item.area,
    goal: item.goal,
    action: item.action,
    owner: item.owner,
    partner: item.partner ?? '',
    ...dueParts(item.dueOn),
    status: item.status,
  };
}

/** A YYYY-MM-DD due date as the form's three boxes. */
export function dueParts(date: string): Pick<PlanRowInput, 'dueDay' | 'dueMonth' | 'dueYear'> {
  const { day, month, year } = dateInputParts(date);
  return { dueDay: day, dueMonth: month, dueYear: year };
}

export const BLANK_ROW: PlanRowInput = {
  area: 'housing',
  goal: '',
  action: '',
  owner: 'person',
  partner: '',
  dueDay: '',
  dueMonth: '',
  dueYear: '',
  status: 'to_do',
};
