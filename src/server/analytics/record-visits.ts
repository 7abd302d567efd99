// Writes a batch of counted visits: each week's new visitor hashes (a hash already seen this week
// adds nothing), the week's visitor count, and the daily rollups, all in one transaction. Rows are
// written in key order, so two instances writing at once on PostgreSQL wait for each other
// instead of deadlocking.
import { sql } from 'kysely';
import {
  capNewValues,
  isCappedDimension,
  rollUp,
  type CountedVisit,
  type DayValues,
  type RollupRow,
} from '../../domain/analytics/rollup.ts';
import type { DbExecutor } from '../db/executor.ts';
import { countOf } from '../db/sql.ts';
import type { AppDatabase } from '../db/open-database.ts';

/** Rows per INSERT: well under both databases' limits on bound values. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function recordVisits(db: AppDatabase, visits: readonly CountedVisit[]): Promise<void> {
  if (visits.length === 0) return;
  const { visitors, rows: folded } = rollUp(visits);
  const weeks = [...visitors.keys()].sort();
  await db.transaction().execute(async (trx) => {
    const rows = capNewValues(folded, await dayValues(trx, folded));
    rows.sort((a, b) => (a.day + a.dimension + a.value < b.day + b.dimension + b.value ? -1 : 1));
    for (const week of weeks) {
      const hashes = [...visitors.get(week)!].sort();
      let added = 0;
      for (const chunk of chunks(hashes)) {
        const result = await trx
          .insertInto('weekly_visitor')
          .values(chunk.map((visitor) => ({ week_start: week, visitor })))
          .onConflict((oc) => oc.columns(['week_start', 'visitor']).doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      if (added > 0) {
        await trx
          .insertInto('weekly_visitor_count')
          .values({ week_start: week, visitors: added })
          .onConflict((oc) => oc.column('week_start').doUpdateSet({ visitors: sql`weekly_visitor_count.visitors + excluded.visitors` }))
          .execute();
      }
    }
    for (const chunk of chunks(rows)) {
      await trx
        .insertInto('daily_rollup')
        .values(chunk)
        .onConflict((oc) => oc.columns(['day', 'dimension', 'value']).doUpdateSet({ count: sql`daily_rollup.count + excluded.count` }))
        .execute();
    }
  });
}

/**
 * For each day and capped dimension in a batch: which of the batch's values the day has already,
 * and, only when some are new, how many values it holds (the count is needed only to decide a new
 * value's fate, so a batch of known pages and sources, the usual case, costs one query a dimension).
 */
async function dayValues(db: DbExecutor, rows: readonly RollupRow[]): Promise<Map<string, DayValues>> {
  const wanted = new Map<string, { day: string; dimension: string; values: Set<string> }>();
  for (const row of rows) {
    if (!isCappedDimension(row.dimension)) continue;
    const key = `${row.day} ${row.dimension}`;
    const entry = wanted.get(key) ?? { day: row.day, dimension: row.dimension, values: new Set<string>() };
    entry.values.add(row.value);
    wanted.set(key, entry);
  }
  const found = new Map<string, DayValues>();
  for (const [key, { day, dimension, values }] of wanted) {
    const known = new Set<string>();
    for (const chunk of chunks([...values])) {
      const present = await db
        .selectFrom('daily_rollup')
        .select('value')
        .where('day', '=', day)
        .where('dimension', '=', dimension)
        .where('value', 'in', chunk)
        .execute();
      for (const row of present) known.add(row.value);
    }
    const count =
      known.size === values.size
        ? 0
        : await countOf(db.selectFrom('daily_rollup').where('day', '=', day).where('dimension', '=', dimension));
    found.set(key, { count, known });
  }
  return found;
}
