// When another process holds the SQLite database's write lock past the server's wait, a person
// gets a polite 503 with Retry-After and the service's own page, not a failure; once the lock is
// let go the same request works. (Project "instances": its own server on its own database, so no
// other test waits on the held lock.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { expect, request, test } from '@playwright/test';

const PORT = Number(process.env.E2E_BUSY_PORT ?? 4350);
const base = `http://127.0.0.1:${PORT}`;
let folder = '';
let server: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  folder = mkdtempSync(path.join(tmpdir(), 'ho-busy-'));
  server = spawn(process.execPath, ['scripts/serve.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(PORT), DATABASE_URL: `file:${path.join(folder, 'busy.db')}`, DEMO_MODE: 'false', SECRET_KEY: 'busy-database-test-secret-key-0123456789abcdef' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[busy server] ${chunk}`));
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server never became healthy');
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.once('exit', r));
  }
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test('a write that waited too long for the database gets 503, Retry-After and a page saying what to do', async () => {
  test.setTimeout(60_000);
  const browser = await request.newContext({ baseURL: base });
  const start = () => browser.post('/self-assessment/start', { form: {}, headers: { Origin: base }, maxRedirects: 0 });

  // Another process (a backup, a job run by hand) holds the write lock.
  const other = new SQLite(path.join(folder, 'busy.db'));
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
