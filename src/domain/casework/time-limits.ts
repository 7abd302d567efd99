// Time limits on a hand-off, from Blackpool's referral stages: acknowledge it, then arrange an
// appointment, then gather information from other agencies, each within so many working days of
// the stage before. The limits are the council's (content/council.json); weekends and bank
// holidays do not count.
import { addWorkingDays, workingDaysBetween } from '../time/working-days.ts';

export const STAGES = ['acknowledge', 'appointment', 'information'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_NAMES: Record<Stage, string> = {
  acknowledge: 'Acknowledge',
  appointment: 'Arrange an appointment',
  information: 'Gather information from other agencies',
};

export type StageLimits = Record<Stage, number>;

/** Local dates (YYYY-MM-DD) on which each stage began and was done. */
export interface StageDates {
  receivedOn: string;
  acknowledgedOn: string | null;
  appointmentArrangedOn: string | null;
  informationGatheredOn: string | null;
  closed: boolean;
}

export interface Deadline {
  stage: Stage;
  dueOn: string;
  /** Working days left: 0 means due today, negative means overdue by that many. */
  workingDaysLeft: number;
  state: 'due' | 'due-today' | 'overdue';
}

/** The stage now waiting and when it is due, or null when every stage is done or the case is closed. */
export function currentDeadline(dates: StageDates, limits: StageLimits, bankHolidays: ReadonlySet<string>, today: string): Deadline | null {
  if (dates.closed) return null;
  const waiting: [Stage, string] | null = !dates.acknowledgedOn
    ? ['acknowledge', dates.receivedOn]
    : !dates.appointmentArrangedOn
      ? ['appointment', dates.acknowledgedOn]
      : !dates.informationGatheredOn
        ? ['information', dates.appointmentArrangedOn]
        : null;
  if (!waiting) return null;
  const [stage, from] = waiting;
  const dueOn = addWorkingDays(from, limits[stage], bankHolidays);
  const workingDaysLeft =
    today > dueOn ? workingDaysBetween(today, dueOn, bankHolidays) || -1 : workingDaysBetween(today, dueOn, bankHolidays);
  return { stage, dueOn, workingDaysLeft, state: today > dueOn ? 'overdue' : today === dueOn ? 'due-today' : 'due' };
}

/** Was each finished stage done in time? (For the case record and for managers.) */
export function stageHistory(
  dates: StageDates,
  limits: StageLimits,
  bankHolidays: ReadonlySet<string>,
): Array<{ stage: Stage; dueOn: string; doneOn: string | null; inTime: boolean | null }> {
  const rows: Array<{ stage: Stage; dueOn: string; doneOn: string | null; inTime: boolean | null }> = [];
  const steps: Array<[Stage, string | null, string | null]> = [
    ['acknowledge', dates.receivedOn, dates.acknowledgedOn],
    ['appointment', dates.acknowledgedOn, dates.appointmentArrangedOn],
    ['information', dates.appointmentArrangedOn, dates.informationGatheredOn],
  ];
  for (const [stage, from, done] of steps) {
    if (!from) break;
    const dueOn = addWorkingDays(from, limits[stage], bankHolidays);
    rows.push({ stage, dueOn, doneOn: done, inTime: done ? done <= dueOn : null });
  }
  return rows;
}

/** The time limit in words, as the queue and the case show it. */
export function describeDeadline(deadline: Deadline | null): string {
  if (!deadline) return 'No time limit running';
  const days = Math.abs(deadline.workingDaysLeft);
  const plural = days === 1 ? 'working day' : 'working days';
  if (deadline.state === 'overdue') return `Overdue by ${days} ${plural}`;
  if (deadline.state === 'due-today') return 'Due today';
  return `Due in ${days} ${plural}`;
}
