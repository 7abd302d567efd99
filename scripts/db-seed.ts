// `npm run db:seed`: fills the database with the fictional demo council's data.
// Applies migrations first, and leaves records that already exist alone.
import { readSettings, describeDatabase } from '../src/config/settings.ts';
import { seedDemoData } from '../src/server/demo/seed-demo-data.ts';
import { serviceRules } from '../src/config/service-rules.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open-database.ts';

const config = readSettings();
if (config.production) {
  console.error('Refusing to load demo data with NODE_ENV=production: its passwords are public.');
  process.exit(1);
}
const db = openDatabase(config.database);
try {
  await migrateToLatest(db);
  const report = await seedDemoData(db, serviceRules, config.dataKeys);
  console.log(
    `Demo data in ${describeDatabase(config.database)}: ${report.staffAdded} staff accounts added, ${report.staffAlreadyThere} already there; ${report.directoryServicesAdded} directory services, ${report.handoffsAdded} demo hand-offs and ${report.advertsAdded} demo adverts added.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
