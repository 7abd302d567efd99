// The adviser's income maximisation health check on both databases: recorded as dated versions
// with a timeline entry and an audit row, its answers and notes sealed, every problem named by its
// field, only by someone who may work the case and only while it is open; counted in Target 9 and
// in the managers' "money found"; and the follow-ups' "financially secure" counted in WRS3.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings } from '../../src/config/targets.ts';
import type { CheckAnswers } from '../../src/domain/money/questions.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { claimCase, closeCase } from '../../src/server/casework/case-actions.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { recordFollowUp } from '../../src/server/casework/follow-ups.ts';
import { healthChecksOf, recordHealthCheck, startingAnswers } from '../../src/server/casework/health-checks.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { metricDefinitions, refreshCaseMetrics } from '../../src/server/reporting/case-metrics.ts';
import { readManagerReports } from '../../src/server/reporting/manager-reports.ts';
import { FormProblems } from '../../src/server/web/problems.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { everything } from '../support/every-row.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { LONE_PARENT } from '../support/money.ts';

const now = new Date('2026-12-07T10:00:00Z');

const answers: CheckAnswers = LONE_PARENT;
const found = {
  answers,
  benefits: ['universal-credit', 'council-tax-reduction'],
  weeklyGain: '42.50',
  debtsReferred: 'yes',
  notes: 'Rent of Gwenllian Row flat checked',
};

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let other: Actor;
  let manager: Actor;
  let admin: Actor;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya' });
    other = await insertStaff(t.db, 'adviser', 'jet-centre');
    manager = await insertStaff(t.db, 'manager', 'service-management');
    admin = await insertStaff(t.db, 'administrator', 'service-management');
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('records each check as a new dated version, with its timeline entry and audit row, answers and notes sealed', async () => {
    const id = await insertHandoff(t.db, { createdAt: now });
    await claimCase(t.db, adviser, id, now, ring);
    expect(await recordHealthCheck(t.db, adviser, id, found, now, ring)).toBe(1);
    const later = new Date(now.getTime() + 86_400_000);
    expect(
      await recordHealthCheck(t.db, adviser, id, { ...found, weeklyGain: '0', benefits: [], debtsReferred: 'no', notes: '' }, later, ring),
    ).toBe(2);
    const checks = await healthChecksOf(t.db, ring, id);
    expect(checks.map((c) => [c.version, c.weeklyGainPence, c.debtsReferred, c.benefits, c.notes, c.createdByName])).toEqual([
      [2, 0, false, [], null, 'Priya'],
      [1, 4250, true, ['universal-credit', 'council-tax-reduction'], found.notes, 'Priya'],
    ]);
    expect(checks[1]!.answers).toEqual(answers);
    expect(startingAnswers({ homeType: 'councilTenant' }, checks[0])).toEqual(answers);

    const record = await openCase(t.db, adviser, id, later, serviceRules, ring);
    expect(record.healthChecks).toHaveLength(2);
    expect(record.events.map((e) => e.summary)).toContain(
      'Income maximisation health check 1: £42.50 a week found, debts referred for advice',
    );
    expect(record.events.map((e) => e.summary)).toContain('Income maximisation health check 2: nothing more found');
    const audit = await listAudit(t.db, admin, { entityId: id });
    expect(audit.filter((r) => r.action === 'recorded health check')).toHaveLength(2);

    const dump = JSON.stringify(await everything(t.db, dialect));
    expect(dump).not.toContain('Gwenllian');
    expect(dump).not.toContain('"rentMonthly"');
  });

  it('names every problem by its field, and keeps nothing when one is wrong', async () => {
    const id = await insertHandoff(t.db, { createdAt: now });
    await claimCase(t.db, adviser, id, now, ring);
    const { councilTaxBand: _band, rentMonthly: _rent, ...missing } = answers;
    const refused = await recordHealthCheck(
      t.db,
      adviser,
      id,
      { answers: missing, benefits: ['nonsense'], weeklyGain: 'lots', debtsReferred: '', notes: 'x'.repeat(3000) },
      now,
      ring,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FormProblems);
    expect((refused as FormProblems).errors.map((e) => e.field)).toEqual([
      'rentMonthly',
      'councilTaxBand',
      'benefits',
      'weekly-gain',
      'debts-referred',
      'health-check-notes',
    ]);
    expect(await healthChecksOf(t.db, ring, id)).toEqual([]);
  });

  it('is only for someone who may work the case, and only while it is open', async () => {
    const id = await insertHandoff(t.db, { createdAt: now });
    await expect(recordHealthCheck(t.db, other, id, found, now, ring)).rejects.toThrow();
    await claimCase(t.db, adviser, id, now, ring);
    await closeCase(t.db, adviser, id, { reason: 'Plan completed', clientGroups: [] }, now, serviceRules, ring);
    await expect(recordHealthCheck(t.db, adviser, id, found, now, ring)).rejects.toThrow('This case is closed');
    expect(await healthChecksOf(t.db, ring, id)).toEqual([]);
  });

  it('counts Target 9 on the day of the first check, money found in the managers’ report, and WRS3 from the follow-ups', async () => {
    const settings = reportSettings();
    const definitions = metricDefinitions(
      settings.targets,
      settings.casework.outcomes.map((o) => o.code),
    );
    const cases: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const id = await insertHandoff(t.db, { createdAt: now });
      await claimCase(t.db, adviser, id, now, ring);
      await recordHealthCheck(t.db, adviser, id, { ...found, weeklyGain: String(10 + i), debtsReferred: i < 2 ? 'yes' : 'no' }, now, ring);
      cases.push(id);
    }
    // A check done again the next day counts once, its latest value.
    const nextDay = new Date(now.getTime() + 86_400_000);
    await recordHealthCheck(t.db, adviser, cases[0]!, { ...found, weeklyGain: '20', debtsReferred: 'yes' }, nextDay, ring);
    // Two follow-ups at 6 months: one in work and financially secure, one in work but not.
    for (const [index, secure] of [
      [1, 'yes'],
      [2, 'no'],
    ] as const) {
      await closeCase(t.db, adviser, cases[index]!, { reason: 'Plan completed', clientGroups: [] }, now, serviceRules, ring);
      const followUp = await t.db
        .selectFrom('follow_up')
        .select('id')
        .where('handoff_id', '=', cases[index]!)
        .where('months_after', '=', 6)
        .executeTakeFirstOrThrow();
      await recordFollowUp(
        t.db,
        adviser,
        followUp.id,
        { stillHoused: 'yes', inWorkOrTraining: 'yes', financiallySecure: secure, notes: '' },
        nextDay,
        ring,
      );
    }
    await refreshCaseMetrics(t.db, ring, new Date(nextDay.getTime() + 600_000), definitions);
    const counted = async (key: string) =>
      (await t.db.selectFrom('case_metric').select(['handoff_id', 'day']).where('metric', '=', key).orderBy('handoff_id').execute()).map(
        (r) => [r.handoff_id, r.day],
      );
    expect(await counted('target:stoke-9')).toEqual([...cases].sort().map((id) => [id, '2026-12-07']));
    expect(await counted('target:wrs-3')).toEqual([[cases[1]!, '2026-12-08']]);

    const reports = await readManagerReports(t.db, manager, { from: '2026-12-01', to: '2026-12-08' }, settings);
    expect(reports.tables['money-found'].rows.map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([
      ['People given a health check', ['6']],
      ['Debts referred for advice', ['fewer than 5']],
      // 20 (the second check of the first case) + 11 + 12 + 13 + 14 + 15.
      ['Weekly value found, all together', ['£85']],
    ]);
  });

  it('money found counts each case’s latest check made within the weeks shown, to the millisecond of the council’s days', async () => {
    const settings = reportSettings();
    const caseWith = async (checks: Array<[string, string]>) => {
      const id = await insertHandoff(t.db, { createdAt: new Date('2026-11-20T09:00:00Z') });
      await claimCase(t.db, adviser, id, new Date('2026-11-20T09:00:00Z'), ring);
      for (const [at, gain] of checks) await recordHealthCheck(t.db, adviser, id, { ...found, weeklyGain: gain }, new Date(at), ring);
    };
    // Five people checked once, inside 1 to 8 December: £10 a week each.
    for (let i = 0; i < 5; i += 1) await caseWith([['2026-12-02T12:00:00Z', '10']]);
    // Checked on the window's first moment, then again after it: the check inside counts (£7).
    await caseWith([
      ['2026-12-01T00:00:00.000Z', '7'],
      ['2026-12-09T00:00:00.000Z', '100'],
    ]);
    // Checked just before the window, then on its last moment: only the check inside counts (£3).
    await caseWith([
      ['2026-11-30T23:59:59.999Z', '100'],
      ['2026-12-08T23:59:59.999Z', '3'],
    ]);
    // Checked three times inside: the last counts (£2), once.
    await caseWith([
      ['2026-12-03T09:00:00Z', '50'],
      ['2026-12-04T09:00:00Z', '40'],
      ['2026-12-05T09:00:00Z', '2'],
    ]);
    const reports = await readManagerReports(t.db, manager, { from: '2026-12-01', to: '2026-12-08' }, settings);
    expect(reports.tables['money-found'].rows.map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([
      ['People given a health check', ['8']],
      ['Debts referred for advice', ['8']],
      ['Weekly value found, all together', ['£62']],
    ]);
  });
});
