// Encryption at rest, on both databases: a person's answers, contact details and safety notes are
// nowhere readable in the database, staff still find the case by reference, phone, email or a
// whole name word, a value moved to another row does not open, `npm run keys:rotate` moves every
// row to a new key (and a missing key is a clear error), and rows written before encryption are
// sealed at start-up.
import { execFile } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { Kysely, type CompiledQuery } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from '../../db/migrations/index.ts';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataKeyring } from '../../src/config/data-keys.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { selfAssessment } from '../../src/config/self-assessment.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { listQueue } from '../../src/server/casework/queue.ts';
import { addNote, claimCase, closeCase } from '../../src/server/casework/case-actions.ts';
import { openCase } from '../../src/server/casework/case-record.ts';
import { recordFollowUp } from '../../src/server/casework/follow-ups.ts';
import { savePlan } from '../../src/server/casework/plans.ts';
import { makeReferral } from '../../src/server/casework/referrals.ts';
import { dueParts } from '../../src/domain/casework/plan.ts';
import { seedDirectory } from '../../src/server/directory/seed-directory.ts';
import { demoDirectory, taxonomy } from '../../src/config/directory.ts';
import { sqliteDialect } from '../../src/server/db/dialects/sqlite.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { makeHandoff } from '../../src/server/handoffs/create-handoff.ts';
import { toHandoff } from '../../src/server/handoffs/handoff-record.ts';
import { rotateDataKeys, rowsToRotate } from '../../src/server/security/secrets/key-rotation.ts';
import { SEALED_TABLES, type SealedTableName } from '../../src/server/security/secrets/sealed-tables.ts';
import { SealedFieldError } from '../../src/server/security/secrets/sealing.ts';
import { findDraftBySession, startDraft, updateDraft } from '../../src/server/self-assessment/drafts.ts';
import { startUp } from '../../src/server/startup.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { everything } from '../support/every-row.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { ring } from '../support/keys.ts';

const now = new Date('2027-01-12T11:00:00Z');
const lifetimes = { draftIdleHours: 4, savedDraftDays: 7, ring };
const person = {
  name: 'Zoë Quillfeather',
  phone: '07700 900 457',
  email: 'zoe.quillfeather@mail.example',
  notes: 'Partner reads my texts after six',
};

/** A rotation report: these counts, every other sealed table none. */
const rows = (counts: Partial<Record<SealedTableName, number>>) => ({
  ...(Object.fromEntries(SEALED_TABLES.map((spec) => [spec.table, 0])) as Record<SealedTableName, number>),
  ...counts,
});

/** The keyring after a new key was put first in DATA_KEYS, the development key kept after it to read older rows. */
function withNewKey(keyIds: Array<'2027-01' | 'dev'>): DataKeyring {
  const all = new Map([
    ['2027-01', Buffer.alloc(32, 9)],
    ['dev', ring.keys.get('dev')!],
  ]);
  return { currentId: keyIds[0]!, keys: new Map(keyIds.map((id) => [id, all.get(id)!])), lookupKey: ring.lookupKey, development: false };
}

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options');
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  async function handOff(): Promise<string> {
    const service = selfAssessment.services.find((s) => s.id === 'housing-options')!;
    const made = await t.db.transaction().execute((trx) =>
      makeHandoff(
        trx,
        {
          service,
          answers: { danger: 'no', tonight: 'yes', homeType: 'privateRenter', noticeReceived: 'section21' },
          need: { level: 'high', label: 'High', planStepIds: ['section-21'], domains: ['housing'] },
          contact: { name: person.name, phone: person.phone, email: person.email, preferred: 'phone' },
          safety: { voicemailOk: false, safeTimes: ['morning'], notes: person.notes },
          consentText: 'I agree.',
          receivedAt: now,
        },
        serviceRules,
        ring,
      ),
    );
    return made.id;
  }

  const found = async (text: string) =>
    (await listQueue(t.db, adviser, { text }, now, serviceRules, ring)).rows.map((row) => row.contactName);

  it('keeps no answer, contact detail or safety note readable anywhere in the database, and reads them back whole', async () => {
    const id = await handOff();
    // A person part-way through, their contact details in the draft.
    const { token, draft } = await startDraft(t.db, now, lifetimes);
    await updateDraft(
      t.db,
      draft,
      {
        answers: { danger: 'no' },
        confirmed: false,
        handoff: { contact: { name: person.name, phone: person.phone, email: '', preferred: 'phone' } },
      },
      now,
      lifetimes,
    );

    const dump = JSON.stringify(await everything(t.db, dialect));
    for (const secret of [
      person.name,
      'Quillfeather',
      '07700 900 457',
      '07700900457',
      person.email,
      person.notes,
      'privateRenter',
      'section21"',
    ]) {
      expect(dump, secret).not.toContain(secret);
    }
    const row = await t.db.selectFrom('handoff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.data_key_id).toBe(ring.currentId);
    expect(toHandoff(row, ring)).toMatchObject({
      answers: { danger: 'no', homeType: 'privateRenter' },
      contact: { name: person.name, phone: person.phone, email: person.email },
      safety: { safeTimes: ['morning'], notes: person.notes },
    });
    expect((await findDraftBySession(t.db, token, now, ring))!.state.handoff?.contact?.name).toBe(person.name);
  });

  it('finds the case by phone or email however typed, or a whole word of the name, and by nothing less', async () => {
    await handOff();
    await insertHandoff(t.db, { createdAt: now, name: 'Zoe Other', phone: '07700 900 999', email: 'other@mail.example' });
    for (const text of [
      '07700900457',
      '+44 7700 900457',
      '(07700) 900-457',
      'ZOE.QUILLFEATHER@mail.example',
      ' zoe.quillfeather@MAIL.EXAMPLE ',
      'quillfeather',
      'Zoe Quillfeather',
      'QUILLFEATHER zoë',
    ]) {
      expect(await found(text), text).toEqual([person.name]);
    }
    expect((await found('zoe')).sort()).toEqual([person.name, 'Zoe Other'].sort());
    for (const text of ['quill', 'feather', '07700 900', 'quillfeather@mail.example', '07700 900 458', '!!']) {
      expect(await found(text), text).toEqual([]);
    }
  });

  it('refuses a sealed value moved to another row or changed, saying where', async () => {
    const id = await handOff();
    const other = await insertHandoff(t.db, { createdAt: now, name: 'Sam Other' });
    const source = await t.db.selectFrom('handoff').select('contact_name').where('id', '=', id).executeTakeFirstOrThrow();
    await t.db.updateTable('handoff').set({ contact_name: source.contact_name }).where('id', '=', other).execute();
    const moved = await t.db.selectFrom('handoff').selectAll().where('id', '=', other).executeTakeFirstOrThrow();
    expect(() => toHandoff(moved, ring)).toThrow(
      new SealedFieldError(
        `handoff.contact_name of ${other} does not open with key "dev": it was changed, moved, or sealed under another key with that id.`,
      ),
    );
  });

  it('moves every row to a new key with keys:rotate, stopping and starting as it likes; a key left out is named', async () => {
    const id = await handOff();
    for (let i = 0; i < 5; i += 1) await insertHandoff(t.db, { createdAt: now, name: `Person ${i}` });
    const { token, draft } = await startDraft(t.db, now, lifetimes);
    await updateDraft(t.db, draft, { answers: { danger: 'no' }, confirmed: false }, now, lifetimes);
    // The adviser's work on the case: taken (1 timeline entry), a note (1), a plan (1 and its entry),
    // a referral (1, its entry, and the partner's email), and a follow-up's notes (1 and its entry;
    // the closing's entry makes 6, its other follow-up has no notes to seal).
    await seedDirectory(t.db, demoDirectory, taxonomy, now);
    await claimCase(t.db, adviser, id, now, ring);
    await addNote(t.db, adviser, id, { kind: 'note', text: 'Rang her landlord' }, now, serviceRules, ring);
    const planRow = { area: 'housing', goal: 'Stay put', action: 'Ask for time', owner: 'person', partner: '', status: 'to_do' };
    await savePlan(t.db, adviser, id, [{ ...planRow, ...dueParts('2027-02-01') }], now, ring);
    await makeReferral(t.db, adviser, id, { serviceId: 'council-money-advice', reason: 'Arrears', consentToShare: true }, now, ring);
    await closeCase(t.db, adviser, id, { reason: 'Plan completed', clientGroups: [] }, now, serviceRules, ring);
    const followUp = await t.db.selectFrom('follow_up').select('id').orderBy('months_after').executeTakeFirstOrThrow();
    await recordFollowUp(
      t.db,
      adviser,
      followUp.id,
      { stillHoused: 'yes', inWorkOrTraining: 'no', financiallySecure: 'no', notes: 'Settled' },
      now,
      ring,
    );

    const next = withNewKey(['2027-01', 'dev']);
    // The emails about the hand-off and the referral wait in the outbox, their addresses sealed too.
    const sealed = rows({
      handoff: 6,
      assessment_draft: 1,
      outbox_message: 2,
      case_event: 6,
      case_plan_version: 1,
      referral: 1,
      follow_up: 1,
    });
    expect(await rowsToRotate(t.db, next)).toEqual(sealed);
    // Small batches, as a long run would have: every row is moved once.
    expect(await rotateDataKeys(t.db, next, { batchSize: 2 })).toEqual(sealed);
    expect(await rowsToRotate(t.db, next)).toEqual(rows({}));
    expect(await rotateDataKeys(t.db, next)).toEqual(rows({}));

    // Only the new key is needed now; the old one alone no longer opens anything.
    const onlyNew = withNewKey(['2027-01']);
    const row = await t.db.selectFrom('handoff').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(toHandoff(row, onlyNew).contact).toMatchObject({ name: person.name, email: person.email });
    expect((await findDraftBySession(t.db, token, now, onlyNew))!.state.answers).toEqual({ danger: 'no' });
    const record = await openCase(t.db, adviser, id, now, serviceRules, onlyNew);
    expect(record.events.map((e) => e.detail)).toContain('Rang her landlord');
    expect(record.plan!.items[0]!.goal).toBe('Stay put');
    expect(record.referrals[0]!.reason).toBe('Arrears');
    expect(record.followUps[0]!.notes).toBe('Settled');
    expect(() => toHandoff(row, ring)).toThrow(
      `handoff.answers of ${id} is encrypted under key "2027-01", which DATA_KEYS does not list. Add it back (after the current key) and run npm run keys:rotate.`,
    );
    // The lookups did not change: the (closed) case is still found by phone.
    const search = { text: '07700900457', status: 'all' };
    expect((await listQueue(t.db, adviser, search, now, serviceRules, onlyNew)).rows.map((r) => r.id)).toEqual([id]);
  });

  it('seals rows written before encryption at start-up, after which they are found and read as before', async () => {
    const id = await insertHandoff(t.db, { createdAt: now, name: 'Old Plain', phone: '07700 900 321' });
    // As the row was before this change: plain values, no key, no lookups.
    await t.db
      .updateTable('handoff')
      .set({
        contact_name: 'Old Plain',
        contact_phone: '07700 900 321',
        answers: '{"danger":"no"}',
        safe_times: '["morning"]',
        safety_notes: null,
        data_key_id: null,
        contact_phone_hash: null,
        contact_name_words: null,
      })
      .where('id', '=', id)
      .execute();
    expect(toHandoff(await t.db.selectFrom('handoff').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), ring).contact.name).toBe(
      'Old Plain',
    );
    expect(await found('Plain')).toEqual([]);

    const report = await startUp(t.db, { demoMode: false }, serviceRules, ring);
    expect(report.sealed).toEqual(rows({ handoff: 1 }));
    expect(JSON.stringify(await everything(t.db, dialect))).not.toContain('Old Plain');
    expect(await found('plain')).toEqual(['Old Plain']);
    expect(await found('07700900321')).toEqual(['Old Plain']);
    expect((await startUp(t.db, { demoMode: false }, serviceRules, ring)).sealed).toEqual(rows({}));
  });

  it('seals case notes, plans, referrals and follow-up notes written before they were sealed, at start-up, and reads them as before', async () => {
    await seedDirectory(t.db, demoDirectory, taxonomy, now);
    const id = await insertHandoff(t.db, { createdAt: now, name: 'Old Case' });
    const at = now.toISOString();
    // As the rows were before: plain, with no key (a plan version's id as the migration gave it).
    await t.db
      .insertInto('case_event')
      .values({
        id: 'e1',
        handoff_id: id,
        kind: 'note',
        summary: 'Note',
        detail: 'Old note about Bramblecote',
        staff_id: adviser.id,
        created_at: at,
      })
      .execute();
    const items = [
      {
        area: 'housing',
        goal: 'Old goal at Bramblecote',
        action: 'Old action',
        owner: 'person',
        partner: null,
        dueOn: '2027-02-01',
        status: 'to_do',
      },
    ];
    await t.db
      .insertInto('case_plan_version')
      .values({ id: `${id}:1`, handoff_id: id, version: 1, items: JSON.stringify(items), created_by: adviser.id, created_at: at })
      .execute();
    await t.db
      .insertInto('referral')
      .values({
        id: 'r1',
        handoff_id: id,
        service_id: 'council-money-advice',
        reason: 'Old reason at Bramblecote',
        status: 'declined',
        decline_reason: 'Old decline at Bramblecote',
        result: null,
        created_by: adviser.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.db
      .insertInto('follow_up')
      .values({
        id: 'f1',
        handoff_id: id,
        months_after: 3,
        due_on: '2027-04-12',
        still_housed: 1,
        in_work_or_training: 0,
        notes: 'Old follow-up at Bramblecote',
        recorded_by: adviser.id,
        recorded_at: at,
      })
      .execute();
    expect(JSON.stringify(await everything(t.db, dialect))).toContain('Bramblecote');

    const report = await startUp(t.db, { demoMode: false }, serviceRules, ring);
    expect(report.sealed).toEqual(rows({ case_event: 1, case_plan_version: 1, referral: 1, follow_up: 1 }));
    expect(JSON.stringify(await everything(t.db, dialect))).not.toContain('Bramblecote');
    const record = await openCase(t.db, adviser, id, now, serviceRules, ring);
    expect(record.events[0]!.detail).toBe('Old note about Bramblecote');
    expect(record.plan!.items[0]!.goal).toBe('Old goal at Bramblecote');
    expect(record.referrals[0]).toMatchObject({ reason: 'Old reason at Bramblecote', declineReason: 'Old decline at Bramblecote' });
    expect(record.followUps[0]!.notes).toBe('Old follow-up at Bramblecote');
  });

  it('gives each plan version written before sealing an id of its own, and its migration goes down and up again', async () => {
    const id = await insertHandoff(t.db, { createdAt: now });
    const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
    expect((await migrator.migrateTo('2026-12-06-022-sealed-outbox-address')).error).toBeUndefined();
    const before = t.db as unknown as Kysely<any>;
    for (const version of [1, 2])
      await before
        .insertInto('case_plan_version')
        .values({ handoff_id: id, version, items: '[]', created_by: adviser.id, created_at: now.toISOString() })
        .execute();
    await migrateToLatest(t.db);
    expect(await t.db.selectFrom('case_plan_version').select(['id', 'data_key_id']).orderBy('version').execute()).toEqual([
      { id: `${id}:1`, data_key_id: null },
      { id: `${id}:2`, data_key_id: null },
    ]);
    await expect(
      t.db
        .insertInto('case_plan_version')
        .values({ id: `${id}:1`, handoff_id: id, version: 3, items: '[]', created_by: adviser.id, created_at: now.toISOString() })
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });

  it('lists every table holding a sealed column, with its key column', async () => {
    for (const spec of SEALED_TABLES) {
      const columns = (await t.db.introspection.getTables()).find((table) => table.name === spec.table)!.columns.map((c) => c.name);
      expect(columns, spec.table).toEqual(expect.arrayContaining(['id', 'data_key_id', ...spec.columns]));
    }
  });
});

describe('npm run keys:rotate', () => {
  it('re-encrypts a SQLite database under the key DATA_KEYS lists first, and says when older keys can go', async () => {
    const t = await tempDatabase('sqlite');
    try {
      await migrateToLatest(t.db);
      await insertHandoff(t.db, { createdAt: now, name: 'Rota Person' });
      const newKey = Buffer.alloc(32, 9).toString('base64');
      const devKey = ring.keys.get('dev')!.toString('base64');
      const env = {
        ...process.env,
        DATABASE_URL: `file:${t.filename}`,
        DATA_KEYS: `2027-01:${newKey},dev:${devKey}`,
        LOOKUP_KEY: ring.lookupKey.toString('utf8'),
      };
      const { stdout } = await promisify(execFile)(process.execPath, ['scripts/keys-rotate.ts'], { env });
      expect(stdout).toContain(
        're-encrypted under key "2027-01": 1 in handoff, 0 in assessment_draft, 0 in advert_interest, 0 in staff_user, 0 in outbox_message, ' +
          '0 in case_event, 0 in case_plan_version, 0 in referral, 0 in follow_up, 0 in health_check, 0 in posted_pack_request, ' +
          '0 in share_code, 0 in share_view.',
      );
      expect(stdout).toContain('Every row is under "2027-01": keys other than the first can now be removed from DATA_KEYS.');
      expect((await t.db.selectFrom('handoff').select('data_key_id').execute()).map((r) => r.data_key_id)).toEqual(['2027-01']);
      const refused = await promisify(execFile)(process.execPath, ['scripts/keys-rotate.ts', '--everything'], { env }).catch(
        (error: { stderr: string; code: number }) => error,
      );
      expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('Unknown option --everything.') });
    } finally {
      await t.cleanUp();
    }
  }, 60_000);
});

// SQLite's plans can be read here (PostgreSQL's depend on its statistics: npm run bench:scale
// times a start-up at 100,000 hand-offs on both).
describe('start-up on a database where every row is sealed', () => {
  it('looks for rows still to seal, or queue columns still to fill, only along indexes that hold just those rows', async () => {
    const t = await tempDatabase('sqlite');
    try {
      await migrateToLatest(t.db);
      for (let i = 0; i < 30; i += 1) await insertHandoff(t.db, { createdAt: now, name: `Person ${i}` });
      await insertStaff(t.db, 'adviser', 'housing-options');
      const queries: CompiledQuery[] = [];
      const logged = new Kysely<Database>({ dialect: sqliteDialect(t.filename), log: (event) => void queries.push(event.query) });
      expect((await startUp(logged, { demoMode: false }, serviceRules, ring)).sealed).toEqual(rows({}));
      await logged.destroy();
      const sqlite = new SQLite(t.filename, { readonly: true });
      const plans = queries
        .filter((q) => /^select/i.test(q.sql) && SEALED_TABLES.some((spec) => q.sql.includes(`from "${spec.table}"`)))
        .map((q) => ({
          sql: q.sql,
          plan: sqlite
            .prepare(`explain query plan ${q.sql}`)
            .all(...(q.parameters as unknown[]))
            .map((r) => (r as { detail: string }).detail)
            .join('; '),
        }));
      sqlite.close();
      // Each sealed table once (rows to seal), the hand-offs twice (queue columns to fill too).
      expect(plans.map((p) => p.sql.match(/from "(\w+)"/)![1]).sort()).toEqual(
        [...SEALED_TABLES.map((spec) => spec.table), 'handoff'].sort(),
      );
      for (const { sql, plan } of plans)
        expect(plan, sql).toMatch(/USING (COVERING )?INDEX (\w+_not_sealed|handoff_queue_\w+ \(queue_band=\?)/);
    } finally {
      await t.cleanUp();
    }
  });
});
