// Assisted self-assessments on both databases: an adviser starts one (audited), answers the same
// questions through the same use cases, finds it again only as themselves (after signing in again,
// say), and opens the case in one go: claimed by them, contact made, marked with its channel and
// surgery, consent recorded, a timeline entry, an audit row and the count, the draft gone; a
// second press opens nothing more; partners and landlords cannot start one; problems name their fields.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import type { AssistedStart } from '../../src/domain/assisted/channels.ts';
import { NotAllowed } from '../../src/domain/staff/permissions.ts';
import { countGoals, goalCounts } from '../../src/server/analytics/goals.ts';
import type { Goal } from '../../src/domain/analytics/goals.ts';
import type { Channel } from '../../src/domain/assisted/channels.ts';
import { reportSettings } from '../../src/config/targets.ts';
import { metricDefinitions, refreshCaseMetrics } from '../../src/server/reporting/case-metrics.ts';
import { readManagerReports } from '../../src/server/reporting/manager-reports.ts';
import { listAudit } from '../../src/server/audit/audit.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import {
  discardAssistedDraft,
  findAssistedDraft,
  listAssistedDrafts,
  openAssistedCase,
  recordAssistedCompletion,
  startAssistedSelfAssessment,
} from '../../src/server/self-assessment/assisted.ts';
import type { DraftRecord } from '../../src/server/self-assessment/drafts.ts';
import { confirmAnswers, submitAnswer } from '../../src/server/self-assessment/questionnaire.ts';
import { FormProblems, NotFound } from '../../src/server/web/problems.ts';
import { MODERATE_RENTER } from '../support/answers.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { everything } from '../support/every-row.ts';
import { ring } from '../support/keys.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const now = new Date('2026-12-08T10:00:00Z');
const keeping = { draftIdleHours: 4, savedDraftDays: 7, ring };
const BY_PHONE = { channel: 'phone', surgeryId: null, filledInBy: 'adviser', privacyNotice: 'read-aloud' } as const;
const AT_SURGERY = { channel: 'surgery', surgeryId: 'eastgate-library', filledInBy: 'person', privacyNotice: 'shown' } as const;
const CONTACT = {
  service: 'housing-options',
  name: 'Dafydd Orme',
  phone: '07700 900 982',
  email: '',
  preferred: 'phone',
  language: 'pa',
  interpreter: 'yes',
  voicemail: 'no',
  safeTimes: ['morning'],
  notes: 'Call from a withheld number',
  consent: 'yes',
};

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let colleague: Actor;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya Shah' });
    colleague = await insertStaff(t.db, 'adviser', 'housing-options');
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  async function answered(start: AssistedStart = BY_PHONE, at = now): Promise<string> {
    const id = await startAssistedSelfAssessment(t.db, adviser, start, at, keeping);
    let draft: DraftRecord = await findAssistedDraft(t.db, adviser, id, at, ring);
    for (const [step, raw] of MODERATE_RENTER) {
      const outcome = await submitAnswer(t.db, draft, { step, raw, changing: false }, at, keeping);
      if (!outcome.ok) throw new Error(`${step}: ${outcome.error}`);
      draft = outcome.draft;
    }
    await confirmAnswers(t.db, draft, at, keeping);
    return id;
  }

  it('holds the answers for the adviser who started it, and nobody else, through a new sign-in', async () => {
    const id = await answered();
    const later = new Date(now.getTime() + 45 * 60_000);
    // Signed out by the idle timeout and back: the draft is found by its id and the adviser, not a session.
    const again = await findAssistedDraft(t.db, adviser, id, later, ring);
    expect(Object.keys(again.state.answers)).toHaveLength(MODERATE_RENTER.length);
    expect(again.assisted).toEqual(BY_PHONE);
    expect((await listAssistedDrafts(t.db, adviser, later, ring)).map((d) => d.id)).toEqual([id]);
    await expect(findAssistedDraft(t.db, colleague, id, later, ring)).rejects.toThrow(NotFound);
    expect(await listAssistedDrafts(t.db, colleague, later, ring)).toEqual([]);
    const row = await t.db.selectFrom('assessment_draft').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.session_hash).toBeNull();
    expect(row.state).not.toContain('privateRenter');
  });

  it('opens the case claimed by the adviser, contact made, with its channel, consent, timeline, audit and count', async () => {
    const id = await answered(AT_SURGERY);
    const draft = await findAssistedDraft(t.db, adviser, id, now, ring);
    await recordAssistedCompletion(t.db, draft, now, keeping);
    const caseId = await openAssistedCase(t.db, adviser, id, CONTACT, now, keeping, serviceRules);
    const record = await openCase(t.db, adviser, caseId, now, serviceRules, ring);
    expect(record.assigneeId).toBe(adviser.id);
    expect(record.handoff.status).toBe('acknowledged');
    expect(record.handoff.channel).toBe('surgery');
    expect(record.handoff.assisted).toEqual({
      staffId: adviser.id,
      surgeryId: 'eastgate-library',
      filledInBy: 'person',
      privacyNotice: 'shown',
    });
    expect(record.handoff.contact).toMatchObject({ name: 'Dafydd Orme', language: 'pa', interpreter: true, preferred: 'phone' });
    expect(record.handoff.answers.homeType).toBe('privateRenter');
    expect(record.handoff.consentText).toContain('Housing Options team');
    expect(record.events.map((e) => e.summary)).toContain(
      'Priya Shah went through the self-assessment with them: assisted at an outreach surgery (eastgate library)',
    );
    const audit = await listAudit(t.db, await insertStaff(t.db, 'administrator', 'service-management'), {});
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['started an assisted self-assessment', 'opened a case from an assisted self-assessment']),
    );
    // Counted once by its channel (on the result, not again when the case opened); not as the website's own.
    const goals = await goalCounts(t.db, '2026-12-01', '2026-12-31');
    expect(goals.filter((g) => g.goal.startsWith('assisted:'))).toEqual([{ day: '2026-12-08', goal: 'assisted:surgery', count: 1 }]);
    expect(goals.some((g) => g.goal === 'completed')).toBe(false);
    // The draft is gone; no email to the team (the adviser has the case).
    expect(await t.db.selectFrom('assessment_draft').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('outbox_message').selectAll().execute()).toEqual([]);
    // Pressed twice: nothing more.
    await expect(openAssistedCase(t.db, adviser, id, CONTACT, now, keeping, serviceRules)).rejects.toThrow(NotFound);
    expect(await t.db.selectFrom('handoff').select('id').execute()).toHaveLength(1);
    const dump = JSON.stringify(await everything(t.db, dialect));
    expect(dump).not.toContain('Dafydd Orme');
  });

  it('reads the form as the page sends it (each field a list of values)', async () => {
    const id = await answered();
    const asSent = Object.fromEntries(Object.entries(CONTACT).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
    expect(await openAssistedCase(t.db, adviser, id, asSent, now, keeping, serviceRules)).toBeTruthy();
  });

  it('names every missing or wrong field, and keeps the answers', async () => {
    const id = await answered();
    const problems = await openAssistedCase(
      t.db,
      adviser,
      id,
      { service: 'jet-centre', phone: '12', preferred: 'phone' },
      now,
      keeping,
      serviceRules,
    ).catch((e: unknown) => e);
    expect(problems).toBeInstanceOf(FormProblems);
    expect((problems as FormProblems).errors.map((e) => e.field)).toEqual([
      'service',
      'name',
      'phone',
      'language',
      'voicemail',
      'safeTimes',
      'consent',
    ]);
    expect((await findAssistedDraft(t.db, adviser, id, now, ring)).state.answers.homeType).toBe('privateRenter');
    expect(await t.db.selectFrom('handoff').select('id').execute()).toEqual([]);
  });

  it('opens no case before the answers are checked', async () => {
    const id = await startAssistedSelfAssessment(t.db, adviser, BY_PHONE, now, keeping);
    await expect(openAssistedCase(t.db, adviser, id, CONTACT, now, keeping, serviceRules)).rejects.toThrow('Finish the questions');
  });

  it('ends without a case, deleting the answers, audited; only the adviser’s own', async () => {
    const id = await answered();
    await expect(discardAssistedDraft(t.db, colleague, id, now)).rejects.toThrow(NotFound);
    await discardAssistedDraft(t.db, adviser, id, now);
    expect(await t.db.selectFrom('assessment_draft').selectAll().execute()).toEqual([]);
  });

  it('is for advisers, officers and managers: partners and landlords cannot start one', async () => {
    const refused = [
      // Partner and landlord accounts need their organisation or landlord; the role alone is what is refused.
      { ...adviser, role: 'partner' as const, teamId: 'partner-organisation' },
      { ...adviser, role: 'landlord' as const, teamId: 'landlord' },
      await insertStaff(t.db, 'administrator', 'service-management'),
    ];
    for (const actor of refused) {
      await expect(startAssistedSelfAssessment(t.db, actor, BY_PHONE, now, keeping)).rejects.toThrow(NotAllowed);
    }
    for (const role of ['private_sector_officer', 'manager'] as const) {
      const actor = await insertStaff(t.db, role, 'private-sector');
      expect(await startAssistedSelfAssessment(t.db, actor, BY_PHONE, now, keeping)).toBeTruthy();
    }
  });
});

describe.each(DIALECTS)('the managers’ report by channel, on %s', (dialect) => {
  let t: TempDatabase;
  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('counts self-assessments, hand-offs and cases with an outcome by channel, and packs by post beside the weekly visitors', async () => {
    const settings = reportSettings();
    const definitions = metricDefinitions(
      settings.targets,
      settings.casework.outcomes.map((o) => o.code),
    );
    const manager = await insertStaff(t.db, 'manager', 'service-management');
    const outcome = settings.casework.outcomes[0]!.code;
    // 6 by phone (5 with an outcome), 7 from the website alone, 5 at a surgery.
    const made: Array<[Channel, number, boolean]> = [
      ['phone', 6, true],
      ['web', 7, false],
      ['surgery', 5, false],
    ];
    for (const [channel, count, withOutcome] of made) {
      for (let i = 0; i < count; i += 1) {
        const id = await insertHandoff(t.db, { createdAt: now, channel });
        if (withOutcome && i < 5)
          await t.db
            .insertInto('case_outcome')
            .values({ id: `${id}-o`, handoff_id: id, code: outcome, detail: null, recorded_by: manager.id, recorded_at: now.toISOString() })
            .execute();
      }
    }
    await countGoalsTimes(t.db, 'completed', 9);
    await countGoalsTimes(t.db, 'assisted:phone', 6);
    await countGoalsTimes(t.db, 'assisted:surgery', 5);
    await countGoalsTimes(t.db, 'packs_requested_by_post', 5);
    await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 600_000), definitions);
    const reports = await readManagerReports(t.db, manager, { from: '2026-12-01', to: '2026-12-13' }, settings);
    expect(reports.tables.channels.rows.map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([
      ['Website, on their own', ['9', '7', '0']],
      ['Assisted by phone', ['6', '6', '5']],
      ['Assisted at an outreach surgery', ['5', '5', '0']],
      ['Assisted at an office visit', ['0', '0', '0']],
    ]);
    const week = reports.tables['weekly-visitors'].rows.find((r) => r.label === 'Week from 7 Dec 2026')!;
    expect(week.cells.map((c) => c.text)).toEqual(['0', '11', '5']);
    expect(reports.tables['packs-by-post'].rows.at(-1)!.cells.map((c) => c.text)).toEqual(['5', '0']);
  });
});

async function countGoalsTimes(db: TempDatabase['db'], goal: Goal, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) await countGoals(db, [goal], now);
}
