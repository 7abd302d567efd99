// Start-up: what the service does to its database before it serves anyone. Apply migrations,
// fill in the queue columns of hand-offs made before they existed, seal answers and contact
// details written before encryption at rest, then, in demo mode, fill an empty database with the fictional demo data. Also the server's
// one database connection, opened and started on first use.
import type { Settings } from '../config/settings.ts';
import { settings } from '../config/settings.ts';
import { serviceRules } from '../config/service-rules.ts';
import type { ServiceRules } from '../domain/council/service-rules.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openDatabase, type AppDatabase } from './db/open-database.ts';
import { refreshQueueColumns } from './handoffs/queue-columns.ts';
import type { DataKeyring } from '../config/data-keys.ts';
import { dataKeys } from './security/sealed-fields.ts';
import { rotateDataKeys, type RotationReport } from './security/key-rotation.ts';
import { isEmptyDatabase, seedDemoData, type SeedReport } from './demo/seed-demo-data.ts';

export interface StartUpReport {
  migrationsApplied: string[];
  /** Rows written before encryption at rest, sealed now (none after the first start). */
  sealed: RotationReport;
  demoSeed: SeedReport | null;
}

export async function startUp(db: AppDatabase, options: Pick<Settings, 'demoMode'>, rules: ServiceRules, ring: DataKeyring = dataKeys()): Promise<StartUpReport> {
  const results = await migrateToLatest(db);
  await refreshQueueColumns(db, rules, 'missing');
  const sealed = await rotateDataKeys(db, ring, { rows: 'plain' });
  const demoSeed = options.demoMode && (await isEmptyDatabase(db)) ? await seedDemoData(db, rules) : null;
  return { migrationsApplied: results.map((r) => r.migrationName), sealed, demoSeed };
}

let ready: Promise<AppDatabase> | undefined;

/**
 * The server's database, started on first use. If opening fails (say the disk is full), the next
 * call tries again rather than remembering the failure.
 */
export function appDatabase(): Promise<AppDatabase> {
  ready ??= (async () => {
    const config = settings();
    const db = openDatabase(config.database);
    try {
      await startUp(db, config, serviceRules);
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
