// The downsizing chain on both databases: the move and the re-let recorded on a case (timeline and
// audit with each), each once, every problem against its field; the freed home listed for the
// team until it is re-let; and Target 5 counting a downsizing only once its home is re-let, on
// that day, by the size of home freed (3 and 4 bedrooms apart) and the incentive paid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings } from '../../src/config/targets.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { claimCase, closeCase } from '../../src/server/casework/case-actions.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { downsizingOf, homesWaitingToBeRelet, recordMove, recordRelet } from '../../src/server/casework/downsizing.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { metricDefinitions, refreshCaseMetrics } from '../../src/server/reporting/case-metrics.ts';
import { readManagerReports } from '../../src/server/reporting/manager-reports.ts';
import { FormProblems, UserProblem } from '../../src/server/web/problems.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-12-07T10:00:00Z');
const move = (left: number, paid = '1500', day = '2') => ({
  'moved-day': day,
  'moved-month': '11',
  'moved-year': '2026',
  'bedrooms-left': String(left),
  'bedrooms-new': String(left - 1),
  'incentive-paid': paid,
});
const relet = (day = '30') => ({ 'relet-day': day, 'relet-month': '11', 'relet-year': '2026', 'relet-needed-size': 'yes' });

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let other: Actor;
  let manager: Actor;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya Shah' });
    other = await insertStaff(t.db, 'adviser', 'jet-centre');
    manager = await insertStaff(t.db, 'manager', 'service-management');
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  async function caseOf(): Promise<string> {
    const id = await insertHandoff(t.db, { createdAt: new Date('2026-10-01T10:00:00Z') });
    await claimCase(t.db, adviser, id, now, ring);
    return id;
  }

  it('records the move, then the re-let (after the case has closed), each once, with the timeline and audit', async () => {
    const id = await caseOf();
    await recordMove(t.db, adviser, id, move(3), now, ring);
    expect(await downsizingOf(t.db, id)).toEqual({
      movedOn: '2026-11-02',
      bedroomsLeft: 3,
      bedroomsNew: 2,
      incentivePaidPence: 150_000,
      relet: null,
    });
    await expect(recordMove(t.db, adviser, id, move(3), now, ring)).rejects.toThrow('The move is already recorded on this case');
    expect((await homesWaitingToBeRelet(t.db, adviser, serviceRules)).map((h) => [h.caseId, h.bedroomsLeft])).toEqual([[id, 3]]);
    // Another team sees none of it.
    expect(await homesWaitingToBeRelet(t.db, other, serviceRules)).toEqual([]);

    await closeCase(t.db, adviser, id, { reason: 'Plan completed', clientGroups: [] }, now, serviceRules, ring);
    expect((await openCase(t.db, adviser, id, now, serviceRules, ring)).handoff.status).toBe('closed');
    await recordRelet(t.db, adviser, id, relet(), now, ring);
    expect((await downsizingOf(t.db, id))!.relet).toEqual({ reletOn: '2026-11-30', toHouseholdNeedingThatSize: true });
    await expect(recordRelet(t.db, adviser, id, relet(), now, ring)).rejects.toThrow('The re-let is already recorded');
    expect(await homesWaitingToBeRelet(t.db, adviser, serviceRules)).toEqual([]);

    const record = await openCase(t.db, manager, id, now, serviceRules, ring);
    expect(record.events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Moved to a smaller home on Monday 2 November 2026: from 3 bedrooms to 2 bedrooms, incentive paid £1,500. The home they left waits to be re-let.',
        'The 3-bedroom home they left was re-let on Monday 30 November 2026, to a household that needed that size. The downsizing now counts towards Target 5.',
      ]),
    );
    const admin = await insertStaff(t.db, 'administrator', 'service-management');
    expect((await listAudit(t.db, admin, { entityId: id })).map((a) => a.action)).toEqual(
      expect.arrayContaining(['recorded downsizing move', 'recorded re-let of the home freed']),
    );
  });

  it('names each problem against its field, and keeps nothing', async () => {
    const id = await caseOf();
    const problem = await recordMove(
      t.db,
      adviser,
      id,
      { 'moved-day': '31', 'moved-month': '2', 'moved-year': '2026', 'bedrooms-left': '2', 'bedrooms-new': '2', 'incentive-paid': 'lots' },
      now,
      ring,
    ).catch((e: unknown) => e);
    expect(problem).toBeInstanceOf(FormProblems);
    expect((problem as FormProblems).errors).toEqual([
      { field: 'moved-day', message: 'The date they moved must be a real date' },
      { field: 'bedrooms-new', message: 'The new home must have fewer bedrooms than the one they left' },
      { field: 'incentive-paid', message: 'Enter the incentive paid in pounds, like 1500, or 0 if none' },
    ]);
    const future = await recordMove(t.db, adviser, id, { ...move(3), 'moved-year': '2027' }, now, ring).catch((e: unknown) => e);
    expect((future as FormProblems).errors[0]).toEqual({ field: 'moved-day', message: 'The date they moved must be today or in the past' });
    await expect(recordRelet(t.db, adviser, id, relet(), now, ring)).rejects.toThrow('Record the move first');
    await recordMove(t.db, adviser, id, move(3), now, ring);
    const early = await recordRelet(t.db, adviser, id, relet('1'), now, ring).catch((e: unknown) => e);
    expect((early as FormProblems).errors[0]).toEqual({
      field: 'relet-day',
      message: 'The re-let must be on or after the day they moved out',
    });
    // Another team's adviser cannot touch it.
    await expect(recordRelet(t.db, other, id, relet(), now, ring)).rejects.toThrow();
    expect((await downsizingOf(t.db, id))!.relet).toBeNull();
    expect(problem).toBeInstanceOf(UserProblem);
  });

  it('counts Target 5 only once the home is re-let, by size of home freed and incentive paid, with those waiting beside', async () => {
    const settings = reportSettings();
    const definitions = metricDefinitions(
      settings.targets,
      settings.casework.outcomes.map((o) => o.code),
    );
    // Five 3-bedroom homes re-let (incentive £1,500), five 4-bedroom homes re-let (£2,000), and six moves still waiting.
    for (let i = 0; i < 5; i += 1) {
      const a = await caseOf();
      await recordMove(t.db, adviser, a, move(3), now, ring);
      await recordRelet(t.db, adviser, a, relet(), now, ring);
      const b = await caseOf();
      await recordMove(t.db, adviser, b, move(4, '2000'), now, ring);
      await recordRelet(t.db, adviser, b, relet('20'), now, ring);
    }
    for (let i = 0; i < 6; i += 1) await recordMove(t.db, adviser, await caseOf(), move(2, '0'), now, ring);
    await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 60_000), definitions);
    const reports = await readManagerReports(t.db, manager, { from: '2026-04-01', to: '2026-12-06' }, settings);
    const target5 = reports.targetFigures.find((f) => f.target.id === 'stoke-5')!;
    expect(target5.actual).toBe(10);
    const rows = (id: 'downsizing-sizes' | 'downsizing-incentives') =>
      reports.tables[id].rows.map((r) => [r.label, r.cells.map((c) => c.text)]);
    expect(rows('downsizing-sizes')).toEqual([
      ['1 bedroom', ['0', '0']],
      ['2 bedrooms', ['0', '6']],
      ['3 bedrooms', ['5', '0']],
      ['4 bedrooms', ['5', '0']],
      ['5+ bedrooms', ['0', '0']],
    ]);
    expect(rows('downsizing-incentives')).toEqual([
      ['No incentive paid', ['0', '6']],
      ['Under £1,000', ['0', '0']],
      ['£1,000 to £1,999', ['5', '0']],
      ['£2,000 or more', ['5', '0']],
    ]);
    // Before the re-lets, none would have counted: a range ending before them counts nothing.
    const earlier = await readManagerReports(t.db, manager, { from: '2026-04-01', to: '2026-11-15' }, settings);
    expect(earlier.tables['downsizing-sizes'].total!.cells.map((c) => c.text)).toEqual(['0', '16']);
  });
});
