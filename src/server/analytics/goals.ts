// Goals counted on the server as they happen (see src/domain/analytics/goals.ts): one number per
// day and goal in daily_rollup, written in the caller's transaction so a goal counts only if what
// it counts was saved.
import { sql } from 'kysely';
import type { Goal } from '../../domain/analytics/goals.ts';
import { localDate } from '../../domain/time/working-days.ts';
import type { DbExecutor } from '../db/executor.ts';

export async function countGoals(db: DbExecutor, goals: readonly Goal[], now: Date): Promise<void> {
  const day = localDate(now);
  for (const goal of goals) {
    await db
      .insertInto('daily_rollup')
      .values({ day, dimension: 'goal', value: goal, count: 1 })
      .onConflict((oc) => oc.columns(['day', 'dimension', 'value']).doUpdateSet({ count: sql`daily_rollup.count + 1` }))
      .execute();
  }
}

export interface GoalCount {
  day: string;
  goal: string;
  count: number;
}

/** Goal counts for days from `from` to `to` inclusive (YYYY-MM-DD). */
export async function goalCounts(db: DbExecutor, from: string, to: string): Promise<GoalCount[]> {
  const rows = await db
    .selectFrom('daily_rollup')
    .select(['day', 'value', 'count'])
    .where('dimension', '=', 'goal')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('value')
    .execute();
  return rows.map((r) => ({ day: r.day, goal: r.value, count: Number(r.count) }));
}
