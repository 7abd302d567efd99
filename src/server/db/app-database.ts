// The server's one database connection, opened and prepared on first use. If opening fails
// (say the disk is full), the next call tries again rather than remembering the failure.
import { settings } from '../../config/settings.ts';
import { openDatabase, type AppDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';

let ready: Promise<AppDatabase> | undefined;

export function appDatabase(): Promise<AppDatabase> {
  ready ??= (async () => {
    const config = settings();
    const db = openDatabase(config.database);
    try {
      await prepareDatabase(db, config);
      return db;
    } catch (error) {
      await db.destroy();
      throw error;
    }
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
