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

export function targetStanding(target: Pick<Target, 'from' | 'by' | 'baseline' | 'target' | 'direction'>, actual: number, asOf: string): Standing {
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
