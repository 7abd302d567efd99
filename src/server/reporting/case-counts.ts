// Counting the cases a definition matches: in windows of time (a target's, and the two quarters
// its trend compares), in consecutive buckets (weeks, quarters), and the references behind a
// count. One SQL statement each, grouped in the database; each case counts once per window.
import { sql } from 'kysely';
import type { CaseDefinition } from '../../domain/reporting/target-definition.ts';
import { zonedInstant } from '../../domain/time/office-hours.ts';
import { addDays } from '../../domain/time/working-days.ts';
import type { DbExecutor } from '../db/executor.ts';
import { caseQuery } from './case-query.ts';

/** Calendar dates, both days included. */
export interface DateWindow {
  from: string;
  to: string;
}

/** The instant a calendar day starts in England, as stored timestamps are written (ISO, UTC). */
export function dayStarts(date: string): string {
  return zonedInstant(date, '00:00').toISOString();
}

/** How many cases fall in each window. */
export async function countInWindows(db: DbExecutor, definition: CaseDefinition, windows: readonly DateWindow[]): Promise<number[]> {
  if (windows.length === 0) return [];
  const q = caseQuery(db, definition);
  const bounds = windows.map((w) => [dayStarts(w.from), dayStarts(addDays(w.to, 1))] as const);
  const lowest = bounds.reduce((min, [a]) => (a < min ? a : min), bounds[0]![0]);
  const highest = bounds.reduce((max, [, b]) => (b > max ? b : max), bounds[0]![1]);
  const columns = bounds.map(([a, b], i) => sql`count(distinct case when ${q.dated} >= ${a} and ${q.dated} < ${b} then h.id end) as ${sql.ref(`w${i}`)}`);
  const { rows } = await sql<Record<string, number | string>>`select ${sql.join(columns)} from ${q.from} where ${q.where} and ${q.dated} >= ${lowest} and ${q.dated} < ${highest}`.execute(db);
  return bounds.map((_, i) => Number(rows[0]?.[`w${i}`] ?? 0));
}

/**
 * Cases in each of consecutive buckets starting on `starts` (dates, oldest first), the last
 * ending on `end` (included). A CASE over the bucket boundaries puts each in its week or quarter
 * by the clocks in England, on both databases.
 */
export async function countByBucket(db: DbExecutor, definition: CaseDefinition, starts: readonly string[], end: string): Promise<number[]> {
  if (starts.length === 0) return [];
  const q = caseQuery(db, definition);
  const edges = [...starts.map(dayStarts), dayStarts(addDays(end, 1))];
  const bucket = sql`case ${sql.join(
    edges.slice(1).map((edge, i) => sql`when ${q.dated} < ${edge} then ${i}`),
    sql` `,
  )} end`;
  const { rows } = await sql<{ b: number | string; n: number | string }>`select ${bucket} as b, count(distinct h.id) as n from ${q.from} where ${q.where} and ${q.dated} >= ${edges[0]} and ${q.dated} < ${edges.at(-1)} group by 1`.execute(db);
  const counts = starts.map(() => 0);
  for (const row of rows) counts[Number(row.b)] = Number(row.n);
  return counts;
}

/** The references of the cases behind a count, in order, one page at a time. */
export async function referencesIn(db: DbExecutor, definition: CaseDefinition, window: DateWindow, offset: number, limit: number): Promise<{ total: number; cases: Array<{ id: string; reference: string }> }> {
  const q = caseQuery(db, definition);
  const inWindow = sql`${q.where} and ${q.dated} >= ${dayStarts(window.from)} and ${q.dated} < ${dayStarts(addDays(window.to, 1))}`;
  const total = await sql<{ n: number | string }>`select count(distinct h.id) as n from ${q.from} where ${inWindow}`.execute(db);
  const { rows } = await sql<{ id: string; reference: string }>`select distinct h.id, h.reference from ${q.from} where ${inWindow} order by h.reference limit ${limit} offset ${offset}`.execute(db);
  return { total: Number(total.rows[0]?.n ?? 0), cases: rows };
}
