// `npm run keys:rotate`: re-encrypts every answer, safety note, contact detail and second-factor key not yet under
// the current data key (the first in DATA_KEYS) with it, while the service runs
// (src/server/security/secrets/key-rotation.ts). `-- --all` rewrites every row and its lookup hashes too,
// for after LOOKUP_KEY has changed. When it reports nothing left, older keys can leave DATA_KEYS.
import { describeDatabase, readSettings } from '../src/config/settings.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase, type AppDatabase } from '../src/server/db/open-database.ts';
import { rotateDataKeys, rowsToRotate } from '../src/server/security/secrets/key-rotation.ts';

const unknown = process.argv.slice(2).filter((arg) => arg !== '--all');
let db: AppDatabase | undefined;
try {
  if (unknown.length > 0)
    throw new Error(
      `Unknown option ${unknown.join(' ')}. Use npm run keys:rotate, or npm run keys:rotate -- --all after changing LOOKUP_KEY.`,
    );
  const config = readSettings();
  db = openDatabase(config.database);
  if (config.dataKeys.development) console.warn('DATA_KEYS is not set: rotating to the development key, which protects nothing.');
  await migrateToLatest(db);
  const ring = config.dataKeys;
  const report = await rotateDataKeys(db, ring, { rows: process.argv.includes('--all') ? 'all' : 'stale' });
  const left = await rowsToRotate(db, ring);
  const counts = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([table, rows]) => `${rows} in ${table}`)
      .join(', ');
  console.log(`${describeDatabase(config.database)}: re-encrypted under key "${ring.currentId}": ${counts(report)}.`);
  const remaining = Object.values(left).reduce((a, b) => a + b, 0);
  console.log(
    remaining === 0
      ? `Every row is under "${ring.currentId}": keys other than the first can now be removed from DATA_KEYS.`
      : `Still under another key (written while this ran): ${counts(left)}. Run it again.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db?.destroy();
}
