// `npm run jobs -- <name>`: runs one scheduled job now (for cron, a systemd timer, or by hand);
// `npm run jobs -- all` runs every job; `npm run jobs` lists them. The server also runs them on
// timers. Migrations are applied first.
import { serviceRules } from '../src/config/service-rules.ts';
import { readSettings, SettingsError } from '../src/config/settings.ts';
import { reportSettings } from '../src/config/targets.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { isJobName, JOBS, type JobName } from '../src/server/jobs/registry.ts';
import { runJob } from '../src/server/jobs/schedule.ts';

const wanted = process.argv[2];
const names = Object.keys(JOBS) as JobName[];
if (!wanted) {
  console.log(`Usage: npm run jobs -- <${names.join('|')}|all>\n`);
  for (const name of names) console.log(`  ${name.padEnd(16)} every ${JOBS[name].everyMinutes} min: ${JOBS[name].description}`);
  process.exit(0);
}
if (wanted !== 'all' && !isJobName(wanted)) {
  console.error(`There is no job "${wanted}". Jobs: ${names.join(', ')}, or all.`);
  process.exit(2);
}

try {
  const settings = readSettings();
  const db = openDatabase(settings.database);
  try {
    await migrateToLatest(db);
    for (const name of wanted === 'all' ? names : [wanted as JobName]) {
      console.log(`${name}: ${await runJob(name, { db, settings, rules: serviceRules, reports: reportSettings() }, new Date())}`);
    }
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(
    error instanceof SettingsError ? `Configuration problem: ${error.message}` : error instanceof Error ? error.message : error,
  );
  process.exitCode = 1;
}
