// `npm run bench:scale` (and `npm run bench`): scale figures, printed and written to
// docs/benchmarks.md between the bench-scale markers, with the command, machine and date.
//   (a) the adviser queue (first page, a middle page, overdue only) with 10,000 and 100,000 open
//       hand-offs, on SQLite and on PostgreSQL: the use case (listQueue) in this process, and the
//       whole page over HTTP from the built server, p50 and p95;
//   (b) a question step of the self-assessment, GET and POST, under load (autocannon), beside a
//       bare node:http server sending the same bytes, with a CPU profile of the GET;
//   (c) the same question step with two app instances on one PostgreSQL database.
// Needs a build (npm run build) and PostgreSQL (scripts/ensure-postgres.sh, or TEST_DATABASE_URL).
// Figures, not a pass or fail: nothing here is a timed test.
import type { ChildProcess } from 'node:child_process';
import { startApp as launchApp, stopApp, type RunningApp } from './bench/app-server.ts';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { serviceRules } from '../src/config/service-rules.ts';
import { pageRequest } from '../src/domain/paging.ts';
import type { Actor } from '../src/domain/staff/permissions.ts';
import { listQueue, QUEUE_PAGE_SIZE, type QueueFilter } from '../src/server/casework/queue.ts';
import { readSettings } from '../src/config/settings.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase, type AppDatabase } from '../src/server/db/open-database.ts';
import { newId } from '../src/server/ids.ts';
import { hashPassword } from '../src/server/staff/password-hash.ts';
import { createDatabase, startThrowawayPostgres } from '../tests/support/postgres-server.ts';
import { bareServer, capture, load, type LoadResult } from './bench/http-load.ts';
import { writeReportSection } from './bench/report-section.ts';
import { summariseProfile } from './bench/profile-summary.ts';
import { seedHandoffs } from './bench/seed-handoffs.ts';

/** The keys the bench's rows are sealed under (the same environment as the server it measures). */
const ring = readSettings().dataKeys;

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const RUNS = 30;
// 60 requests a figure: with 15 the p95 was the second-slowest request, one pause of the machine.
const HTTP_RUNS = 60;
const PASSWORD = 'benchmark-password-2026';
const now = new Date();
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

const folder = mkdtempSync(path.join(tmpdir(), 'ho-bench-scale-'));
const children: ChildProcess[] = [];
const postgres = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
const postgresServer = process.env.TEST_DATABASE_URL ?? postgres!.url;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

async function timed(run: () => Promise<unknown>, times: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

const postgresDatabase = (name: string) => createDatabase(postgresServer, name);

let nextPort = Number(process.env.BENCH_PORT ?? 4330);
async function startApp(databaseUrl: string, extraArgs: string[] = []): Promise<RunningApp> {
  const app = await launchApp(databaseUrl, nextPort++, extraArgs);
  children.push(app.process);
  return app;
}

async function addAdviser(db: AppDatabase): Promise<Actor> {
  const id = newId();
  const at = now.toISOString();
  await db
    .insertInto('staff_user')
    .values({
      id,
      email: 'bench.adviser@harrowmere.example',
      display_name: 'Benchmark Adviser',
      role: 'adviser',
      team_id: 'housing-options',
      password_hash: await hashPassword(PASSWORD),
      is_disabled: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { id, role: 'adviser', teamId: 'housing-options', displayName: 'Benchmark Adviser', organizationId: null };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/staff/sign-in`, {
    method: 'POST',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'bench.adviser@harrowmere.example', password: PASSWORD }),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`Signing in failed (${response.status})`);
  return cookie;
}

/**
 * fetch, tried once more if the server closed a kept-alive connection just as it was reused (it
 * closes idle ones after 5 seconds, and the use-case runs in between can take longer).
 */
async function fetchFresh(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

// (a) The queue at scale.
type QueueCase = { name: string; filter: QueueFilter; page: (pageCount: number) => number; query: (pageCount: number) => string };
const QUEUE_CASES: QueueCase[] = [
  { name: 'first page', filter: {}, page: () => 1, query: () => '' },
  { name: 'middle page', filter: {}, page: (n) => Math.ceil(n / 2), query: (n) => `?page=${Math.ceil(n / 2)}` },
  { name: 'overdue only, first page', filter: { due: 'overdue' }, page: () => 1, query: () => '?due=overdue' },
];

async function queueAtScale() {
  say('### (a) The adviser queue with many open hand-offs');
  say();
  say(
    `Each figure: ${RUNS} runs of the use case (listQueue, ${QUEUE_PAGE_SIZE} rows a page, in this process) and ${HTTP_RUNS} requests for the whole page from the built server (signed in as an adviser, HTML, no compression asked for), after 3 warm-up runs.`,
  );
  say();
  say('| database | open hand-offs | what | use case p50 | use case p95 | page over HTTP p50 | p95 | page size |');
  say('|---|---|---|---|---|---|---|---|');
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const url = dialect === 'sqlite' ? `file:${path.join(folder, 'queue.db')}` : await postgresDatabase(`ho_bench_queue_${process.pid}`);
    const db = openDatabase(
      dialect === 'sqlite' ? { kind: 'sqlite', filename: path.join(folder, 'queue.db') } : { kind: 'postgres', url, poolSize: 4 },
    );
    await migrateToLatest(db);
    const adviser = await addAdviser(db);
    let seeded = 0;
    for (const size of SIZES) {
      const started = performance.now();
      await seedHandoffs(db, size - seeded, now, { assignees: [adviser.id], startAt: seeded });
      seeded = size;
      // On a running server autovacuum does this after a bulk load (statistics for the planner,
      // and the visibility map that lets counts read the index alone); here, at once.
      if (dialect === 'postgres') await sql`vacuum analyze handoff`.execute(db);
      console.log(
        `  (${dialect}: ${size.toLocaleString('en-GB')} hand-offs in place, ${Math.round((performance.now() - started) / 1000)} s to add)`,
      );
      const database = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      const starting = performance.now();
      const app = await startApp(url);
      const firstStart = performance.now() - starting;
      const cookie = await signIn(app.base);
      for (const queueCase of QUEUE_CASES) {
        const first = await listQueue(db, adviser, queueCase.filter, now, serviceRules, ring);
        const page = queueCase.page(first.pageCount);
        const useCase = await timed(
          () => listQueue(db, adviser, queueCase.filter, now, serviceRules, ring, pageRequest(page, QUEUE_PAGE_SIZE)),
          RUNS,
        );
        let bytes = 0;
        const overHttp = await timed(async () => {
          const response = await fetchFresh(`${app.base}/staff/queue${queueCase.query(first.pageCount)}`, {
            headers: { Cookie: cookie, 'Accept-Encoding': 'identity' },
          });
          if (!response.ok) throw new Error(`The queue page answered ${response.status}`);
          bytes = (await response.arrayBuffer()).byteLength;
        }, HTTP_RUNS);
        say(
          `| ${database} | ${size.toLocaleString('en-GB')} | ${queueCase.name} (page ${page} of ${first.pageCount.toLocaleString('en-GB')}; ${first.total.toLocaleString('en-GB')} match) | ${ms(useCase.p50)} | ${ms(useCase.p95)} | ${ms(overHttp.p50)} | ${ms(overHttp.p95)} | ${Math.round(bytes / 1024)} KiB |`,
        );
      }
      await stopApp(app.process);
      // Started again: what a restart costs once the new rows' report figures are counted.
      const restarting = performance.now();
      const restarted = await startApp(url);
      const restart = performance.now() - restarting;
      await stopApp(restarted.process);
      startUps.push(
        `${database} with ${size.toLocaleString('en-GB')} sealed hand-offs: ${ms(firstStart)} the first time after they were added, ${ms(restart)} when started again`,
      );
      if (size === Math.max(...SIZES)) await profileQueue(dialect, url);
    }
    await db.destroy();
  }
  say();
  say(
    `Start-up, from starting the server to its first answer on /health (migrations checked, rows not yet sealed looked for, the managers' report figures brought up to date): ${startUps.join('; ')}. (The first start counts the report figures of any case not yet counted: see what the figures say, below.)`,
  );
  say();
  for (const [dialect, areas] of queueProfiles) {
    say(
      `Where the first queue page's time goes on ${dialect} at ${Math.max(...SIZES).toLocaleString('en-GB')} (CPU profile of the server, ${HTTP_RUNS} requests, self time by area, top 10):`,
    );
    say();
    say('| area | share of CPU time |');
    say('|---|---|');
    for (const [area, share] of areas.slice(0, 10)) say(`| ${area} | ${(share * 100).toFixed(1)}% |`);
    say();
  }
}

const queueProfiles: Array<[string, Array<[string, number]>]> = [];
const startUps: string[] = [];

/** The server's CPU profile while it answers the first queue page, summarised by area. */
async function profileQueue(dialect: 'sqlite' | 'postgres', url: string) {
  const profiles = path.join(folder, `queue-profile-${dialect}`);
  const app = await startApp(url, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
  const cookie = await signIn(app.base);
  for (let i = 0; i < HTTP_RUNS; i += 1) {
    const response = await fetchFresh(`${app.base}/staff/queue`, { headers: { Cookie: cookie, 'Accept-Encoding': 'identity' } });
    await response.arrayBuffer();
  }
  await stopApp(app.process);
  const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
  if (file)
    queueProfiles.push([
      dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      summariseProfile(JSON.parse(readFileSync(path.join(profiles, file), 'utf8'))),
    ]);
}

// (b) and (c) A question step under load.
async function questionSession(base: string): Promise<string> {
  const started = await fetch(`${base}/self-assessment/start`, {
    method: 'POST',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: '',
    redirect: 'manual',
  });
  const cookie = started.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const answered = await fetch(`${base}/self-assessment/danger`, {
    method: 'POST',
    headers: { Origin: base, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'answer=no',
    redirect: 'manual',
  });
  if (!cookie || answered.status !== 303) throw new Error(`Could not start a self-assessment (${started.status}, ${answered.status})`);
  return cookie;
}

const row = (what: string, r: LoadResult) =>
  say(
    `| ${what} | ${Math.round(r.requestsPerSecond).toLocaleString('en-GB')} | ${r.p50} ms | ${r.p99} ms | ${r.statuses}${r.errors ? `, ${r.errors} errors` : ''} |`,
  );

async function questionStep() {
  say('### (b) A question step under load, beside a bare node:http server');
  say();
  say(
    `autocannon, 10 connections, ${LOAD_SECONDS} s each, in the same run on the same machine (the load generator shares its two cores). GET /self-assessment/tonight with a started self-assessment's cookie; POST answers it (303 to the next question, the draft written each time). The bare server answers with the bytes captured from the app's own response.`,
  );
  say();
  const app = await startApp(`file:${path.join(folder, 'question.db')}`);
  const cookie = await questionSession(app.base);
  const url = `${app.base}/self-assessment/tonight`;
  const get = { url, headers: { Cookie: cookie }, seconds: LOAD_SECONDS };
  const post = {
    url,
    method: 'POST' as const,
    headers: { Cookie: cookie, Origin: app.base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'answer=yes',
    seconds: LOAD_SECONDS,
  };
  const capturedGet = await capture(url, { headers: { Cookie: cookie } });
  const capturedPost = await capture(url, { method: 'POST', headers: post.headers, body: post.body });
  const appGet = await load(get);
  const appPost = await load(post);
  await stopApp(app.process);
  const bare = await bareServer(capturedGet, nextPort++);
  const bareGet = await load({ url: `http://127.0.0.1:${(bare.address() as { port: number }).port}/`, seconds: LOAD_SECONDS });
  bare.close();
  const barePostServer = await bareServer(capturedPost, nextPort++);
  const barePost = await load({
    url: `http://127.0.0.1:${(barePostServer.address() as { port: number }).port}/`,
    method: 'POST',
    body: 'answer=yes',
    seconds: LOAD_SECONDS,
  });
  barePostServer.close();
  say(`| what | requests a second | p50 | p99 | responses |`);
  say('|---|---|---|---|---|');
  row(`app, GET (${capturedGet.body.length.toLocaleString('en-GB')} bytes of HTML)`, appGet);
  row('bare node:http, the same bytes', bareGet);
  row('app, POST (303)', appPost);
  row('bare node:http, the same 303', barePost);
  say();
  say(
    `App against bare: GET ${(appGet.requestsPerSecond / bareGet.requestsPerSecond).toFixed(3)} (1 / ${(bareGet.requestsPerSecond / appGet.requestsPerSecond).toFixed(1)}), POST ${(appPost.requestsPerSecond / barePost.requestsPerSecond).toFixed(3)} (1 / ${(barePost.requestsPerSecond / appPost.requestsPerSecond).toFixed(1)}).`,
  );
  say();

  // Where the GET's time goes: a CPU profile of the server under the same load.
  const profiles = path.join(folder, 'profiles');
  const profiled = await startApp(`file:${path.join(folder, 'question.db')}`, ['--cpu-prof', `--cpu-prof-dir=${profiles}`]);
  const profiledCookie = await questionSession(profiled.base);
  await load({ url: `${profiled.base}/self-assessment/tonight`, headers: { Cookie: profiledCookie }, seconds: Math.min(LOAD_SECONDS, 8) });
  await stopApp(profiled.process);
  const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
  if (file) {
    say('Where the GET spends its time (CPU profile of the server under the same load, self time by area, top 12):');
    say();
    say('| area | share of CPU time |');
    say('|---|---|');
    for (const [area, share] of summariseProfile(JSON.parse(readFileSync(path.join(profiles, file), 'utf8'))).slice(0, 12))
      say(`| ${area} | ${(share * 100).toFixed(1)}% |`);
    say();
  }
}

async function twoInstances() {
  say('### (c) The question step with two app instances on one PostgreSQL database');
  say();
  say(
    `Two servers on one database, each loaded by its own autocannon (5 connections each, at the same time, ${LOAD_SECONDS} s); one instance alone (10 connections) beside it. The cookie from one instance works on the other: the draft is in the database.`,
  );
  say();
  const url = await postgresDatabase(`ho_bench_question_${process.pid}`);
  const one = await startApp(url);
  const two = await startApp(url);
  const cookie = await questionSession(one.base);
  const loads = (base: string, connections: number) => ({
    get: { url: `${base}/self-assessment/tonight`, headers: { Cookie: cookie }, connections, seconds: LOAD_SECONDS },
    post: {
      url: `${base}/self-assessment/tonight`,
      method: 'POST' as const,
      headers: { Cookie: cookie, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'answer=yes',
      connections,
      seconds: LOAD_SECONDS,
    },
  });
  const alone = { get: await load(loads(one.base, 10).get), post: await load(loads(one.base, 10).post) };
  const [getOne, getTwo] = await Promise.all([load(loads(one.base, 5).get), load(loads(two.base, 5).get)]);
  const [postOne, postTwo] = await Promise.all([load(loads(one.base, 5).post), load(loads(two.base, 5).post)]);
  const both = (a: LoadResult, b: LoadResult): LoadResult => ({
    requestsPerSecond: a.requestsPerSecond + b.requestsPerSecond,
    p50: Math.max(a.p50, b.p50),
    p99: Math.max(a.p99, b.p99),
    statuses: `${a.statuses}; ${b.statuses}`,
    errors: a.errors + b.errors,
  });
  say(`| what | requests a second | p50 | p99 | responses |`);
  say('|---|---|---|---|---|');
  row('one instance on PostgreSQL, GET', alone.get);
  row('two instances on PostgreSQL, GET (sum; worse p50 and p99 of the two)', both(getOne, getTwo));
  row('one instance on PostgreSQL, POST', alone.post);
  row('two instances on PostgreSQL, POST (sum; worse of the two)', both(postOne, postTwo));
  say();
  await stopApp(one.process);
  await stopApp(two.process);
}

try {
  const parts = (process.env.BENCH_PARTS ?? 'queue,question,instances').split(',');
  if (parts.includes('queue')) await queueAtScale();
  if (parts.includes('question')) await questionStep();
  if (parts.includes('instances')) await twoInstances();
  if (process.env.BENCH_WRITE !== 'false')
    await writeReportSection({
      name: 'bench-scale',
      heading: 'Scale',
      command: 'npm run bench:scale',
      note: "PostgreSQL 15 is a throwaway local cluster with fsync off (as the tests run it), so its writes are faster than a real server's.",
      lines,
      now,
    });
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  postgres?.stop();
  // BENCH_KEEP=true keeps the databases and CPU profiles to read further (the folder is printed).
  if (process.env.BENCH_KEEP === 'true') console.log(`Kept: ${folder}`);
  else rmSync(folder, { recursive: true, force: true });
}
