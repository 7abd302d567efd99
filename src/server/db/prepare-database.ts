// What start-up does to the database: apply migrations, then, in demo mode, fill an empty
// database with the fictional demo data.
import type { Settings } from '../../config/settings.ts';
import { isEmptyDatabase, seedDemoData, type SeedReport } from '../demo/seed-demo-data.ts';
import { migrateToLatest } from './migrate.ts';
import type { AppDatabase } from './open-database.ts';

export interface PreparationReport {
  migrationsApplied: string[];
  demoSeed: SeedReport | null;
}

export async function prepareDatabase(db: AppDatabase, options: Pick<Settings, 'demoMode'>): Promise<PreparationReport> {
  const results = await migrateToLatest(db);
  const demoSeed = options.demoMode && (await isEmptyDatabase(db)) ? await seedDemoData(db) : null;
  return { migrationsApplied: results.map((r) => r.migrationName), demoSeed };
}
