/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The language the page is in, from its address (/pl/…, /ur/…; English has no prefix). Set by the middleware. */
    locale?: import('./domain/language/locales.ts').Locale;
    /** The signed-in member of staff on /staff pages (set by the middleware), or null. */
    staff: import('./server/staff/sessions.ts').ValidSession | null;
    /** Set once the request is being logged, so a rewrite (which runs the middleware again) is not logged twice. */
    logging?: boolean;
    /** The request's database, clock and settings (src/server/web/request-context.ts); absent on prerendered pages. */
    db?: import('./server/db/open-database.ts').AppDatabase;
    now?: Date;
    settings?: import('./config/settings.ts').Settings;
    /** Why the database could not be opened, for /health to report (src/pages/health.ts). */
    databaseFailure?: unknown;
  }
}
