// Anonymous daily counts for managers: how many self-assessments were started and completed,
// at what need level, which domains were flagged, and how many were handed off to an agency
// ("routed to guidance" is completed minus handed off). No answers and nothing about the person: just a number per day and metric.
import { sql } from 'kysely';
import type { AppDatabase } from '../db/open-database.ts';
import { localDate } from '../../domain/time/working-days.ts';
import type { DbExecutor } from '../db/executor.ts';

export type CountMetric =
  | 'started'
  | 'completed'
  | 'emergency_result'
  | `need_level:${'emergency' | 'high' | 'moderate' | 'low'}`
  | `domain:${'housing' | 'money' | 'work' | 'support'}`
  | 'route:handoff'
  | 'saved_for_later'
  | 'resumed';

export async function countEvents(db: DbExecutor, metrics: CountMetric[], now: Date): Promise<void> {
  const day = localDate(now);
  for (const metric of metrics) {
    await db
      .insertInto('assessment_daily_count')
      .values({ day, metric, count: 1 })
      .onConflict((oc) => oc.columns(['day', 'metric']).doUpdateSet({ count: sql`assessment_daily_count.count + 1` }))
      .execute();
  }
}

export interface DailyCount {
  day: string;
  metric: string;
  count: number;
}

/** Counts for days from `from` to `to` inclusive (YYYY-MM-DD), for the managers' figures. */
export function dailyCounts(db: AppDatabase, from: string, to: string): Promise<DailyCount[]> {
  return db
    .selectFrom('assessment_daily_count')
    .select(['day', 'metric', 'count'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('metric')
    .execute();
}

export interface DailyRoutes {
  day: string;
  completed: number;
  handedOff: number;
  /** Completed without asking to be contacted: they left with their plan and guidance. */
  routedToGuidance: number;
}

/**
 * Per day: completed self-assessments, how many were handed off to an agency, and how many were
 * routed to guidance (completed minus handed off). A hand-off made on a later day than its
 * completion counts on its own day, so a day's figure is floored at zero.
 */
export function routesByDay(counts: DailyCount[]): DailyRoutes[] {
  const days = new Map<string, DailyRoutes>();
  for (const { day, metric, count } of counts) {
    const entry = days.get(day) ?? { day, completed: 0, handedOff: 0, routedToGuidance: 0 };
    if (metric === 'completed') entry.completed += count;
    if (metric === 'route:handoff') entry.handedOff += count;
    days.set(day, entry);
  }
  return [...days.values()]
    .map((d) => ({ ...d, routedToGuidance: Math.max(0, d.completed - d.handedOff) }))
    .sort((a, b) => a.day.localeCompare(b.day));
}
