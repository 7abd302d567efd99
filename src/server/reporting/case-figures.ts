// Reading the case figures the `report-figures` job keeps (src/server/reporting/case-metrics.ts):
// sums of daily counts over windows and buckets of days, so a report costs the same with a
// thousand cases or a million; and, for one figure, the cases behind it.
import { sql } from 'kysely';
import type { DbExecutor } from '../db/executor.ts';

/** Calendar dates in England, both days included. */
export interface DateWindow {
  from: string;
  to: string;
}

/** Each metric's total in each window. */
export async function metricTotals(
  db: DbExecutor,
  metrics: readonly string[],
  windows: readonly DateWindow[],
): Promise<Map<string, number[]>> {
  const totals = new Map(metrics.map((m) => [m, windows.map(() => 0)]));
  if (metrics.length === 0 || windows.length === 0) return totals;
  const lowest = windows.reduce((min, w) => (w.from < min ? w.from : min), windows[0]!.from);
  const highest = windows.reduce((max, w) => (w.to > max ? w.to : max), windows[0]!.to);
  const columns = windows.map(
    (w, i) => sql`sum(case when day >= ${w.from} and day <= ${w.to} then count else 0 end) as ${sql.ref(`w${i}`)}`,
  );
  const { rows } = await sql<
    Record<string, string | number>
  >`select metric, ${sql.join(columns)} from case_metric_daily where metric in (${sql.join(metrics.map((m) => sql`${m}`))}) and day >= ${lowest} and day <= ${highest} group by metric`.execute(
    db,
  );
  for (const row of rows)
    totals.set(
      String(row.metric),
      windows.map((_, i) => Number(row[`w${i}`] ?? 0)),
    );
  return totals;
}

/** Each metric's total in consecutive buckets starting on `starts` (dates, oldest first), the last ending on `end`. */
export async function metricBuckets(
  db: DbExecutor,
  metrics: readonly string[],
  starts: readonly string[],
  end: string,
): Promise<Map<string, number[]>> {
  const buckets = new Map(metrics.map((m) => [m, starts.map(() => 0)]));
  if (metrics.length === 0 || starts.length === 0) return buckets;
  // One bucket is every day: a CASE needs at least one WHEN, so none is written then.
  const bucket =
    starts.length === 1
      ? sql`0`
      : sql`case ${sql.join(
          starts.slice(1).map((start, i) => sql`when day < ${start} then ${sql.lit(i)}`),
          sql` `,
        )} else ${sql.lit(starts.length - 1)} end`;
  const { rows } = await sql<{
    metric: string;
    b: number | string;
    n: number | string;
  }>`select metric, ${bucket} as b, sum(count) as n from case_metric_daily where metric in (${sql.join(metrics.map((m) => sql`${m}`))}) and day >= ${starts[0]} and day <= ${end} group by metric, 2`.execute(
    db,
  );
  for (const row of rows) buckets.get(row.metric)![Number(row.b)] = Number(row.n);
  return buckets;
}

/** Every metric starting with `prefix` ("service:", "outcome:") and its total in the window. */
export async function metricsStartingWith(db: DbExecutor, prefix: string, window: DateWindow): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('case_metric_daily')
    .select(['metric', (eb) => eb.fn.sum<number | string>('count').as('n')])
    .where('metric', '>=', prefix)
    .where('metric', '<', `${prefix}\uffff`)
    .where('day', '>=', window.from)
    .where('day', '<=', window.to)
    .groupBy('metric')
    .execute();
  return new Map(rows.map((r) => [r.metric.slice(prefix.length), Number(r.n)]));
}

/** The cases behind one figure in a window, by reference, a page at a time. */
export async function casesBehind(
  db: DbExecutor,
  metric: string,
  window: DateWindow,
  offset: number,
  limit: number,
): Promise<{ total: number; cases: Array<{ id: string; reference: string }> }> {
  const matching = db
    .selectFrom('case_metric as m')
    .where('m.metric', '=', metric)
    .where('m.day', '>=', window.from)
    .where('m.day', '<=', window.to);
  const total = await matching.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const cases = await matching
    .innerJoin('handoff as h', 'h.id', 'm.handoff_id')
    .select(['h.id', 'h.reference'])
    .orderBy('h.reference')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), cases };
}
