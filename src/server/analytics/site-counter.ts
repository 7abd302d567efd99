// The one visit counter of this process: the site's host name, the shared weekly salts and the
// batcher that writes visits. Built on first use from the settings and the app database.
import { settings } from '../../config/settings.ts';
import { appDatabase } from '../startup.ts';
import type { Counter } from './count-request.ts';
import { WeeklySalts } from './salts.ts';
import { VisitBatcher } from './visit-batcher.ts';

let counter: Promise<Counter> | null = null;

export function siteCounter(): Promise<Counter> {
  counter ??= appDatabase().then((db) => ({ site: settings().siteUrl.hostname, salts: new WeeklySalts(db), batcher: new VisitBatcher(db) }));
  return counter;
}
