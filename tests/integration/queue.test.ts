// The hand-off queue sorted, filtered and paged in SQL, on each database: every page together is
// the whole queue in the documented order (checked against the order worked out in TypeScript
// from each full row), "overdue" is today's line on the stored due date, and the stored deadline
// follows every stage change.
import SQLite from 'better-sqlite3';
import { Kysely, type CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceRules } from '../../src/config/service-rules.ts';
import { NEED_LEVELS } from '../../src/domain/casework/statuses.ts';
import { pageRequest } from '../../src/domain/paging.ts';
import type { Actor } from '../../src/domain/staff/permissions.ts';
import { claimCase, closeCase, completeStage } from '../../src/server/casework/case-actions.ts';
import { deadlineFor } from '../../src/server/casework/case-access.ts';
import { listQueue, type QueueFilter } from '../../src/server/casework/queue.ts';
import { sqliteDialect } from '../../src/server/db/dialects/sqlite.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { refreshQueueColumns } from '../../src/server/handoffs/queue-columns.ts';
import { startUp } from '../../src/server/startup.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';
import { ring } from '../support/keys.ts';

const now = new Date('2027-01-12T11:00:00Z'); // a Tuesday
const rules = serviceRules;

/** Every page of the queue, one after another. */
async function allPages(db: TempDatabase['db'], actor: Actor, filter: QueueFilter, pageSize: number) {
  const first = await listQueue(db, actor, filter, now, rules, ring, pageRequest(1, pageSize));
  const pages = [first];
  for (let page = 2; page <= first.pageCount; page += 1)
    pages.push(await listQueue(db, actor, filter, now, rules, ring, pageRequest(page, pageSize)));
  return pages;
}

/** The documented order, worked out in memory from whole rows (the old way): the oracle. */
async function expectedOrder(db: TempDatabase['db'], only: (state: string, late: boolean) => boolean = () => true) {
  const rows = await db
    .selectFrom('handoff')
    .selectAll()
    .where('status', '<>', 'closed')
    .where('team_id', '=', 'housing-options')
    .execute();
  const keyed = rows.map((row) => {
    const deadline = deadlineFor(row, now, rules);
    const state = deadline?.dueAt ? 'urgent' : deadline?.state === 'overdue' ? 'overdue' : deadline ? 'running' : 'none';
    const band = ['urgent', 'overdue', 'running', 'none'].indexOf(state);
    return {
      row,
      state,
      late: deadline?.state === 'overdue',
      key: [
        band,
        band === 0 ? deadline!.dueAt! : String(NEED_LEVELS.indexOf(row.need_level)),
        band === 0 || band === 3 ? '' : deadline!.dueOn,
        row.created_at,
        row.id,
      ],
    };
  });
  const compare = (a: string[], b: string[]) => a.map((x, i) => (x < b[i]! ? -1 : x > b[i]! ? 1 : 0)).find((c) => c !== 0) ?? 0;
  return keyed
    .filter((k) => only(k.state, k.late))
    .sort((a, b) => compare(a.key.map(String), b.key.map(String)))
    .map((k) => k.row.id);
}

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let adviser: Actor;

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    adviser = await insertStaff(t.db, 'adviser', 'housing-options', { name: 'Priya' });
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  /** 130 hand-offs received over the last six weeks, of every need; some emergencies; some worked on. */
  async function fillQueue() {
    const ids: string[] = [];
    for (let i = 0; i < 130; i += 1) {
      const createdAt = new Date(now.getTime() - (i * 7 + 3) * 3_600_000);
      const needLevel = NEED_LEVELS[i % 4]!;
      const urgentContactBy = i % 17 === 0 ? new Date(createdAt.getTime() + 4 * 3_600_000).toISOString() : undefined;
      ids.push(await insertHandoff(t.db, { createdAt, needLevel, urgentContactBy, name: `Person ${i}` }));
    }
    // Some further on: acknowledged (appointment stage running), and every stage done.
    for (const id of ids.slice(20, 30)) {
      await claimCase(t.db, adviser, id, now, ring);
      await completeStage(t.db, adviser, id, 'acknowledge', '', new Date('2027-01-04T10:00:00Z'), rules, ring);
    }
    for (const id of ids.slice(30, 33)) {
      await claimCase(t.db, adviser, id, now, ring);
      await completeStage(t.db, adviser, id, 'acknowledge', '', now, rules, ring);
      await completeStage(t.db, adviser, id, 'appointment', '', now, rules, ring);
      await completeStage(t.db, adviser, id, 'information', '', now, rules, ring);
    }
    await claimCase(t.db, adviser, ids[40]!, now, ring);
    await closeCase(t.db, adviser, ids[40]!, { reason: 'Plan completed', clientGroups: [] }, now, rules, ring);
    // Another team's hand-offs are not in this team's queue.
    await insertHandoff(t.db, { createdAt: now, teamId: 'jet-centre', serviceId: 'jet-centre' });
    return ids;
  }

  it('pages through the whole queue in the documented order, saying how many in all', async () => {
    await fillQueue();
    const pages = await allPages(t.db, adviser, {}, 50);
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 29]);
    expect(pages.every((p) => p.total === 129 && p.pageCount === 3)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(await expectedOrder(t.db));
    // The first rows are the emergencies waiting for contact, then the overdue.
    expect(pages[0]!.rows[0]!.deadline?.dueAt).toBeDefined();
    // A page past the last (an old bookmark) shows the last page; odd page sizes are bounded.
    const past = await listQueue(t.db, adviser, {}, now, rules, ring, pageRequest(99, 50));
    expect(past).toMatchObject({ page: 3, total: 129 });
    expect(past.rows.map((r) => r.id)).toEqual(pages[2]!.rows.map((r) => r.id));
    expect(pageRequest(-3, 100_000)).toEqual({ page: 1, pageSize: 200 });
  });

  it('pages the same with other page sizes, so no row is lost or shown twice at a band boundary', async () => {
    await fillQueue();
    const expected = await expectedOrder(t.db);
    for (const size of [1, 7, 13, 128, 129, 200]) {
      const pages = await allPages(t.db, adviser, {}, size);
      expect(
        pages.flatMap((p) => p.rows.map((r) => r.id)),
        `page size ${size}`,
      ).toEqual(expected);
    }
  });

  it('filters to the overdue only: emergencies past their time, and working-day limits before today', async () => {
    await fillQueue();
    const pages = await allPages(t.db, adviser, { due: 'overdue' }, 40);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(pages.flatMap((p) => p.rows).every((r) => r.deadline?.state === 'overdue')).toBe(true);
    // Emergencies past their contact-by time come first; one received three hours ago is not yet due.
    expect(ids).toEqual(await expectedOrder(t.db, (_, late) => late));
    const emergencies = await expectedOrder(t.db, (state) => state === 'urgent');
    expect(ids.filter((id) => emergencies.includes(id)).length).toBe(emergencies.length - 1);
    // Combined with another filter, and the count agrees with the rows.
    const high = await listQueue(t.db, adviser, { due: 'overdue', needLevel: 'high' }, now, rules, ring, pageRequest(1, 200));
    expect(high.total).toBe(high.rows.length);
    expect(high.rows.every((r) => r.needLevel === 'high' && r.deadline?.state === 'overdue')).toBe(true);
  });

  it('keeps the stored deadline in step with every stage change, and closed cases out of the open queue', async () => {
    const id = await insertHandoff(t.db, { createdAt: new Date('2027-01-11T09:00:00Z'), needLevel: 'moderate' });
    const stored = () =>
      t.db
        .selectFrom('handoff')
        .select(['queue_band', 'need_rank', 'stage', 'stage_due_on', 'stage_due_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ queue_band: 2, need_rank: 2, stage: 'acknowledge', stage_due_on: '2027-01-13', stage_due_at: null });
    await claimCase(t.db, adviser, id, now, ring);
    await completeStage(t.db, adviser, id, 'acknowledge', '', now, rules, ring);
    expect(await stored()).toMatchObject({ queue_band: 2, stage: 'appointment', stage_due_on: '2027-01-14' });
    await completeStage(t.db, adviser, id, 'appointment', '', now, rules, ring);
    await completeStage(t.db, adviser, id, 'information', '', now, rules, ring);
    expect(await stored()).toMatchObject({ queue_band: 3, stage: null, stage_due_on: null });
    await closeCase(t.db, adviser, id, { reason: 'Plan completed', clientGroups: [] }, now, rules, ring);
    expect(await stored()).toMatchObject({ queue_band: 4, stage: null });
    expect((await listQueue(t.db, adviser, {}, now, rules, ring)).total).toBe(0);
    expect((await listQueue(t.db, adviser, { status: 'closed' }, now, rules, ring)).rows.map((r) => r.id)).toEqual([id]);
    expect((await listQueue(t.db, adviser, { status: 'all' }, now, rules, ring)).total).toBe(1);
    expect((await listQueue(t.db, adviser, { status: 'closed', due: 'overdue' }, now, rules, ring)).total).toBe(0);
  });

  it('fills in rows made before the columns existed at start-up, so none drop out of the queue', async () => {
    const ids = await fillQueue();
    const expected = await expectedOrder(t.db);
    await t.db
      .updateTable('handoff')
      .set({ queue_band: null, need_rank: null, stage: null, stage_due_on: null, stage_due_at: null })
      .execute();
    expect((await listQueue(t.db, adviser, {}, now, rules, ring)).total).toBe(0);
    await startUp(t.db, { demoMode: false }, rules, ring);
    const pages = await allPages(t.db, adviser, {}, 50);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
    // The daily job changes nothing when nothing has changed, and is safe to run again.
    expect(await refreshQueueColumns(t.db, rules, 'open')).toBe(0);
    expect(ids).toHaveLength(130);
  });

  // SQLite's plans can be read here; PostgreSQL's depend on its statistics (see npm run bench:scale).
  if (dialect === 'sqlite') {
    it('reads every band along its index, without sorting or visiting skipped rows', async () => {
      await fillQueue();
      const queries: CompiledQuery[] = [];
      const logged = new Kysely<Database>({ dialect: sqliteDialect(t.filename), log: (event) => void queries.push(event.query) });
      for (const [filter, page] of [
        [{}, 1],
        [{}, 2],
        [{ due: 'overdue' }, 1],
        [{ needLevel: 'high' }, 1],
      ] as const) {
        await listQueue(logged, adviser, filter, now, rules, ring, pageRequest(page, 50));
      }
      await logged.destroy();
      const sqlite = new SQLite(t.filename, { readonly: true });
      const plans = queries
        // The page's rows (and their partners' answers) are then read by id, along the primary key and referral_handoff.
        .filter((q) => !q.sql.includes('"handoff"."id" in (') && !q.sql.includes('"referral"."handoff_id" in ('))
        .map((q) => ({
          sql: q.sql,
          plan: sqlite
            .prepare(`explain query plan ${q.sql}`)
            .all(...(q.parameters as unknown[]))
            .map((r) => (r as { detail: string }).detail)
            .join('; '),
        }));
      sqlite.close();
      expect(plans.length).toBeGreaterThan(10);
      for (const { sql, plan } of plans) {
        expect(plan, sql).toMatch(/USING COVERING INDEX handoff_queue_(urgent|order|due)/);
        expect(plan, sql).not.toMatch(/TEMP B-TREE/);
      }
    });
  }

  it('moves deadlines when the council adds a bank holiday, through the daily job', async () => {
    const id = await insertHandoff(t.db, { createdAt: new Date('2027-01-11T09:00:00Z'), needLevel: 'high' });
    const holiday = { ...rules, bankHolidays: new Set([...rules.bankHolidays, '2027-01-12']) };
    expect(await refreshQueueColumns(t.db, holiday, 'open')).toBe(1);
    const row = await t.db.selectFrom('handoff').select(['stage_due_on']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.stage_due_on).toBe('2027-01-14');
  });
});
