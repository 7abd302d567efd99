// The Personal Housing, Work and Sustainability Plan: goals and actions across housing, money,
// work, training and support, each with an owner, a due date and a status. Every save is a new
// version; earlier versions are kept.

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
export type PlanRowInput = Record<'area' | 'goal' | 'action' | 'owner' | 'partner' | 'dueOn' | 'status', string>;

export interface PlanRowError {
  row: number;
  field: keyof PlanRowInput;
  message: string;
}

const isBlank = (row: PlanRowInput) => [row.goal, row.action, row.partner, row.dueOn].every((v) => v.trim() === '');

function validDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

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
    if (row.goal.trim() === '') fail('goal', `Action ${n}: enter the goal`);
    else if (row.goal.length > 300) fail('goal', `Action ${n}: the goal must be 300 characters or fewer`);
    if (row.action.trim() === '') fail('action', `Action ${n}: enter what will be done`);
    else if (row.action.length > 1000) fail('action', `Action ${n}: what will be done must be 1,000 characters or fewer`);
    if (!PLAN_OWNERS.includes(row.owner as PlanOwner)) fail('owner', `Action ${n}: choose who will do it`);
    if (row.owner === 'partner' && row.partner.trim() === '') fail('partner', `Action ${n}: enter the partner agency`);
    if (row.dueOn.trim() === '') fail('dueOn', `Action ${n}: enter the date it is due`);
    else if (!validDate(row.dueOn.trim())) fail('dueOn', `Action ${n}: the due date must be a real date, like 2027-01-31`);
    if (!PLAN_STATUSES.includes(row.status as PlanStatus)) fail('status', `Action ${n}: choose its status`);
    if (errors.some((e) => e.row === index)) return;
    items.push({
      area: row.area as PlanArea,
      goal: row.goal.trim(),
      action: row.action.trim(),
      owner: row.owner as PlanOwner,
      partner: row.owner === 'partner' ? row.partner.trim() : null,
      dueOn: row.dueOn.trim(),
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
    dueOn: item.dueOn,
    status: item.status,
  };
}

export const BLANK_ROW: PlanRowInput = { area: 'housing', goal: '', action: '', owner: 'person', partner: '', dueOn: '', status: 'to_do' };
