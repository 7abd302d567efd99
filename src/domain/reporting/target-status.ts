// Where a target stands: its actual against the straight line from the baseline (on `from`) to
// the target (on `by`), in words a manager can act on.
import type { Target } from './target-definition.ts';

export type TargetStatus = 'met' | 'on-track' | 'behind' | 'missed' | 'not-started' | 'no-number';

export const STATUS_WORDS: Record<TargetStatus, string> = {
  met: 'Met',
  'on-track': 'On track',
  behind: 'Behind',
  missed: 'Missed',
  'not-started': 'Not started yet',
  'no-number': 'No number set',
};

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY;

export interface Standing {
  status: TargetStatus;
  /** Where the straight line says the actual should be by `asOf` (null with no number set). */
  expected: number | null;
}

export function targetStanding(
  target: Pick<Target, 'from' | 'by' | 'baseline' | 'target' | 'direction'>,
  actual: number,
  asOf: string,
): Standing {
  if (target.target === null) return { status: 'no-number', expected: null };
  if (asOf < target.from) return { status: 'not-started', expected: target.baseline };
  const share = Math.min(1, Math.max(0, days(target.from, asOf) / days(target.from, target.by)));
  const expected = target.baseline + (target.target - target.baseline) * share;
  const better = (a: number, b: number) => (target.direction === 'up' ? a >= b : a <= b);
  if (better(actual, target.target)) return { status: 'met', expected };
  if (asOf >= target.by) return { status: 'missed', expected };
  return { status: better(actual, expected) ? 'on-track' : 'behind', expected };
}

export type Trend = 'up' | 'down' | 'level';

/** This period against the one before it. */
export function trendOf(current: number, previous: number): Trend {
  return current > previous ? 'up' : current < previous ? 'down' : 'level';
}

/** Where a target stands in one quarter, as far as the quarter has gone. */
export type QuarterStatus = 'on-track' | 'behind' | 'met' | 'not-started' | 'over' | 'no-number';

export const QUARTER_STATUS_WORDS: Record<QuarterStatus, string> = {
  'on-track': 'On track',
  behind: 'Behind',
  met: 'Met',
  'not-started': 'Not started yet',
  over: 'Target date passed',
  'no-number': 'No number set',
};

export interface QuarterStanding {
  status: QuarterStatus;
  /** What the straight line says the quarter should have added by `asOf` (or, for a level, be at). */
  expected: number | null;
}

/**
 * A count target (cases, homes) in one quarter: what it added from the quarter's start (or the
 * target's) to `asOf`, against the share of the straight line from baseline to target over the
 * same days. A level target (weekly visitors) is its level this quarter against where the line is.
 */
export function quarterStanding(
  target: Pick<Target, 'from' | 'by' | 'baseline' | 'target' | 'direction'>,
  quarterActual: number,
  quarterStart: string,
  asOf: string,
  kind: 'count' | 'level',
): QuarterStanding {
  if (target.target === null) return { status: 'no-number', expected: null };
  if (asOf < target.from) return { status: 'not-started', expected: null };
  if (quarterStart >= target.by) return { status: 'over', expected: null };
  const better = (a: number, b: number) => (target.direction === 'up' ? a >= b : a <= b);
  if (kind === 'level') {
    const { expected } = targetStanding(target, quarterActual, asOf);
    if (better(quarterActual, target.target)) return { status: 'met', expected };
    return { status: better(quarterActual, expected!) ? 'on-track' : 'behind', expected };
  }
  const from = quarterStart > target.from ? quarterStart : target.from;
  const to = asOf < target.by ? asOf : target.by;
  // Days are counted inclusively, so a quarter one day old already expects a day's share.
  const share = Math.max(0, days(from, to) + 1) / days(target.from, target.by);
  const expected = (target.target - target.baseline) * share;
  return { status: better(quarterActual, expected) ? 'on-track' : 'behind', expected };
}
