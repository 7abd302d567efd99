import { describe, expect, it } from 'vitest';
import { bankHolidays } from '../../../src/config/calendar.ts';
import { currentDeadline, describeDeadline, stageHistory, type StageDates } from '../../../src/domain/casework/time-limits.ts';
import { addMonths, workingDaysBetween } from '../../../src/domain/time/working-days.ts';

const limits = { acknowledge: 2, appointment: 2, information: 5 };
const base: StageDates = {
  receivedOn: '2026-12-23',
  acknowledgedOn: null,
  appointmentArrangedOn: null,
  informationGatheredOn: null,
  closed: false,
};

describe('time limits across weekends and bank holidays', () => {
  it('gives a hand-off received on Wednesday 23 December until Tuesday 29th to be acknowledged', () => {
    // Thu 24 (1); Fri 25 Christmas, Sat, Sun, Mon 28 Boxing Day substitute: none count; Tue 29 (2).
    expect(currentDeadline(base, limits, bankHolidays, '2026-12-23')).toEqual({
      stage: 'acknowledge',
      dueOn: '2026-12-29',
      workingDaysLeft: 2,
      state: 'due',
    });
    expect(currentDeadline(base, limits, bankHolidays, '2026-12-28')).toMatchObject({ workingDaysLeft: 1, state: 'due' });
    expect(currentDeadline(base, limits, bankHolidays, '2026-12-29')).toMatchObject({ workingDaysLeft: 0, state: 'due-today' });
    expect(currentDeadline(base, limits, bankHolidays, '2026-12-30')).toMatchObject({ workingDaysLeft: -1, state: 'overdue' });
  });

  it('counts a hand-off made at the weekend from the next working day', () => {
    const saturday = { ...base, receivedOn: '2026-11-28' };
    expect(currentDeadline(saturday, limits, bankHolidays, '2026-11-28')?.dueOn).toBe('2026-12-01');
  });

  it('counts an overdue case that fell due on Friday as one day late on Monday, not at the weekend', () => {
    const friday = { ...base, receivedOn: '2026-11-25' }; // due Friday 27
    expect(currentDeadline(friday, limits, bankHolidays, '2026-11-28')).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
    expect(currentDeadline(friday, limits, bankHolidays, '2026-11-30')).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
    expect(currentDeadline(friday, limits, bankHolidays, '2026-12-01')).toMatchObject({ state: 'overdue', workingDaysLeft: -2 });
  });

  it('moves to the next stage, counted from when the last was done, and stops when all are done or the case closes', () => {
    const acknowledged = { ...base, acknowledgedOn: '2026-12-31' };
    // Thursday 31 December: Friday 1 January is New Year's Day, so Mon 4 (1), Tue 5 (2).
    expect(currentDeadline(acknowledged, limits, bankHolidays, '2026-12-31')).toMatchObject({ stage: 'appointment', dueOn: '2027-01-05' });
    const arranged = { ...acknowledged, appointmentArrangedOn: '2027-01-04' };
    expect(currentDeadline(arranged, limits, bankHolidays, '2027-01-04')).toMatchObject({ stage: 'information', dueOn: '2027-01-11' });
    expect(currentDeadline({ ...arranged, informationGatheredOn: '2027-01-08' }, limits, bankHolidays, '2027-01-08')).toBeNull();
    expect(currentDeadline({ ...base, closed: true }, limits, bankHolidays, '2026-12-23')).toBeNull();
  });

  it('says whether each finished stage was in time', () => {
    const late = { ...base, acknowledgedOn: '2026-12-30', appointmentArrangedOn: '2026-12-31' };
    expect(stageHistory(late, limits, bankHolidays)).toEqual([
      { stage: 'acknowledge', dueOn: '2026-12-29', doneOn: '2026-12-30', inTime: false },
      { stage: 'appointment', dueOn: '2027-01-04', doneOn: '2026-12-31', inTime: true },
      { stage: 'information', dueOn: '2027-01-08', doneOn: null, inTime: null },
    ]);
  });

  it('describes the limit in plain words', () => {
    expect(describeDeadline(null)).toBe('No time limit running');
    expect(describeDeadline({ stage: 'acknowledge', dueOn: 'x', workingDaysLeft: 1, state: 'due' })).toBe('Due in 1 working day');
    expect(describeDeadline({ stage: 'acknowledge', dueOn: 'x', workingDaysLeft: 0, state: 'due-today' })).toBe('Due today');
    expect(describeDeadline({ stage: 'acknowledge', dueOn: 'x', workingDaysLeft: -3, state: 'overdue' })).toBe('Overdue by 3 working days');
  });
});

describe('calendar helpers', () => {
  it('count working days either way', () => {
    expect(workingDaysBetween('2026-12-23', '2026-12-29', bankHolidays)).toBe(2);
    expect(workingDaysBetween('2026-12-29', '2026-12-23', bankHolidays)).toBe(-2);
    expect(workingDaysBetween('2026-12-29', '2026-12-29', bankHolidays)).toBe(0);
  });

  it('add months, keeping to the end of a shorter month', () => {
    expect(addMonths('2027-01-29', 3)).toBe('2027-04-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
