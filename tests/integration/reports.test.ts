// The managers' reports on both databases, against a fictional year of cases: after the
// `report-figures` job, every target's count matches an independent count made in memory from
// the raw rows (the oracle below, written apart from src/domain/reporting/case-metrics.ts), a
// change to a case reaches the figures on the next run, the list behind a count is exactly the
// cases counted, opening it is audited, and only managers may.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { knownCodes, reportSettings, targets } from '../../src/config/targets.ts';
import { NotAllowed, grantsFromCouncil } from '../../src/domain/staff/permissions.ts';
import type { CaseDefinition } from '../../src/domain/reporting/target-definition.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { seedHistory } from '../../src/server/demo/seed-demo-history.ts';
import { metricTotals } from '../../src/server/reporting/case-figures.ts';
import { metricDefinitions, refreshCaseMetrics } from '../../src/server/reporting/case-metrics.ts';
import { recordOutcome } from '../../src/server/casework/case-actions.ts';
import { casework } from '../../src/config/casework.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { readManagerReports } from '../../src/server/reporting/manager-reports.ts';
import { openReportCases } from '../../src/server/reporting/report-cases.ts';
import { pageRequest } from '../../src/domain/paging.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { ring } from '../support/keys.ts';
import { openPlanItems } from '../../src/server/casework/plans.ts';

const now = new Date('2026-12-05T12:00:00Z');
const range = { from: '2025-12-08', to: '2026-12-05' };

interface RawCase {
  id: string;
  need_level: string;
  team_id: string;
  service_id: string;
  created_at: string;
  closed_at: string | null;
  acknowledged_at: string | null;
  acknowledge_by: string;
  urgent_contact_by: string | null;
  client_groups: string;
}

/** The oracle: which instants put a case in a period under a definition, worked out in memory. */
function datesOf(
  d: CaseDefinition,
  c: RawCase,
  outcomes: Array<{ handoff_id: string; code: string; detail: string | null; recorded_at: string }>,
  followUps: Array<{
    handoff_id: string;
    months_after: number;
    still_housed: number | null;
    in_work_or_training: number | null;
    financially_secure: number | null;
    recorded_at: string | null;
  }>,
  plans: Map<string, Array<{ area: string; status: string }>>,
  healthChecks: Array<{ handoff_id: string; created_at: string }>,
  moves: Array<{ handoff_id: string; relet_on: string | null }> = [],
): string[] {
  const mine = outcomes.filter((o) => o.handoff_id === c.id);
  const groups = JSON.parse(c.client_groups) as string[];
  const outcomeMatch = (o: (typeof mine)[number]) =>
    d.outcomes!.includes(o.code) && (!d.outcomeDetail || d.outcomeDetail.includes(o.detail ?? ''));
  const followMatch = (f: (typeof followUps)[number]) =>
    f.handoff_id === c.id &&
    f.months_after === d.followUp!.monthsAfter &&
    f.recorded_at !== null &&
    (!d.followUp!.stillHoused || f.still_housed === 1) &&
    (!d.followUp!.inWorkOrTraining || f.in_work_or_training === 1) &&
    (!d.followUp!.financiallySecure || f.financially_secure === 1);
  if (d.needLevels && !d.needLevels.includes(c.need_level as never)) return [];
  if (d.teams && !d.teams.includes(c.team_id)) return [];
  if (d.services && !d.services.includes(c.service_id)) return [];
  if (d.outcomes && d.countedOn !== 'outcome' && !mine.some(outcomeMatch)) return [];
  if (d.alsoOutcomes && !mine.some((o) => d.alsoOutcomes!.includes(o.code))) return [];
  if (d.clientGroups && !groups.some((g) => d.clientGroups!.includes(g))) return [];
  if (d.notClientGroups && groups.some((g) => d.notClientGroups!.includes(g))) return [];
  if (d.contacted === 'any' && !c.acknowledged_at) return [];
  if (
    d.contacted === 'in-time' &&
    !(
      c.acknowledged_at &&
      (c.urgent_contact_by ? c.acknowledged_at <= c.urgent_contact_by : localDate(new Date(c.acknowledged_at)) <= c.acknowledge_by)
    )
  )
    return [];
  if (d.plan) {
    const items = plans.get(c.id);
    if (!items) return [];
    if (
      (d.plan.area || d.plan.stepDone) &&
      !items.some((i) => (!d.plan!.area || i.area === d.plan!.area) && (!d.plan!.stepDone || i.status === 'done'))
    )
      return [];
  }
  if (d.followUp && d.countedOn !== 'follow-up' && !followUps.some(followMatch)) return [];
  switch (d.countedOn) {
    case 'handoff':
      return [c.created_at];
    case 'closed':
      return c.closed_at ? [c.closed_at] : [];
    case 'outcome':
      return mine.filter(outcomeMatch).map((o) => o.recorded_at);
    case 'follow-up':
      return followUps.filter(followMatch).map((f) => f.recorded_at!);
    case 'health-check':
      return healthChecks.filter((h) => h.handoff_id === c.id).map((h) => h.created_at);
    case 'relet':
      return moves.filter((m) => m.handoff_id === c.id && m.relet_on).map((m) => `${m.relet_on}T12:00:00.000Z`);
  }
}

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  afterEach(() => t.cleanUp());

  beforeAll(() => undefined);

  it('counts every target exactly as its definition says, and lists exactly those cases', async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    const manager = await insertStaff(t.db, 'manager', 'service-management');
    await insertStaff(t.db, 'adviser', 'jet-centre');
    const { cases } = await seedHistory(t.db, serviceRules, ring, {
      now,
      weeks: 40,
      casesPerWeek: 12,
      visitorsFrom: 26,
      visitorsTo: 60,
      seed: 7,
    });
    expect(cases).toBeGreaterThan(300);

    const raw = (await t.db
      .selectFrom('handoff')
      .select([
        'id',
        'need_level',
        'team_id',
        'service_id',
        'created_at',
        'closed_at',
        'acknowledged_at',
        'acknowledge_by',
        'urgent_contact_by',
        'client_groups',
      ])
      .execute()) as RawCase[];
    const outcomes = await t.db.selectFrom('case_outcome').select(['handoff_id', 'code', 'detail', 'recorded_at']).execute();
    const followUps = await t.db
      .selectFrom('follow_up')
      .select(['handoff_id', 'months_after', 'still_housed', 'in_work_or_training', 'financially_secure', 'recorded_at'])
      .execute();
    const healthChecks = await t.db.selectFrom('health_check').select(['handoff_id', 'created_at']).execute();
    const moves = await t.db.selectFrom('downsizing_move').select(['handoff_id', 'relet_on']).execute();
    const plans = new Map(
      (await t.db.selectFrom('case_plan_version').select(['id', 'handoff_id', 'items', 'data_key_id']).execute()).map((p) => [
        p.handoff_id,
        openPlanItems(ring, p),
      ]),
    );

    const definitions = metricDefinitions(
      targets,
      casework.outcomes.map((o) => o.code),
    );
    expect(await refreshCaseMetrics(t.db, ring, now, definitions)).toEqual({ cases: raw.length, everything: true });

    // A case counts from the first day it met the definition: count those whose first day is in the window.
    const window = { from: '2026-04-01', to: '2026-12-05' };
    const oracle = (definition: CaseDefinition) =>
      raw.filter((c) => {
        const instants = datesOf(definition, c, outcomes, followUps, plans, healthChecks, moves);
        if (instants.length === 0) return false;
        const first = localDate(new Date(instants.reduce((a, b) => (a < b ? a : b))));
        return first >= window.from && first <= window.to;
      }).length;
    let checked = 0;
    for (const { key, definition } of definitions) {
      const expected = oracle(definition);
      const actual = (await metricTotals(t.db, [key], [window])).get(key)![0];
      expect(actual, key).toBe(expected);
      checked += expected > 0 ? 1 : 0;
    }
    // The fictional year gives most figures something to count, so the comparison means something.
    expect(checked).toBeGreaterThan(15);

    // A change to a case reaches the figures at the next run, and only that case is looked at again.
    const caseId = await insertHandoff(t.db, { createdAt: now, needLevel: 'moderate' });
    expect(await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 60_000), definitions)).toEqual({ cases: 1, everything: false });
    const before = await metricTotals(t.db, ['outcome:income-check', 'need:moderate'], [window]);
    await recordOutcome(t.db, manager, caseId, { code: 'income-check', detail: '' }, new Date(now.getTime() + 120_000), ring);
    expect(await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 180_000), definitions)).toEqual({ cases: 1, everything: false });
    const after = await metricTotals(t.db, ['outcome:income-check', 'need:moderate'], [window]);
    expect(after.get('outcome:income-check')![0]).toBe(before.get('outcome:income-check')![0]! + 1);
    expect(after.get('need:moderate')![0]).toBe(before.get('need:moderate')![0]!);
    // New definitions: everything is worked out again.
    expect((await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 240_000), definitions.slice(1))).everything).toBe(true);
    await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 300_000), definitions);

    // The report's own figures, and the list behind a target's count.
    const reports = await readManagerReports(t.db, manager, range, reportSettings());
    const hels4 = reports.targetFigures.find((f) => f.target.id === 'hels-4')!;
    expect(hels4.window).toEqual({ from: '2026-04-01', to: '2026-12-05' });
    expect(hels4.actual).toBeGreaterThan(0);
    const listed = (await openReportCases(
      t.db,
      manager,
      `target:hels-4:${hels4.window!.from}:${hels4.window!.to}`,
      pageRequest(1, 200),
      now,
      knownCodes(),
      targets.targets,
    ))!;
    expect(listed.page.total).toBe(hels4.actual);
    expect(listed.page.rows).toHaveLength(Math.min(200, hels4.actual!));
    expect(new Set(listed.page.rows.map((r) => r.reference)).size).toBe(listed.page.rows.length);
    const audit = await t.db.selectFrom('audit_event').selectAll().where('entity_type', '=', 'report').execute();
    // (The outcome recorded above is audited too, as a case change; this is the report's own row.)
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      staff_id: manager.id,
      entity_id: `target:hels-4:2026-04-01:2026-12-05`,
      action: 'opened the cases behind a report count',
    });

    // Need levels add up to the hand-offs in the range; the funnel's steps never grow.
    const allCases = (await t.db
      .selectFrom('handoff')
      .select([
        'id',
        'need_level',
        'team_id',
        'service_id',
        'created_at',
        'closed_at',
        'acknowledged_at',
        'acknowledge_by',
        'urgent_contact_by',
        'client_groups',
      ])
      .execute()) as RawCase[];
    const inRange = allCases.filter(
      (c) => localDate(new Date(c.created_at)) >= range.from && localDate(new Date(c.created_at)) <= range.to,
    );
    const needRows = reports.tables['need-levels'].rows;
    for (const level of ['emergency', 'high', 'moderate', 'low']) {
      const cell = needRows.find((r) => r.label.toLowerCase() === level)!.cells[0]!;
      const n = inRange.filter((c) => c.need_level === level).length;
      expect(cell.suppressed ? 'hidden' : cell.value, level).toBe(n > 0 && n < 5 ? 'hidden' : n);
    }
    expect(reports.tables['need-levels'].total!.cells[0]!.value).toBe(inRange.length);
    for (const row of reports.tables['funnel-quarters'].rows) {
      const steps = row.cells.slice(3).map((c) => c.value ?? 0);
      for (let i = 1; i < steps.length; i++) expect(steps[i]!, row.label).toBeLessThanOrEqual(steps[i - 1]!);
    }
    const weeklyVisitorRows = reports.tables['weekly-visitors'].rows;
    expect(weeklyVisitorRows).toHaveLength(52);
    expect(weeklyVisitorRows.filter((r) => (r.cells[0]!.value ?? 0) > 0).length).toBeGreaterThanOrEqual(40);
  });

  it('is for managers only, and refuses a count it does not make', async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    const adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    const manager = await insertStaff(t.db, 'manager', 'service-management');
    for (const actor of [adviser, admin]) {
      await expect(readManagerReports(t.db, actor, range, reportSettings())).rejects.toBeInstanceOf(NotAllowed);
      await expect(
        openReportCases(t.db, actor, 'need:high:2026-01-01:2026-12-01', pageRequest(1, 10), now, knownCodes(), targets.targets),
      ).rejects.toBeInstanceOf(NotAllowed);
    }
    for (const key of [
      '',
      'need:urgent:2026-01-01:2026-12-01',
      'need:high:2026-13-01:2026-12-01',
      'need:high:2026-12-01:2026-01-01',
      "service:x' or 1=1:2026-01-01:2026-12-01",
      'target:tss-1:2026-01-01:2026-12-01',
      'nothing:x:2026-01-01:2026-12-01',
    ]) {
      expect(await openReportCases(t.db, manager, key, pageRequest(1, 10), now, knownCodes(), targets.targets), key).toBeNull();
    }
    // A council may let administrators read the reports (content/council.json reports.administratorsMayRead).
    const allowed = grantsFromCouncil(admin, { administratorsMayReadReports: true });
    expect((await readManagerReports(t.db, allowed, range, reportSettings())).tables['need-levels'].total!.cells[0]!.value).toBe(0);
    // An empty database reads as zeros, not as an error.
    const empty = await readManagerReports(t.db, manager, range, reportSettings());
    expect(empty.tables['need-levels'].total!.cells[0]!.value).toBe(0);
    expect(empty.targetFigures.find((f) => f.target.id === 'stoke-10')!.actual).toBe(0);
    expect(await t.db.selectFrom('audit_event').selectAll().execute()).toEqual([]);
  });
});
