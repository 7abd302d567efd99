// Reads the plan form's rows ("goal-0", "action-0", ... "goal-1", ...) in order.
import type { PlanRowInput } from '../../domain/casework/plan.ts';
import { field, type FormValues } from '../web/forms.ts';

const FIELDS: Array<keyof PlanRowInput> = ['area', 'goal', 'action', 'owner', 'partner', 'dueDay', 'dueMonth', 'dueYear', 'status'];

export function planRowsFrom(form: FormValues): PlanRowInput[] {
  const indexes = new Set<number>();
  for (const name of Object.keys(form)) {
    const match = /^(?:area|goal|action|owner|partner|dueDay|dueMonth|dueYear|status)-(\d{1,3})$/.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => Object.fromEntries(FIELDS.map((f) => [f, field(form, `${f}-${i}`)])) as PlanRowInput);
}
