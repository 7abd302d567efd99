// Languages on both databases: a self-assessment done in Polish is checked in Polish, its hand-off
// keeps the website's language, the language to contact the person in and the interpreter need,
// with the consent in the words they read; the team's email, the queue and the case say so; and
// the managers' report counts self-assessments and hand-offs by language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings } from '../../src/config/targets.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { goalCounts } from '../../src/server/analytics/goals.ts';
import { listQueue } from '../../src/server/casework/queue.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { getHandoffByReference } from '../../src/server/handoffs/handoff-record.ts';
import { unsentMessages } from '../../src/server/notify/outbox.ts';
import { metricDefinitions, refreshCaseMetrics } from '../../src/server/reporting/case-metrics.ts';
import { readManagerReports } from '../../src/server/reporting/manager-reports.ts';
import { startDraft, updateDraft } from '../../src/server/self-assessment/drafts.ts';
import { confirmAnswers, recordCompletion, submitAnswer } from '../../src/server/self-assessment/questionnaire.ts';
import { createHandoff } from '../../src/server/self-assessment/send-handoff.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';
import { MODERATE_RENTER } from '../support/answers.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;
  let manager: Actor;
  const lifetimes = { draftIdleHours: 4, savedDraftDays: 7, ring };
  const now = new Date('2026-12-07T10:00:00Z');

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options');
    manager = await insertStaff(t.db, 'manager', 'service-management');
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  it('keeps a Polish self-assessment’s language, contact language and interpreter need with its hand-off, and says so', async () => {
    const { draft } = await startDraft(t.db, now, lifetimes);
    // A mistake is explained in the language of the page.
    const refused = await submitAnswer(t.db, draft, { step: 'danger', raw: undefined, changing: false, locale: 'pl' }, now, lifetimes);
    expect(refused).toMatchObject({
      ok: false,
      error: 'Zaznacz „Tak”, jeśli grozi Ci niebezpieczeństwo lub boisz się osoby, z którą mieszkasz',
    });
    let current = refused.draft;
    for (const [step, raw] of MODERATE_RENTER) {
      const outcome = await submitAnswer(t.db, current, { step, raw, changing: false, locale: 'pl' }, now, lifetimes);
      if (!outcome.ok) throw new Error(`${step}: ${outcome.error}`);
      current = outcome.draft;
    }
    current = (await confirmAnswers(t.db, current, now, lifetimes)).draft;
    current = await recordCompletion(t.db, current, now, lifetimes, undefined, 'pl');
    current = await updateDraft(
      t.db,
      current,
      {
        ...current.state,
        handoff: {
          serviceId: 'housing-options',
          contact: { name: 'Anna Przykładowa', phone: '07700900123', email: '', preferred: 'phone', language: 'pl', interpreter: true },
          safety: { voicemailOk: false, safeTimes: ['morning'], notes: '' },
        },
      },
      now,
      lifetimes,
    );
    const { handoff } = await createHandoff(t.db, current, now, lifetimes, serviceRules, 'pl');

    const stored = (await getHandoffByReference(t.db, handoff.reference, ring))!;
    expect(stored.siteLanguage).toBe('pl');
    expect(stored.contact).toMatchObject({ language: 'pl', interpreter: true });
    // What the person agreed to is kept in the words they read.
    expect(stored.consentText).toMatch(/^Zgadzam się, aby Harrowmere Borough Council przekazał moje odpowiedzi/);

    const mail = (await unsentMessages(t.db, ring)).find((m) => m.subject.includes(handoff.reference))!;
    expect(mail.body_text).toContain('Language: Polish, interpreter needed');
    const [row] = (await listQueue(t.db, adviser, {}, now, serviceRules, ring)).rows;
    expect(row).toMatchObject({ reference: handoff.reference, languageNeed: 'Polish, interpreter needed' });

    const counts = Object.fromEntries((await goalCounts(t.db, '2026-12-07', '2026-12-07')).map((c) => [c.goal, c.count]));
    expect(counts).toMatchObject({ completed: 1, 'language:pl': 1 });
    expect(counts['language:en']).toBeUndefined();
  });

  it('counts hand-offs by the website’s language and by the language to contact them in, with the interpreters needed', async () => {
    const settings = reportSettings();
    const definitions = metricDefinitions(
      settings.targets,
      settings.casework.outcomes.map((o) => o.code),
    );
    for (let i = 0; i < 6; i += 1) await insertHandoff(t.db, { createdAt: now, language: 'pl', interpreter: i < 5 });
    for (let i = 0; i < 5; i += 1) await insertHandoff(t.db, { createdAt: now, language: 'ur' });
    // Someone who used the English website but wants to be spoken to in Romanian, through an interpreter.
    for (let i = 0; i < 5; i += 1) await insertHandoff(t.db, { createdAt: now, contactLanguage: 'ro', interpreter: true });
    for (let i = 0; i < 7; i += 1) await insertHandoff(t.db, { createdAt: now });
    await refreshCaseMetrics(t.db, ring, new Date(now.getTime() + 600_000), definitions);

    const reports = await readManagerReports(t.db, manager, { from: '2026-12-01', to: '2026-12-07' }, settings);
    const cells = (id: 'languages' | 'contact-languages') => reports.tables[id].rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]);
    expect(cells('languages')).toEqual([
      ['English', '0', '12'],
      ['Polish', '0', '6'],
      ['Urdu', '0', '5'],
    ]);
    expect(cells('contact-languages')).toEqual([
      ['English', '7', '0'],
      ['Polish', '6', '5'],
      ['Romanian', '5', '5'],
      ['Urdu', '5', '0'],
    ]);
  });
});
