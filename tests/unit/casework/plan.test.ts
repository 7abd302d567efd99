import { describe, expect, it } from 'vitest';
import { BLANK_ROW, dueParts, parsePlanRows, toRowInput } from '../../../src/domain/casework/plan.ts';
import { planRowsFrom } from '../../../src/server/casework/plan-form.ts';

const row = { ...BLANK_ROW, goal: 'Keep the flat', action: 'Agree a repayment plan with the landlord', ...dueParts('2027-01-20') };

describe('plan rows', () => {
  it('become plan items, dropping rows left empty', () => {
    const { items, errors } = parsePlanRows([
      row,
      BLANK_ROW,
      { ...row, area: 'work', owner: 'partner', partner: ' JET centre ', goal: 'More hours' },
    ]);
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.area, i.owner, i.partner])).toEqual([
      ['housing', 'person', null],
      ['work', 'partner', 'JET centre'],
    ]);
    expect(toRowInput(items[0]!)).toEqual(row);
  });

  it('report each problem against its row and field', () => {
    const { items, errors } = parsePlanRows([
      row,
      { ...row, goal: '', owner: 'partner', ...dueParts('2027-02-30') },
      { ...row, area: 'holidays', status: 'maybe' },
    ]);
    expect(items).toHaveLength(1);
    expect(errors).toEqual([
      { row: 1, field: 'goal', message: 'Action 2: enter the goal' },
      { row: 1, field: 'partner', message: 'Action 2: enter the partner agency' },
      { row: 1, field: 'dueDay', fields: ['dueDay', 'dueMonth', 'dueYear'], message: 'Action 2: the due date must be a real date' },
      { row: 2, field: 'area', message: 'Action 3: choose whether it is about housing, money, work, training or support' },
      { row: 2, field: 'status', message: 'Action 3: choose its status' },
    ]);
  });

  it('keep their text clean: hidden or reordering characters refused, line breaks only in what will be done', () => {
    const { errors } = parsePlanRows([
      { ...row, goal: 'Keep\u202e the flat', action: 'Call\u0000', owner: 'partner', partner: 'JET\ncentre' },
    ]);
    expect(errors).toEqual([
      { row: 0, field: 'goal', message: 'Action 1: the goal must not include characters that change the direction of the text' },
      { row: 0, field: 'action', message: 'Action 1: what will be done must not include hidden control characters' },
      { row: 0, field: 'partner', message: 'Action 1: the partner agency must be on one line' },
    ]);
    const { items } = parsePlanRows([{ ...row, goal: '\u200bKeep the flat', action: 'Call Monday\r\nthen write' }]);
    expect(items[0]).toMatchObject({ goal: 'Keep the flat', action: 'Call Monday\nthen write' });
    expect(parsePlanRows([{ ...row, goal: '\u200b\u200b' }]).errors).toEqual([
      { row: 0, field: 'goal', message: 'Action 1: enter the goal' },
    ]);
  });

  it('take the due date as GOV.UK date input boxes, naming what is missing or wrong', () => {
    const due = (dueDay: string, dueMonth: string, dueYear: string) => parsePlanRows([{ ...row, dueDay, dueMonth, dueYear }]);
    expect(due('6', '1', '2027').items[0]!.dueOn).toBe('2027-01-06');
    expect(due(' 06 ', '01', '2027').items[0]!.dueOn).toBe('2027-01-06');
    expect(due('', '', '').errors).toEqual([
      { row: 0, field: 'dueDay', fields: ['dueDay', 'dueMonth', 'dueYear'], message: 'Action 1: enter the date it is due' },
    ]);
    expect(due('6', '', '2027').errors).toEqual([
      { row: 0, field: 'dueMonth', fields: ['dueMonth'], message: 'Action 1: the due date must include a month' },
    ]);
    expect(due('', '', '2027').errors[0]!.message).toBe('Action 1: the due date must include a day and a month');
    expect(due('6', 'Jan', '2027').errors[0]).toMatchObject({
      field: 'dueMonth',
      message: 'Action 1: the due date must be a real date, in numbers',
    });
    expect(due('6', '1', '27').errors[0]).toMatchObject({
      field: 'dueYear',
      message: 'Action 1: the due date must have a year of 4 numbers, like 2027',
    });
    expect(due('29', '2', '2027').errors[0]!.message).toBe('Action 1: the due date must be a real date');
    expect(due('29', '2', '2028').items[0]!.dueOn).toBe('2028-02-29');
  });

  it('need at least one action', () => {
    expect(parsePlanRows([BLANK_ROW]).errors).toEqual([{ row: 0, field: 'goal', message: 'Enter at least one goal and action' }]);
  });

  it('are read from the form in order, however many there are', () => {
    const form = { 'goal-10': ['Ten'], 'goal-2': ['Two'], 'area-2': ['money'], do: ['save'], 'goal-x': ['no'] };
    expect(planRowsFrom(form).map((r) => [r.goal, r.area])).toEqual([
      ['Two', 'money'],
      ['Ten', ''],
    ]);
  });
});
