// The managers' reports for any dates a manager can choose: every valid range, from one day to
// three years, reads without failing on both databases (fast-check picks the ranges), and the
// ranges that once failed (a range inside one quarter gave a CASE with no WHEN) are kept as cases.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings, targets } from '../../src/config/targets.ts';
import { casework } from '../../src/config/casework.ts';
import { MAX_RANGE_DAYS, quarterWeeksOf } from '../../src/domain/reporting/periods.ts';
import { addDays } from '../../src/domain/time/working-days.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedHistory } from '../../src/server/demo/seed-demo-history.ts';
import { metricDefinitions, refreshCaseMetrics } from '../../src/server/reporting/case-metrics.ts';
import { readManagerReports } from '../../src/server/reporting/manager-reports.ts';
import { insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { ring } from '../support/keys.ts';

const now = new Date('2026-12-06T12:00:00Z');
const today = '2026-12-06';
/** The first day a range may start on: three years of days before today. */
const earliest = addDays(today, -MAX_RANGE_DAYS);
const dayCount = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Any valid range: an end on or before today, a start up to three years before it. */
const anyRange = fc
  .tuple(fc.integer({ min: 0, max: dayCount(earliest, today) }), fc.integer({ min: 0, max: MAX_RANGE_DAYS }))
  .map(([endBack, length]) => {
    const to = addDays(today, -endBack);
    const from = addDays(to, -Math.min(length, dayCount(earliest, to)));
    return { from, to };
  });

describe.each(DIALECTS)('reports for any dates, on %s', (dialect) => {
  let t: TempDatabase;
  let manager: Actor;

  beforeAll(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    manager = await insertStaff(t.db, 'manager', 'service-management');
    await seedHistory(t.db, serviceRules, ring, { now, weeks: 30, casesPerWeek: 3, visitorsFrom: 26, visitorsTo: 60, seed: 11 });
    await refreshCaseMetrics(
      t.db,
      ring,
      now,
      metricDefinitions(
        targets,
        casework.outcomes.map((o) => o.code),
      ),
    );
  });
  afterAll(() => t.cleanUp());

  it.each([
    { from: '2026-10-01', to: '2026-12-06' },
    { from: '2026-07-01', to: '2026-09-30' },
    { from: '2026-12-06', to: '2026-12-06' },
  ])('reads $from to $to (inside one quarter)', async (range) => {
    const reports = await readManagerReports(t.db, manager, range, reportSettings());
    // Whole weeks of one quarter: one row, named with the days it covers.
    expect(reports.tables['funnel-quarters'].rows).toHaveLength(1);
    expect(reports.tables['funnel-quarters'].rows[0]!.label).toMatch(/the (\d+ weeks|week) from \d+ \w{3} \d{4} to \d+ \w{3} \d{4}$/);
    expect(reports.tables['client-groups'].headings).toHaveLength(2);
  });

  it('reads every range a manager can choose, from one day to three years, its quarters over the same weeks as its weeks', async () => {
    await fc.assert(
      fc.asyncProperty(anyRange, async (range) => {
        const reports = await readManagerReports(t.db, manager, range, reportSettings());
        expect(reports.range).toEqual(range);
        const quarters = reports.tables['funnel-quarters'].rows;
        expect(quarters.length).toBeGreaterThan(0);
        // Visitors, self-assessments started and completed: each quarter row adds up the same weeks
        // of the weekly table (those whose Thursday the range holds), so its columns compare.
        const held = new Set(quarterWeeksOf(range));
        const weekly = reports.tables['funnel-weeks'].rows.filter((_, i) => held.has(reports.weeks[i]!));
        for (const column of [0, 1, 2]) {
          const cells = [...quarters, ...weekly].map((r) => r.cells[column]!);
          if (cells.some((c) => c.value === null)) continue; // a hidden small number: nothing to add up
          const sum = (rows: typeof quarters) => rows.reduce((total, r) => total + r.cells[column]!.value!, 0);
          expect(sum(quarters), `column ${column} of ${range.from} to ${range.to}`).toBe(sum(weekly));
        }
      }),
      { numRuns: 40 },
    );
  });
});
