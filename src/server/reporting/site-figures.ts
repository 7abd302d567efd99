// The site's figures, read from the rollups written as visits arrive (never from single visits,
// which are not kept): weekly unique visitors, and daily counts summed over a range or bucketed.
import type { DbExecutor } from '../db/executor.ts';
import type { DateWindow } from './case-figures.ts';

/** Unique visitors in each week (by its Monday); a week with no row had none. */
export async function weeklyVisitors(db: DbExecutor, weeks: readonly string[]): Promise<number[]> {
  if (weeks.length === 0) return [];
  const rows = await db
    .selectFrom('weekly_visitor_count')
    .select(['week_start', 'visitors'])
    .where('week_start', '>=', weeks[0]!)
    .where('week_start', '<=', weeks.at(-1)!)
    .execute();
  const byWeek = new Map(rows.map((r) => [r.week_start, Number(r.visitors)]));
  return weeks.map((w) => byWeek.get(w) ?? 0);
}

export interface ValueCount {
  value: string;
  count: number;
}

/** A dimension's values summed over the range, largest first. */
export async function rollupTotals(db: DbExecutor, dimension: string, range: DateWindow): Promise<ValueCount[]> {
  const rows = await db
    .selectFrom('daily_rollup')
    .select(['value', (eb) => eb.fn.sum<number | string>('count').as('total')])
    .where('dimension', '=', dimension)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .groupBy('value')
    .execute();
  return rows.map((r) => ({ value: r.value, count: Number(r.total) })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** One value's daily counts summed into buckets starting on `starts` (the last ending on `end`). */
export async function rollupByBucket(
  db: DbExecutor,
  dimension: string,
  value: string,
  starts: readonly string[],
  end: string,
): Promise<number[]> {
  if (starts.length === 0) return [];
  const rows = await db
    .selectFrom('daily_rollup')
    .select(['day', 'count'])
    .where('dimension', '=', dimension)
    .where('value', '=', value)
    .where('day', '>=', starts[0]!)
    .where('day', '<=', end)
    .execute();
  const counts = starts.map(() => 0);
  for (const row of rows) {
    let i = starts.length - 1;
    while (i > 0 && row.day < starts[i]!) i -= 1;
    counts[i]! += Number(row.count);
  }
  return counts;
}
