/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in member of staff on /staff pages (set by the middleware), or null. */
    staff: import('./server/staff/sessions.ts').ValidSession | null;
    /** Set once the request is being logged, so a rewrite (which runs the middleware again) is not logged twice. */
    logging?: boolean;
  }
}
