// Anonymous daily counts for managers: how many self-assessments were started and completed,
// at what need level, which domains were flagged, and how many were handed off to an agency
// ("routed to guidance" is completed minus handed off). No answers and nothing about the person: just a number per day and metric.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppDatabase } from '../db/open-database.ts';
import { localDate } from '../../domain/time/working-days.ts';

export type CountMetric =
  | 'started'
  | 'completed'
  | 'emergency_result'
  | `need_level:${'emergency' | 'high' | 'moderate' | 'low'}`
  | `domain:${'housing' | 'money' | 'work' | 'support'}`
  | 'route:handoff'
  | 'saved_for_later'
  | 'resumed';

export async function countEvents(db: AppDatabase | Transaction<Database>, metrics: CountMetric[], now: Date): Promise<void> {
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
