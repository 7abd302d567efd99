// What every on-demand page and endpoint is handed, by the middleware (src/middleware.ts), on
// `Astro.locals`: the database, the request's clock and the settings (with the data keys). Pages
// read them here and pass them to use cases; nothing below a page fetches them itself.
import { serviceRules } from '../../config/service-rules.ts';
import type { DataKeyring } from '../../config/data-keys.ts';
import type { Settings } from '../../config/settings.ts';
import type { ServiceRules } from '../../domain/council/service-rules.ts';
import type { AppDatabase } from '../db/open-database.ts';

export interface RequestContext {
  db: AppDatabase;
  /** The request's clock: one instant for everything the request does. */
  now: Date;
  settings: Settings;
  /** The keys that seal and open what is kept encrypted, and key the lookups (settings.dataKeys). */
  ring: DataKeyring;
  /** The council's rules (time limits, opening hours, bank holidays), from its content. */
  rules: ServiceRules;
}

/** The request's context. A prerendered page has none (it has no request): it must not ask. */
export function requestContext(locals: App.Locals): RequestContext {
  const { db, now, settings } = locals;
  if (!db || !now || !settings) throw new Error('This request has no database: a page built ahead of time cannot use one');
  return { db, now, settings, ring: settings.dataKeys, rules: serviceRules };
}
