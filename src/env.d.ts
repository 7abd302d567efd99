/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in member of staff on /staff pages (set by the middleware), or null. */
    staff: import('./server/staff/sessions.ts').ValidSession | null;
  }
}
