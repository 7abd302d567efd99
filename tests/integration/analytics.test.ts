// Counting visits without cookies, on both databases: the weekly salt every instance shares, one
// count per visitor per week, what is never counted, what is never stored, and the job that
// forgets a week once it is over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { serviceRules } from '../../src/config/service-rules.ts';
import { reportSettings } from '../../src/config/targets.ts';
import { readSettings } from '../../src/config/settings.ts';
import { weekEndsAt } from '../../src/domain/analytics/weeks.ts';
import { MAX_NEW_VALUES_PER_DAY, OTHER } from '../../src/domain/analytics/rollup.ts';
import { recordVisits } from '../../src/server/analytics/record-visits.ts';
import { countVisit, type Counter, type VisitRequest } from '../../src/server/analytics/count-request.ts';
import { answerEventRequest } from '../../src/server/analytics/event-http.ts';
import { WeeklySalts } from '../../src/server/analytics/salts.ts';
import { VisitBatcher } from '../../src/server/analytics/visit-batcher.ts';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import type { AppDatabase } from '../../src/server/db/open-database.ts';
import { runJob } from '../../src/server/jobs/schedule.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

const ADDRESS = '203.0.113.77';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 TestVisitor/9f3a';
const SITE = 'housing.example';

const body = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ n: 'pageview', u: `https://${SITE}/homes?code=SECRET-1`, d: SITE, r: null, w: 400, ...over });

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  let counter: Counter;
  // Wednesday 2 December 2026, 10:00 in England.
  const now = new Date('2026-12-02T10:00:00Z');
  const request = (over: Partial<VisitRequest> = {}): VisitRequest => ({
    event: { body: body() },
    address: ADDRESS,
    host: SITE,
    userAgent: BROWSER,
    purpose: null,
    staffFlag: false,
    now,
    ...over,
  });
  const counterOn = (db: AppDatabase): Counter => ({ site: SITE, salts: new WeeklySalts(db), batcher: new VisitBatcher(db) });
  const visitors = async (week: string) =>
    Number(
      (await t.db.selectFrom('weekly_visitor_count').select('visitors').where('week_start', '=', week).executeTakeFirst())?.visitors ?? 0,
    );
  const rollup = async (dimension: string, value: string) =>
    Number(
      (
        await t.db
          .selectFrom('daily_rollup')
          .select((eb) => eb.fn.sum<number>('count').as('n'))
          .where('dimension', '=', dimension)
          .where('value', '=', value)
          .executeTakeFirst()
      )?.n ?? 0,
    );

  beforeEach(async () => {
    t = await tempDatabase(dialect);
    await migrateToLatest(t.db);
    counter = counterOn(t.db);
  });
  afterEach(() => t.cleanUp());

  it('counts a browser once a week, however many pages it views, and a new week afresh', async () => {
    for (let i = 0; i < 3; i++) expect(await countVisit(request(), counter)).toEqual({ status: 202, counted: true });
    // Another connection, or another browser on the same one, is another visitor.
    await countVisit(request({ address: '198.51.100.4' }), counter);
    await countVisit(request({ userAgent: `${BROWSER} Other` }), counter);
    expect(await visitors('2026-11-30')).toBe(3);
    expect(await rollup('pageviews', '')).toBe(5);
    expect(await rollup('page', '/homes')).toBe(5);
    // Sunday 23:59 is still this week; Monday 00:00 starts the next, with a new salt.
    await countVisit(request({ now: new Date('2026-12-06T23:59:00Z') }), counter);
    expect(await visitors('2026-11-30')).toBe(3);
    await countVisit(request({ now: new Date('2026-12-07T00:00:00Z') }), counter);
    expect(await visitors('2026-12-07')).toBe(1);
    const salts = await t.db.selectFrom('analytics_salt').select(['week_start', 'salt']).orderBy('week_start').execute();
    expect(salts.map((s) => s.week_start)).toEqual(['2026-11-30', '2026-12-07']);
    expect(Buffer.from(salts[0]!.salt).equals(Buffer.from(salts[1]!.salt))).toBe(false);
  });

  it('does not count robots, prefetches, signed-in staff, the back-office or other sites, and says why', async () => {
    const dropped = async (over: Partial<VisitRequest>) => {
      const result = await countVisit(request(over), counter);
      return result.status === 202 && !result.counted ? result.dropped : result;
    };
    expect(await dropped({ userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' })).toBe('robot');
    expect(await dropped({ userAgent: null })).toBe('robot');
    expect(await dropped({ purpose: 'prefetch' })).toBe('prefetch');
    expect(await dropped({ purpose: 'prefetch;prerender' })).toBe('prefetch');
    expect(await dropped({ staffFlag: true })).toBe('staff');
    expect(await dropped({ event: { body: body({ u: `https://${SITE}/staff/queue` }) } })).toBe('not-counted-page');
    expect(await dropped({ event: { body: body({ d: 'elsewhere.example' }) } })).toBe('other-site');
    expect(await dropped({ event: { body: body({ n: 'engagement' }) } })).toBe('engagement');
    // Spam: a name the tracker never sends, or an address that is not one of the site's pages.
    expect(await dropped({ event: { body: body({ n: 'Buy cheap pills' }) } })).toBe('not-counted-event');
    expect(await dropped({ event: { body: body({ n: 'pageview\u0000' }) } })).toBe('not-counted-event');
    expect(await dropped({ event: { body: body({ u: `https://${SITE}/buy-cheap-pills-online` }) } })).toBe('not-counted-page');
    expect(await dropped({ event: { body: body({ u: `https://${SITE}/information/%E2%80%AEsdrawkcab` }) } })).toBe('not-counted-page');
    expect(await visitors('2026-11-30')).toBe(0);
    expect(await t.db.selectFrom('daily_rollup').selectAll().execute()).toEqual([]);
  });

  it('keeps a day’s pages and sources to a few hundred names, however many a sender makes up: the rest are “Others”', async () => {
    const sources = async () =>
      (await t.db.selectFrom('daily_rollup').select(['value', 'count']).where('dimension', '=', 'source').execute()).map((r) => r.value);
    // Each visit from a new made-up site, in batches as the counter writes them.
    for (let batch = 0; batch < 3; batch += 1) {
      const visits = Array.from({ length: 250 }, (_, i) => ({
        day: '2026-12-02',
        week: '2026-11-30',
        visitor: `v${batch}-${i}`,
        name: 'pageview',
        path: '/',
        source: `spam-${batch}-${i}.example`,
        screenWidth: 400,
        script: 'on' as const,
      }));
      await recordVisits(t.db, visits);
    }
    const listed = await sources();
    expect(listed).toHaveLength(MAX_NEW_VALUES_PER_DAY + 1);
    expect(listed).toContain(OTHER);
    const others = await t.db
      .selectFrom('daily_rollup')
      .select('count')
      .where('dimension', '=', 'source')
      .where('value', '=', OTHER)
      .executeTakeFirstOrThrow();
    expect(Number(others.count)).toBe(750 - MAX_NEW_VALUES_PER_DAY);
    // Every visit is still in the day's total.
    expect(await rollup('entries', '')).toBe(750);
  });

  it('answers a bad body with 400 and what is wrong, and writes nothing', async () => {
    const counterFor = async () => counter;
    for (const bad of [
      '',
      '{',
      '[]',
      'null',
      body({ u: 'data:,x' }),
      body({ n: 7 }),
      '{"__proto__":{"n":"pageview","u":"https://housing.example/","d":"housing.example"}}',
    ]) {
      const answer = await answerEventRequest(
        {
          method: 'POST',
          url: new URL(`https://${SITE}/api/event`),
          header: (n) => (n === 'user-agent' ? BROWSER : null),
          notCounted: false,
          address: ADDRESS,
          body: bad,
          now,
        },
        await counterFor(),
      );
      expect(answer.status, bad).toBe(400);
      expect(JSON.parse(String(answer.body)).errors, bad).toBeTypeOf('object');
    }
    const tooBig = await answerEventRequest(
      {
        method: 'POST',
        url: new URL(`https://${SITE}/api/event`),
        header: () => null,
        notCounted: false,
        address: ADDRESS,
        body: null,
        now,
      },
      counter,
    );
    expect(tooBig.status).toBe(413);
    const otherSite = await answerEventRequest(
      {
        method: 'POST',
        url: new URL(`https://${SITE}/api/event`),
        header: (n) => (n === 'origin' ? 'https://evil.example' : null),
        notCounted: false,
        address: ADDRESS,
        body: body(),
        now,
      },
      counter,
    );
    expect(otherSite.status).toBe(403);
    expect(await t.db.selectFrom('daily_rollup').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('weekly_visitor').selectAll().execute()).toEqual([]);
  });

  it('counts a page seen with JavaScript off through the <noscript> image, as a view with JavaScript off', async () => {
    const answer = await answerEventRequest(
      {
        method: 'GET',
        url: new URL(`https://${SITE}/api/event?p=/contact&r=https://www.search.example`),
        header: (n) => (n === 'user-agent' ? BROWSER : null),
        notCounted: false,
        address: ADDRESS,
        body: '',
        now,
      },
      counter,
    );
    expect(answer).toMatchObject({ status: 202, headers: { 'Content-Type': 'image/gif' } });
    expect(await rollup('script', 'off')).toBe(1);
    expect(await rollup('source', 'search.example')).toBe(1);
    expect(await rollup('device', 'Not known (JavaScript off)')).toBe(1);
    // A page built ahead (no r): a view and a visitor, but not the start of a visit.
    await answerEventRequest(
      {
        method: 'GET',
        url: new URL(`https://${SITE}/api/event?p=/`),
        header: (n) => (n === 'user-agent' ? BROWSER : null),
        notCounted: false,
        address: '198.51.100.9',
        body: '',
        now,
      },
      counter,
    );
    expect(await rollup('pageviews', '')).toBe(2);
    expect(await rollup('entries', '')).toBe(1);
    expect(await visitors('2026-11-30')).toBe(2);
  });

  it('never stores the address, the user agent or the query string of a visit, in any column of any table', async () => {
    await countVisit(request({ event: { body: body({ r: 'https://referrer.example/private?who=me' }) } }), counter);
    await countVisit(request({ event: { body: body({ n: 'Download', p: { file: 'x' } }) } }), counter);
    const tables =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.db)).rows.map((r) => r.name)
        : (
            await sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(t.db)
          ).rows.map((r) => r.name);
    expect(tables).toContain('daily_rollup');
    let cells = 0;
    for (const table of tables) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
      for (const row of rows) {
        for (const value of Object.values(row)) {
          const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
          cells += 1;
          for (const secret of [ADDRESS, BROWSER, 'TestVisitor', 'SECRET-1', 'who=me']) expect(text, `${table}`).not.toContain(secret);
        }
      }
    }
    expect(cells).toBeGreaterThan(10);
  });

  it('two instances racing for a new week’s salt end up with one salt, and count the visitor once', async () => {
    const other = counterOn(t.secondInstance());
    const results = await Promise.all([
      countVisit(request(), counter),
      countVisit(request(), other),
      countVisit(request(), counter),
      countVisit(request(), other),
    ]);
    expect(results.every((r) => r.status === 202 && r.counted)).toBe(true);
    expect(await t.db.selectFrom('analytics_salt').selectAll().execute()).toHaveLength(1);
    expect(await visitors('2026-11-30')).toBe(1);
    expect(await rollup('pageviews', '')).toBe(4);
  });

  it('acknowledges a burst of visits only once each is written: every acknowledged visit is counted', async () => {
    const other = counterOn(t.secondInstance());
    const burst = Array.from({ length: 600 }, (_, i) =>
      countVisit(request({ address: `10.0.${Math.floor(i / 200)}.${i % 200}` }), i % 2 ? counter : other),
    );
    const results = await Promise.all(burst);
    expect(results.filter((r) => r.status === 202 && r.counted)).toHaveLength(600);
    expect(await visitors('2026-11-30')).toBe(600);
    expect(await rollup('pageviews', '')).toBe(600);
  });

  it('forgets a week’s salt and visitor hashes once the week is over, keeping only its count', async () => {
    await countVisit(request(), counter);
    await countVisit(request({ address: '198.51.100.4' }), counter);
    const settings = readSettings({ SECRET_KEY: 'k'.repeat(40) });
    // Before the week ends: nothing goes.
    expect(
      await runJob(
        'analytics-weeks',
        { db: t.db, settings, rules: serviceRules, reports: reportSettings() },
        new Date(weekEndsAt('2026-11-30').getTime() - 1000),
      ),
    ).toMatch(/^0 ended weeks/);
    expect(await t.db.selectFrom('analytics_salt').selectAll().execute()).toHaveLength(1);
    // Just after: the salt and the hashes are gone; the week's count stays.
    expect(
      await runJob('analytics-weeks', { db: t.db, settings, rules: serviceRules, reports: reportSettings() }, weekEndsAt('2026-11-30')),
    ).toBe("1 ended weeks' salts and 2 visitor hashes deleted");
    expect(await t.db.selectFrom('analytics_salt').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('weekly_visitor').selectAll().execute()).toEqual([]);
    expect(await visitors('2026-11-30')).toBe(2);
  });
});
