// Start-up: what the service does to its database before it serves anyone. Apply migrations,
// fill in the queue columns of hand-offs made before they existed, seal answers and contact
// details written before encryption at rest, then, in demo mode, fill an empty database with the
// fictional demo data. The connection itself is kept by src/server/db/app-database.ts.
import type { Settings } from '../config/settings.ts';
import { settings } from '../config/settings.ts';
import { serviceRules } from '../config/service-rules.ts';
import type { ServiceRules } from '../domain/council/service-rules.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase, type AppDatabase } from './db/open-database.ts';
import { appDatabase } from './db/app-database.ts';
import { refreshQueueColumns } from './handoffs/queue-columns.ts';
import type { DataKeyring } from '../config/data-keys.ts';
import { rotateDataKeys, type RotationReport } from './security/secrets/key-rotation.ts';
import { isEmptyDatabase, seedDemoData, type SeedReport } from './demo/seed-demo-data.ts';

export interface StartUpReport {
  migrationsApplied: string[];
  /** Rows written before encryption at rest, sealed now (none after the first start). */
  sealed: RotationReport;
  demoSeed: SeedReport | null;
}

export async function startUp(
  db: AppDatabase,
  options: Pick<Settings, 'demoMode'>,
  rules: ServiceRules,
  ring: DataKeyring,
): Promise<StartUpReport> {
  const results = await migrateToLatest(db);
  await refreshQueueColumns(db, rules, 'missing');
  const sealed = await rotateDataKeys(db, ring, { rows: 'plain' });
  const demoSeed = options.demoMode && (await isEmptyDatabase(db)) ? await seedDemoData(db, rules, ring) : null;
  return { migrationsApplied: results.map((r) => r.migrationName), sealed, demoSeed };
}

/**
 * The server's database, opened and started on first use when the server script has not already
 * provided one (under `astro dev`). Only the middleware, jobs and scripts call this.
 */
export function startedAppDatabase(): Promise<AppDatabase> {
  return appDatabase(async () => {
    const config = settings();
    const db = openDatabase(config.database);
    try {
      await startUp(db, config, serviceRules, config.dataKeys);
      return db;
    } catch (error) {
      await db.destroy();
      throw error;
    }
  });
}
