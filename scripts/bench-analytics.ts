// `npm run bench:analytics` (and `npm run bench`): the visit counter and the managers' reports,
// printed and written to docs/benchmarks.md between the bench-analytics markers.
//   (a) POST /api/event over HTTP against the built server (autocannon, each request a different
//       browser so every one is a new visitor), on SQLite and on PostgreSQL; then every 2xx is
//       checked against the page views stored: none acknowledged may be missing;
//   (b) 1,000,000 visits through the same write path in this process (VisitBatcher →
//       recordVisits), spread over a year;
//   (c) the managers' reports (readManagerReports) over those 1,000,000 visits and 100,000 cases,
//       for 13, 52 and 156 weeks shown, beside the same reports with no visits at all.
// Needs a build (npm run build) and PostgreSQL (a throwaway cluster is started, or TEST_DATABASE_URL).
// Figures, not a pass or fail: nothing here is a timed test.
import type { ChildProcess } from 'node:child_process';
import { startApp as launchApp, stopApp, type RunningApp } from './bench/app-server.ts';
import { writeReportSection } from './bench/report-section.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { serviceRules } from '../src/config/service-rules.ts';
import { reportSettings } from '../src/config/targets.ts';
import { weekStartOf } from '../src/domain/analytics/weeks.ts';
import type { CountedVisit } from '../src/domain/analytics/rollup.ts';
import { addDays, localDate } from '../src/domain/time/working-days.ts';
import type { Actor } from '../src/domain/staff/permissions.ts';
import { VisitBatcher } from '../src/server/analytics/visit-batcher.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { openDatabase, type AppDatabase } from '../src/server/db/open-database.ts';
import { seedHistory } from '../src/server/demo/seed-demo-history.ts';
import { readSettings } from '../src/config/settings.ts';
import { readManagerReports } from '../src/server/reporting/manager-reports.ts';
import { metricDefinitions, refreshCaseMetrics } from '../src/server/reporting/case-metrics.ts';
import { createDatabase, startThrowawayPostgres } from '../tests/support/postgres-server.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const now = new Date();
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const folder = mkdtempSync(path.join(tmpdir(), 'ho-bench-analytics-'));
const children: ChildProcess[] = [];
const postgres = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres();
const postgresServer = process.env.TEST_DATABASE_URL ?? postgres!.url;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;

let nextPort = Number(process.env.BENCH_PORT ?? 4360);
async function startApp(databaseUrl: string, extraArgs: string[] = []): Promise<RunningApp> {
  const app = await launchApp(databaseUrl, nextPort++, extraArgs);
  children.push(app.process);
  return app;
}

async function pageviews(db: AppDatabase): Promise<number> {
  const row = await db
    .selectFrom('daily_rollup')
    .select((eb) => eb.fn.sum<number | string>('count').as('n'))
    .where('dimension', '=', 'pageviews')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// (a) Over HTTP.
async function ingestionOverHttp() {
  say('### (a) POST /api/event over HTTP, every request a new visitor');
  say('');
  say(
    `autocannon, 64 connections, ${LOAD_SECONDS} s, against the built server (\`scripts/serve.ts\`) on the same 2-core machine (autocannon takes one core of it). Then the page views stored are compared with the 2xx answers.`,
  );
  say('');
  say('| database | events a second | p50 latency | p99 latency | answers | page views stored | acknowledged but missing |');
  say('|---|---|---|---|---|---|---|');
  for (const kind of ['SQLite', 'PostgreSQL'] as const) {
    const url = kind === 'SQLite' ? `file:${path.join(folder, 'ingest.db')}` : await createDatabase(postgresServer, 'bench_ingest');
    const app = await startApp(url);
    let n = 0;
    const body = JSON.stringify({ n: 'pageview', u: `${app.base}/homes`, d: '127.0.0.1', r: 'https://search.example/', w: 390 });
    const result = await autocannon({
      url: `${app.base}/api/event`,
      connections: 64,
      duration: LOAD_SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'text/plain', origin: app.base },
          body,
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            headers: { ...(request.headers as object), 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Bench/${n++}` },
          }),
        },
      ],
    } as never);
    const ok = (result as unknown as Record<string, number>)['2xx'] ?? 0;
    await stopApp(app.process);
    const db = openDatabase(
      kind === 'SQLite' ? { kind: 'sqlite', filename: path.join(folder, 'ingest.db') } : { kind: 'postgres', url, poolSize: 2 },
    );
    const stored = await pageviews(db);
    await db.destroy();
    const non2xx = (result as unknown as { non2xx: number }).non2xx;
    const other = non2xx ? `, ${fmt(non2xx)} not 2xx` : '';
    say(
      `| ${kind} | ${fmt(result.requests.total / result.duration)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${fmt(ok)} × 202${other}, ${result.errors + result.timeouts} errors | ${fmt(stored)} | ${fmt(Math.max(0, ok - stored))} |`,
    );
  }
  say('');
}

// (b) and (c): a year of visits and cases, then the reports.
async function reportsAtScale() {
  for (const kind of ['SQLite', 'PostgreSQL'] as const) {
    const db =
      kind === 'SQLite'
        ? openDatabase({ kind: 'sqlite', filename: path.join(folder, 'reports.db') })
        : openDatabase({ kind: 'postgres', url: await createDatabase(postgresServer, 'bench_reports'), poolSize: 10 });
    await migrateToLatest(db);
    const manager: Actor = { id: 'bench-manager', role: 'manager', teamId: 'service-management', displayName: 'Benchmark Manager' };
    const range = (weeks: number) => ({ from: addDays(weekStartOf(now), -7 * (weeks - 1)), to: localDate(now) });
    const settings = reportSettings();
    const timeReports = async (weeks: number) => {
      await readManagerReports(db, manager, range(weeks), settings);
      const samples: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await readManagerReports(db, manager, range(weeks), settings);
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      return { p50: samples[3]!, worst: samples.at(-1)! };
    };

    const ring = readSettings().dataKeys;
    const seedStart = performance.now();
    const { cases } = await seedHistory(db, serviceRules, ring, {
      now,
      weeks: 52,
      casesPerWeek: Math.round(CASES / 50),
      visitorsFrom: 0,
      visitorsTo: 0,
      seed: 11,
    });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const definitions = metricDefinitions(
      settings.targets,
      settings.casework.outcomes.map((o) => o.code),
    );
    const fullStart = performance.now();
    await refreshCaseMetrics(db, ring, now, definitions);
    const fullSeconds = (performance.now() - fullStart) / 1000;
    const metricRows = Number(
      (
        await db
          .selectFrom('case_metric')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const dailyRows = Number(
      (
        await db
          .selectFrom('case_metric_daily')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const quietStart = performance.now();
    await refreshCaseMetrics(db, ring, new Date(now.getTime() + 300_000), definitions);
    const quietMs = performance.now() - quietStart;
    const empty = { 13: await timeReports(13), 52: await timeReports(52), 156: await timeReports(156) };

    // (b) A year of visits through the write path, as the counter sends them.
    const batcher = new VisitBatcher(db);
    const firstDay = addDays(weekStartOf(now), -364);
    const pages = ['/', '/homes', '/information', '/self-assessment', '/contact', '/services', '/privacy', '/information/eviction-notices'];
    const sources = [null, 'Direct or not known', 'google.com', 'bing.com', 'citizensadvice.org.uk'];
    const start = performance.now();
    const waiting: Array<Promise<void>> = [];
    for (let i = 0; i < EVENTS; i++) {
      const day = addDays(firstDay, Math.floor((i / EVENTS) * 364));
      const visit: CountedVisit = {
        day,
        week: weekStartOf(new Date(`${day}T12:00:00Z`)),
        visitor: `v${i % 250_000}`,
        name: 'pageview',
        path: pages[i % pages.length]!,
        source: sources[i % sources.length]!,
        screenWidth: 320 + (i % 1400),
        script: i % 20 === 0 ? 'off' : 'on',
      };
      waiting.push(batcher.record(visit));
      if (waiting.length >= 20_000) await Promise.all(waiting.splice(0));
    }
    await Promise.all(waiting);
    const seconds = (performance.now() - start) / 1000;
    const stored = await pageviews(db);
    const full = { 13: await timeReports(13), 52: await timeReports(52), 156: await timeReports(156) };
    await db.destroy();

    say(`### (b, c) ${kind}: ${fmt(EVENTS)} visits and ${fmt(cases)} cases`);
    say('');
    say(
      `- ${fmt(cases)} cases with their outcomes, plans and follow-ups seeded in ${seedSeconds.toFixed(0)} s (\`seedHistory\`, 52 weeks).`,
    );
    say(
      `- The \`report-figures\` job working out every case from nothing: ${fullSeconds.toFixed(1)} s (${fmt(metricRows)} case_metric rows, ${fmt(dailyRows)} case_metric_daily rows); its next run with nothing changed: ${ms(quietMs)}.`,
    );
    say(
      `- ${fmt(EVENTS)} visits written through \`VisitBatcher\` → \`recordVisits\` (the counter's own write path, without HTTP) in ${seconds.toFixed(1)} s: **${fmt(EVENTS / seconds)} a second**; ${fmt(stored)} page views stored.`,
    );
    say('');
    say('The whole of `readManagerReports` (every target, funnel, breakdown and site table), 7 runs after a warm-up:');
    say('');
    say('| weeks shown | with no visits: p50 | worst | with the visits: p50 | worst |');
    say('|---|---|---|---|---|');
    for (const weeks of [13, 52, 156] as const)
      say(`| ${weeks} | ${ms(empty[weeks].p50)} | ${ms(empty[weeks].worst)} | ${ms(full[weeks].p50)} | ${ms(full[weeks].worst)} |`);
    say('');
  }
}

try {
  const parts = (process.env.BENCH_PARTS ?? 'ingest,reports').split(',');
  if (parts.includes('ingest')) await ingestionOverHttp();
  if (parts.includes('reports')) await reportsAtScale();
  if (process.env.BENCH_WRITE !== 'false')
    await writeReportSection({
      name: 'bench-analytics',
      heading: "Visit counting and the managers' reports",
      command: 'npm run bench:analytics',
      note: 'PostgreSQL 15 is a throwaway local cluster with fsync off (as the tests run it).',
      lines,
      now,
    });
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
}
