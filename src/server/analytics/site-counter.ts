// The one visit counter of this process (under `astro dev`; the built server makes its own in
// scripts/serve.ts): the site's host name, the shared weekly salts and the batcher that writes
// visits. Built on first use from the database and settings the request was handed.
import type { Settings } from '../../config/settings.ts';
import type { AppDatabase } from '../db/open-database.ts';
import type { Counter } from './count-request.ts';
import { WeeklySalts } from './salts.ts';
import { VisitBatcher } from './visit-batcher.ts';

let counter: Counter | null = null;

export function siteCounter(db: AppDatabase, settings: Pick<Settings, 'siteUrl'>): Counter {
  counter ??= { site: settings.siteUrl.hostname, salts: new WeeklySalts(db), batcher: new VisitBatcher(db) };
  return counter;
}
