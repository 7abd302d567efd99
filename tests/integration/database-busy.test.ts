// "The database is busy" is told apart from a fault, on both databases, with real lock waits:
// what src/middleware.ts answers 503 with Retry-After instead of a failure.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { isDatabaseBusy } from '../../src/server/db/busy.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

let t: TempDatabase | undefined;
afterEach(async () => {
  await t?.cleanUp();
  t = undefined;
});

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the work to fail');
}

describe.each(DIALECTS)('on %s', (dialect) => {
  it('a write that waited past the lock is "busy"; a broken query is not', async () => {
    t = await tempDatabase(dialect);
    const { db } = t;
    await sql`create table thing (id integer primary key, name text)`.execute(db);
    expect(isDatabaseBusy(await failureOf(sql`select * from no_such_table`.execute(db)))).toBe(false);

    let busy: unknown;
    if (dialect === 'sqlite') {
      // Another process holds the write lock; this one waits (briefly, here) and gives up.
      const other = new SQLite(t.filename);
      other.exec('begin immediate');
      const impatient = new SQLite(t.filename);
      impatient.pragma('busy_timeout = 50');
      try {
        busy = (() => {
          try {
            impatient.prepare("insert into thing (name) values ('a')").run();
          } catch (error) {
            return error;
          }
          throw new Error('expected the write to wait and fail');
        })();
      } finally {
        other.exec('rollback');
        other.close();
        impatient.close();
      }
    } else {
      const other = t.secondInstance();
      await sql`insert into thing (id, name) values (1, 'a')`.execute(db);
      busy = await db.transaction().execute(async (holding) => {
        await sql`select * from thing where id = 1 for update`.execute(holding);
        return failureOf(
          other.transaction().execute(async (waiting) => {
            await sql`set local lock_timeout = '50ms'`.execute(waiting);
            await sql`update thing set name = 'b' where id = 1`.execute(waiting);
          }),
        );
      });
    }
    expect(isDatabaseBusy(busy)).toBe(true);
    // Wrapped by whatever called it, it is still busy.
    expect(isDatabaseBusy(new Error('saving the draft failed', { cause: busy }))).toBe(true);
  });
});

describe('what is not busy', () => {
  it('ordinary errors, strings and nothing', () => {
    expect(isDatabaseBusy(new Error('no such column'))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error('unique'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
    expect(isDatabaseBusy('SQLITE_BUSY')).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
    expect(isDatabaseBusy(undefined)).toBe(false);
  });
});
