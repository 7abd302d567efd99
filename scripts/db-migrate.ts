// `npm run db:migrate`: applies any migrations the database does not have yet.
import { readSettings, describeDatabase } from '../src/config/settings.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open-database.ts';

const config = readSettings();
const db = openDatabase(config.database);
try {
  const results = await migrateToLatest(db);
  console.log(
    results.length === 0
      ? `${describeDatabase(config.database)} is up to date.`
      : `Applied to ${describeDatabase(config.database)}: ${results.map((r) => r.migrationName).join(', ')}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
