// When another process holds the SQLite database's write lock past the server's wait, a person
// gets a polite 503 with Retry-After and the service's own page, not a failure; once the lock is
// let go the same request works. (Project "instances": its own server on its own database, so no
// other test waits on the held lock.)
import SQLite from 'better-sqlite3';
import { expect, request, test } from '@playwright/test';
import { startOwnServer, type OwnServer } from './own-server.ts';

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer('busy', Number(process.env.E2E_BUSY_PORT ?? 4350));
});

test.afterAll(async () => {
  await server?.stop();
});

test('a write that waited too long for the database gets 503, Retry-After and a page saying what to do', async () => {
  test.setTimeout(60_000);
  const { base } = server;
  const browser = await request.newContext({ baseURL: base });
  const start = () => browser.post('/self-assessment/start', { form: {}, headers: { Origin: base }, maxRedirects: 0 });

  // Another process (a backup, a job run by hand) holds the write lock.
  const other = new SQLite(server.databaseFile);
  other.exec('begin immediate');
  let busy;
  try {
    busy = await start();
  } finally {
    other.exec('rollback');
    other.close();
  }
  expect(busy.status()).toBe(503);
  expect(busy.headers()['retry-after']).toBe('10');
  expect(busy.headers()['content-type']).toContain('text/html');
  expect(busy.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const page = await busy.text();
  expect(page).toContain('The service is busy');
  expect(page).toContain('Anything you saved before is safe.');
  expect(page).not.toMatch(/SQLITE|at .*\.ts:\d+/); // no error text or stack

  // Once the lock is let go, the same request works.
  const again = await start();
  expect(again.status()).toBe(303);
  expect(again.headers()['location']).toMatch(/\/self-assessment\//);
  await browser.dispose();
});
