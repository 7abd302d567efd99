// The server's one database connection, opened once per process. `scripts/serve.ts` opens it,
// starts it up (migrations, sealing, demo data) and hands it over with `provideAppDatabase`
// before Astro's handler serves anyone; under `astro dev`, the first request opens and starts it
// instead. Only start-up, the middleware (which puts it on each request's `locals`), jobs and
// scripts reach for it: pages, components and use cases are handed it
// (tests/unit/architecture.test.ts).
//
// The connection is kept on `globalThis` under a registered symbol because the server script and
// Astro's built handler are two bundles of this module in one process: both must see one
// connection, not open two.
import type { AppDatabase } from './open-database.ts';

const SLOT = Symbol.for('housing-options.app-database');
type Slot = { ready?: Promise<AppDatabase> };
const slot = ((globalThis as Record<symbol, Slot>)[SLOT] ??= {});

/** The connection the server script opened and started: the one every request uses. */
export function provideAppDatabase(db: AppDatabase): void {
  slot.ready = Promise.resolve(db);
}

/**
 * The process's database. Opened with `open` on first use when nobody provided one (`astro dev`);
 * if that fails (say the disk is full) the next call tries again rather than remembering the failure.
 */
export function appDatabase(open: () => Promise<AppDatabase>): Promise<AppDatabase> {
  slot.ready ??= open().catch((error: unknown) => {
    slot.ready = undefined;
    throw error;
  });
  return slot.ready;
}
