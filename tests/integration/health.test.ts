import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrateToLatest } from '../../src/server/db/migrate.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { checkHealth } from '../../src/server/health/check-health.ts';
import { DIALECTS, tempDatabase, type TempDatabase } from '../support/temp-database.ts';

describe.each(DIALECTS)('on %s', (dialect) => {
  let t: TempDatabase;
  beforeEach(async () => {
    t = await tempDatabase(dialect);
  });
  afterEach(async () => {
    await t.cleanUp();
  });

  const clock = () => new Date('2026-11-24T10:00:00Z');

  describe('health check', () => {
    it('reports ok when the database answers', async () => {
      await migrateToLatest(t.db);
      expect(await checkHealth(async () => t.db, clock)).toEqual({
        status: 'ok',
        database: 'reachable',
        checkedAt: '2026-11-24T10:00:00.000Z',
      });
    });

    it('reports unavailable when the database cannot be opened', async () => {
      const report = await checkHealth(() => Promise.reject(new Error('SQLITE_CANTOPEN')), clock);
      expect(report).toMatchObject({ status: 'unavailable', database: 'unreachable' });
    });

    // A file that is not a database is a SQLite matter only.
    if (dialect === 'sqlite')
      it('reports unavailable when the file is not a database', async () => {
        const filename = path.join(path.dirname(t.filename), 'not-a-database.db');
        writeFileSync(filename, 'this is a text file, not SQLite '.repeat(200));
        const report = await checkHealth(async () => openDatabase({ kind: 'sqlite', filename }), clock);
        expect(report.status).toBe('unavailable');
      });

    it('reports unavailable when the database has not been migrated', async () => {
      expect((await checkHealth(async () => t.db, clock)).status).toBe('unavailable');
    });
  });
});
