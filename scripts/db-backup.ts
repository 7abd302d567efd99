// `npm run db:backup [-- file]`: a checked backup of the database DATABASE_URL names, while the
// service runs (src/server/db/backup.ts). Without a file name: backups/housing-options-<time>.
import { describeDatabase, readSettings } from '../src/config/settings.ts';
import { backupDatabase, defaultBackupFile } from '../src/server/db/backup.ts';

const config = readSettings();
const file = process.argv[2] ?? defaultBackupFile(config.database, new Date());
try {
  const report = await backupDatabase(config.database, file);
  console.log(
    `Backed up ${describeDatabase(config.database)} to ${report.file} (${report.bytes.toLocaleString('en-GB')} bytes); its check says: ${report.check}.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
