// `npm run db:restore -- file`: puts a backup made by `npm run db:backup` back in place of the
// database DATABASE_URL names, after checking it (src/server/db/backup.ts). Stop the service first.
import { describeDatabase, readSettings } from '../src/config/settings.ts';
import { restoreDatabase } from '../src/server/db/backup.ts';

const config = readSettings();
const file = process.argv[2];
if (!file) {
  console.error('Name the backup to restore: npm run db:restore -- backups/housing-options-….db');
  process.exit(1);
}
try {
  const report = await restoreDatabase(config.database, file);
  console.log(
    `Restored ${describeDatabase(config.database)} from ${report.file}; its check says: ${report.check}. Start the service again (it migrates if the backup is older).`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
