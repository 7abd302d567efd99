// Time limits on a hand-off, from Blackpool's referral stages: acknowledge it, then arrange an
// appointment, then gather information from other agencies, each within so many working days of
// the stage before. The limits are the council's (content/council.json); weekends and bank
// holidays do not count.
import { localTime } from '../time/office-hours.ts';
import { clockTime } from '../time/opening-times.ts';
import { addWorkingDays, localDate, longDate, workingDaysBetween } from '../time/working-days.ts';

const localDateOf = (iso: string) => localDate(new Date(iso));
const localTimeOf = (iso: string) => localTime(new Date(iso));

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
  /** An emergency: the instant (ISO-8601) the person must be contacted by, instead of the working-day limit. */
  urgentContactBy?: string | null;
  /** When the acknowledge stage was done (ISO-8601), to judge an emergency's limit to the minute. */
  acknowledgedAt?: string | null;
}

export interface Deadline {
  stage: Stage;
  dueOn: string;
  /** An emergency's acknowledge stage is due at a time of day, not by the end of a day. */
  dueAt?: string;
  /** Working days left: 0 means due today, negative means overdue by that many. */
  workingDaysLeft: number;
  state: 'due' | 'due-today' | 'overdue';
}

/** The stage now waiting and when it falls due: what is stored on a hand-off whenever its stage changes. */
export interface RunningStage {
  stage: Stage;
  /** The local date it is due by (YYYY-MM-DD). */
  dueOn: string;
  /** An emergency's contact is due at an instant (ISO-8601), not by the end of a day. */
  dueAt?: string;
}

/**
 * The stage now waiting and when it is due, or null when every stage is done or the case is
 * closed. It depends only on the stage dates, not on today, so it is worked out (working days and
 * bank holidays applied) when a stage changes and stored, and lists sort and filter on it in SQL.
 */
export function runningStage(dates: StageDates, limits: StageLimits, bankHolidays: ReadonlySet<string>): RunningStage | null {
  if (dates.closed) return null;
  if (!dates.acknowledgedOn && dates.urgentContactBy) {
    return { stage: 'acknowledge', dueOn: localDateOf(dates.urgentContactBy), dueAt: dates.urgentContactBy };
  }
  const waiting: [Stage, string] | null = !dates.acknowledgedOn
    ? ['acknowledge', dates.receivedOn]
    : !dates.appointmentArrangedOn
      ? ['appointment', dates.acknowledgedOn]
      : !dates.informationGatheredOn
        ? ['information', dates.appointmentArrangedOn]
        : null;
  if (!waiting) return null;
  const [stage, from] = waiting;
  return { stage, dueOn: addWorkingDays(from, limits[stage], bankHolidays) };
}

/** How a running stage stands today: due, due today, or overdue, and by how many working days. */
export function judgeStage(
  running: RunningStage,
  bankHolidays: ReadonlySet<string>,
  today: string,
  /** The moment now: needed only to judge an emergency's limit. */
  now?: Date,
): Deadline {
  const { stage, dueOn, dueAt } = running;
  const workingDaysLeft =
    today > dueOn ? workingDaysBetween(today, dueOn, bankHolidays) || -1 : workingDaysBetween(today, dueOn, bankHolidays);
  if (dueAt) {
    const late = now ? now.toISOString() > dueAt : today > dueOn;
    return { stage, dueOn, dueAt, workingDaysLeft, state: late ? 'overdue' : today === dueOn ? 'due-today' : 'due' };
  }
  return { stage, dueOn, workingDaysLeft, state: today > dueOn ? 'overdue' : today === dueOn ? 'due-today' : 'due' };
}

/** The stage now waiting and when it is due, judged today; null when no stage is running. */
export function currentDeadline(
  dates: StageDates,
  limits: StageLimits,
  bankHolidays: ReadonlySet<string>,
  today: string,
  now?: Date,
): Deadline | null {
  const running = runningStage(dates, limits, bankHolidays);
  return running ? judgeStage(running, bankHolidays, today, now) : null;
}

/** Was each finished stage done in time? (For the case record and for managers.) */
export function stageHistory(
  dates: StageDates,
  limits: StageLimits,
  bankHolidays: ReadonlySet<string>,
): Array<{ stage: Stage; dueOn: string; dueAt?: string; doneOn: string | null; inTime: boolean | null }> {
  const rows: Array<{ stage: Stage; dueOn: string; dueAt?: string; doneOn: string | null; inTime: boolean | null }> = [];
  const steps: Array<[Stage, string | null, string | null]> = [
    ['acknowledge', dates.receivedOn, dates.acknowledgedOn],
    ['appointment', dates.acknowledgedOn, dates.appointmentArrangedOn],
    ['information', dates.appointmentArrangedOn, dates.informationGatheredOn],
  ];
  for (const [stage, from, done] of steps) {
    if (!from) break;
    if (stage === 'acknowledge' && dates.urgentContactBy) {
      const dueAt = dates.urgentContactBy;
      const doneAt = dates.acknowledgedAt ?? null;
      rows.push({
        stage,
        dueOn: localDateOf(dueAt),
        dueAt,
        doneOn: done,
        inTime: done ? (doneAt ? doneAt <= dueAt : done <= localDateOf(dueAt)) : null,
      });
      continue;
    }
    const dueOn = addWorkingDays(from, limits[stage], bankHolidays);
    rows.push({ stage, dueOn, doneOn: done, inTime: done ? done <= dueOn : null });
  }
  return rows;
}

/** The time limit in words, as the queue and the case show it. */
export function describeDeadline(deadline: Deadline | null): string {
  if (!deadline) return 'No time limit running';
  if (deadline.dueAt) {
    const at = clockTime(localTimeOf(deadline.dueAt));
    if (deadline.state === 'overdue')
      return `Urgent: overdue since ${at}${deadline.workingDaysLeft === 0 ? ' today' : ` on ${longDate(deadline.dueOn)}`}`;
    if (deadline.state === 'due-today') return `Urgent: contact by ${at} today`;
    return `Urgent: contact by ${at} on ${longDate(deadline.dueOn)}`;
  }
  const days = Math.abs(deadline.workingDaysLeft);
  const plural = days === 1 ? 'working day' : 'working days';
  if (deadline.state === 'overdue') return `Overdue by ${days} ${plural}`;
  if (deadline.state === 'due-today') return 'Due today';
  return `Due in ${days} ${plural}`;
}
