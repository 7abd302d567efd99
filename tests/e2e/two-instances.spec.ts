// Two app processes on one PostgreSQL database, as behind a load balancer: started together on an
// empty database, then raced over HTTP. What must be shared is in the database, so each race has
// exactly one winner, each limit holds across both, and each message and job happens once.
// (Project "instances" in playwright.config.ts; no browser needed.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { sql } from 'kysely';
import { serviceRules } from '../../src/config/service-rules.ts';
import { openDatabase, type AppDatabase } from '../../src/server/db/open-database.ts';
import { newId } from '../../src/server/ids.ts';
import { SIGN_IN_LIMITS } from '../../src/server/staff/sign-in.ts';
import { RESUME_LIMIT } from '../../src/server/self-assessment/resume-limit.ts';
import { codeAt, newTotpKey, sealedTotpKey, timeStep } from '../../src/server/staff/second-factor.ts';
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres-server.ts';
import { insertHandoff, insertStaff } from '../support/casework.ts';
import { ring } from '../support/keys.ts';

test.describe.configure({ mode: 'serial' });

const SECRET_KEY = 'two-instances-test-secret-key-0123456789abcdef';
const PASSWORD = 'a long test password';
const FIRST_PORT = Number(process.env.E2E_INSTANCES_PORT ?? 4340);

let postgres: ThrowawayPostgres | null = null;
let databaseUrl = '';
let mailDir = '';
let db: AppDatabase;
const servers: ChildProcess[] = [];
const bases: string[] = [];

function startInstance(port: number): ChildProcess {
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_MODE: 'false',
      SECRET_KEY,
      MAIL_DROP_DIR: mailDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[instance ${port}] ${chunk}`));
  child.stdout?.resume();
  servers.push(child);
  return child;
}

async function healthy(base: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base} never became healthy`);
}

/** Runs `npm run jobs -- <name>` as its own process (as cron would), on the shared database. */
function runJobProcess(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/jobs.ts', name], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SECRET_KEY, MAIL_DROP_DIR: mailDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`jobs ${name} exited ${code}: ${out}`))));
  });
}

const form = (base: string, data: Record<string, string>) => ({ form: data, headers: { Origin: base }, maxRedirects: 0 });

async function signedIn(base: string, email: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: base });
  const response = await context.post('/staff/sign-in', form(base, { email, password: PASSWORD }));
  expect(response.status(), `sign in as ${email}`).toBe(303);
  return context;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const server = process.env.TEST_DATABASE_URL ?? (postgres = await startThrowawayPostgres()).url;
  databaseUrl = await createDatabase(server, `ho_instances_${process.pid}`);
  mailDir = mkdtempSync(path.join(tmpdir(), 'ho-instances-mail-'));
  // Both start at the same moment on an empty database: both migrate at once.
  for (const port of [FIRST_PORT, FIRST_PORT + 1]) {
    startInstance(port);
    bases.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(bases.map(healthy));
  db = openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 4 });
});

test.afterAll(async () => {
  for (const child of servers) child.kill('SIGTERM');
  await Promise.all(servers.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : null)));
  await db?.destroy();
  postgres?.stop();
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
});

test('two instances starting together on an empty database migrate it once, and both serve', async () => {
  const { rows } = await sql<{ name: string; n: string }>`select name, count(*) as n from kysely_migration group by name`.execute(db);
  expect(rows.length).toBeGreaterThanOrEqual(11);
  expect(rows.every((row) => Number(row.n) === 1)).toBe(true);
  for (const base of bases) expect((await fetch(`${base}/health`)).status).toBe(200);
});

test('the sign-in limit holds across instances: a burst of wrong passwords on both gets only the bucket’s tries, then both answer 429', async () => {
  await insertStaff(db, 'adviser', 'housing-options', { email: 'limited@harrowmere.example' });
  const contexts = await Promise.all(bases.map((base) => request.newContext({ baseURL: base })));
  // A burst of wrong passwords at once, split between the instances: only the bucket's worth are tried.
  const burst = await Promise.all(
    Array.from({ length: SIGN_IN_LIMITS.account.size * 3 }, (_, i) =>
      contexts[i % 2]!.post(
        '/staff/sign-in',
        form(bases[i % 2]!, { email: 'limited@harrowmere.example', password: `wrong password ${i}` }),
      ),
    ),
  );
  const statuses = burst.map((r) => r.status());
  expect(
    statuses.filter((s) => s === 200),
    statuses.join(' '),
  ).toHaveLength(SIGN_IN_LIMITS.account.size);
  expect(statuses.filter((s) => s === 429)).toHaveLength(SIGN_IN_LIMITS.account.size * 2);
  for (const [index, base] of bases.entries()) {
    const response = await contexts[index]!.post('/staff/sign-in', form(base, { email: 'limited@harrowmere.example', password: PASSWORD }));
    expect(response.status(), base).toBe(429);
    expect(await response.text()).toContain('Too many attempts to sign in. Wait');
  }
  await Promise.all(contexts.map((c) => c.dispose()));
});

test('the resume-code limit holds across instances', async () => {
  const contexts = await Promise.all(bases.map((base) => request.newContext({ baseURL: base })));
  const tries = await Promise.all(
    Array.from({ length: RESUME_LIMIT.size }, (_, i) =>
      contexts[i % 2]!.post('/self-assessment/resume', form(bases[i % 2]!, { code: 'AAAA-BBBB-CCCC' })),
    ),
  );
  // (The bucket is the size of these tries, so none of them is refused.)
  // Wrong codes are refused (400) until the shared bucket is empty, whichever instance is asked.
  expect(tries.map((r) => r.status())).toEqual(Array(RESUME_LIMIT.size).fill(400));
  for (const [index, base] of bases.entries()) {
    const response = await contexts[index]!.post('/self-assessment/resume', form(base, { code: 'AAAA-BBBB-CCCC' }));
    expect(response.status(), base).toBe(429);
    expect(await response.text()).toContain('Too many codes have been tried from here');
  }
  await Promise.all(contexts.map((c) => c.dispose()));
  // Let the next tests' resume attempts through: the limit is the database's, so empty it there.
  await db.deleteFrom('rate_limit').execute();
});

test('a save code used on both instances at once opens the answers exactly once', async () => {
  const person = await request.newContext({ baseURL: bases[0] });
  await person.post('/self-assessment/start', form(bases[0]!, {}));
  await person.post('/self-assessment/danger', form(bases[0]!, { answer: 'no' }));
  const saved = await (await person.post('/self-assessment/save', form(bases[0]!, {}))).text();
  const code = /data-copy-value="([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})"/.exec(saved)?.[1];
  expect(code).toBeDefined();
  const devices = await Promise.all(bases.map((base) => request.newContext({ baseURL: base })));
  const answers = await Promise.all(devices.map((device, i) => device.post('/self-assessment/resume', form(bases[i]!, { code: code! }))));
  expect(answers.map((r) => r.status()).sort()).toEqual([303, 409]);
  const loser = answers.find((r) => r.status() === 409)!;
  expect(await loser.text()).toContain('This code has already been used to open your answers');
  await Promise.all([...devices, person].map((c) => c.dispose()));
});

test('two advisers claiming one hand-off on different instances at once: exactly one gets it', async () => {
  const priya = await insertStaff(db, 'adviser', 'housing-options', { email: 'priya@harrowmere.example', name: 'Priya' });
  const colin = await insertStaff(db, 'adviser', 'housing-options', { email: 'colin@harrowmere.example', name: 'Colin' });
  const advisers = [await signedIn(bases[0]!, 'priya@harrowmere.example'), await signedIn(bases[1]!, 'colin@harrowmere.example')];
  for (let round = 0; round < 5; round += 1) {
    const caseId = await insertHandoff(db, { createdAt: new Date() });
    const claims = await Promise.all(
      advisers.map((adviser, i) => adviser.post(`/staff/cases/${caseId}`, form(bases[i]!, { intent: 'claim' }))),
    );
    // The winner is sent on (303); the other is shown the case again with the reason (400).
    expect(claims.map((r) => r.status()).sort(), `round ${round}`).toEqual([303, 400]);
    // Told plainly either way: the other claim landed first, or in the same instant.
    const told = await claims.find((r) => r.status() === 400)!.text();
    expect(/Someone else has (just taken )?this case/.test(told), 'the loser is told someone else has the case').toBe(true);
    const row = await db.selectFrom('handoff').select('assigned_to').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect([priya.id, colin.id]).toContain(row.assigned_to);
    const audit = await db
      .selectFrom('audit_event')
      .select('staff_id')
      .where('entity_id', '=', caseId)
      .where('action', '=', 'claimed')
      .execute();
    expect(audit.map((a) => a.staff_id)).toEqual([row.assigned_to]);
  }
  await Promise.all(advisers.map((c) => c.dispose()));
});

test('one TOTP code sent to both instances at once signs in exactly one session', async () => {
  const key = newTotpKey();
  const officer = await insertStaff(db, 'manager', 'service-management', { email: 'totp@harrowmere.example' });
  await db
    .updateTable('staff_user')
    .set(sealedTotpKey(ring, officer.id, key))
    .where('id', '=', officer.id)
    .execute();
  const sessions = await Promise.all(bases.map((base) => signedIn(base, 'totp@harrowmere.example')));
  const code = codeAt(key, timeStep(new Date()));
  const answers = await Promise.all(
    sessions.map((session, i) => session.post('/staff/sign-in/code', form(bases[i]!, { code, next: '/staff' }))),
  );
  expect(answers.map((r) => r.status()).sort()).toEqual([200, 303]);
  await Promise.all(sessions.map((c) => c.dispose()));
});

test('the outbox, delivered by two processes at once, sends every message exactly once', async () => {
  const ids = Array.from({ length: 40 }, () => newId());
  await db
    .insertInto('outbox_message')
    .values(
      ids.map((id) => ({
        id,
        to_address: 'team@harrowmere.example',
        subject: `Message ${id}`,
        body_text: `Body of ${id}`,
        related_type: 'test',
        related_id: id,
        created_at: new Date().toISOString(),
        sent_at: null,
        last_error: null,
      })),
    )
    .execute();
  const before = new Set(readdirSync(mailDir));
  await Promise.all([runJobProcess('deliver-outbox'), runJobProcess('deliver-outbox'), runJobProcess('deliver-outbox')]);
  const sent = await db.selectFrom('outbox_message').select(['id', 'sent_at']).where('id', 'in', ids).execute();
  expect(sent.every((m) => m.sent_at !== null)).toBe(true);
  const files = readdirSync(mailDir).filter((f) => !before.has(f));
  expect(files).toHaveLength(ids.length);
});

test('scheduled work runs once across instances: two follow-up reminder runs at once email each team once', async () => {
  const caseId = await insertHandoff(db, { createdAt: new Date('2026-01-05T10:00:00Z') });
  await db
    .updateTable('handoff')
    .set({ status: 'closed', closed_at: '2026-01-20T10:00:00Z', queue_band: 4, stage: null, stage_due_on: null })
    .where('id', '=', caseId)
    .execute();
  await db
    .insertInto('follow_up')
    .values({
      id: newId(),
      handoff_id: caseId,
      months_after: 3,
      due_on: '2026-04-20',
      still_housed: null,
      in_work_or_training: null,
      notes: null,
      recorded_by: null,
      recorded_at: null,
    })
    .execute();
  const outputs = await Promise.all([runJobProcess('follow-ups-due'), runJobProcess('follow-ups-due')]);
  const reminders = await db.selectFrom('outbox_message').select('subject').where('subject', 'like', '%follow-up%').execute();
  expect(reminders, outputs.join(' / ')).toHaveLength(1);
  expect(serviceRules.teamIds).toContain('housing-options');
});
