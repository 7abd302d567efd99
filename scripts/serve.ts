// Starts the built server: checks the settings, applies migrations (and, in demo mode, seeds an
// empty database), then serves the static files and Astro's handler with compression.
// Run by `npm start` (after a build) or `npm run serve`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings, SettingsError, describeDatabase } from '../src/config/settings.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { closeOnSignals, createCompressedServer, listen, type NodeHandler } from '../src/server/http/serve-compressed.ts';
import { staticFileHandler } from '../src/server/http/static-files.ts';
import { eventRoute } from '../src/server/http/event-route.ts';
import { securityHeaders } from '../src/server/http/security-headers.ts';
import { WeeklySalts } from '../src/server/analytics/salts.ts';
import { VisitBatcher } from '../src/server/analytics/visit-batcher.ts';
import { startUp } from '../src/server/startup.ts';
import { provideAppDatabase } from '../src/server/db/app-database.ts';
import { serviceRules } from '../src/config/service-rules.ts';
import { reportSettings } from '../src/config/targets.ts';
import { runJob, scheduleJobs } from '../src/server/jobs/schedule.ts';
import { log } from '../src/server/log.ts';

const entry = path.resolve('dist/server/entry.mjs');

try {
  const config = readSettings();
  if (!existsSync(entry)) {
    throw new Error('There is no built server in dist/. Run `npm run build` first (npm start does it for you).');
  }
  const db = openDatabase(config.database);
  const jobContext = { db, settings: config, rules: serviceRules, reports: reportSettings() };
  try {
    const report = await startUp(db, config, serviceRules, config.dataKeys);
    if (report.migrationsApplied.length > 0) log.info(`Applied migrations: ${report.migrationsApplied.join(', ')}`);
    const sealed = Object.entries(report.sealed).filter(([, rows]) => rows > 0);
    if (sealed.length > 0)
      log.info(`Encrypted rows written before encryption at rest: ${sealed.map(([table, rows]) => `${rows} in ${table}`).join(', ')}`);
    if (config.dataKeys.development)
      log.warn(
        'DATA_KEYS and LOOKUP_KEY are not set: answers and contact details are encrypted with the development keys, which protect nothing. Set both before real people use this service.',
      );
    // The managers' case figures, brought up to date before the first request (the job keeps them so).
    log.info(`Report figures: ${await runJob('report-figures', jobContext, new Date())}`);
    if (report.demoSeed)
      log.info(
        `Demo mode: added ${report.demoSeed.staffAdded} demo staff accounts (see README), ${report.demoSeed.directoryServicesAdded} directory services, ${report.demoSeed.handoffsAdded} demo hand-offs, ${report.demoSeed.historyCasesAdded} closed cases of a fictional year behind the reports, ${report.demoSeed.advertsAdded} demo adverts for homes to rent and ${report.demoSeed.packRequestsAdded} requests for packs by post.`,
      );
  } catch (error) {
    await db.destroy();
    throw error;
  }
  // Every request is handed this one connection (the middleware puts it on `locals`).
  provideAppDatabase(db);
  // Astro's handler (the Node adapter's middleware mode) renders pages; the static files are
  // served from a list made now, so a page request never waits on the disk.
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler };
  // Visits are counted by the server itself, before Astro (src/server/http/event-route.ts).
  const counter = Promise.resolve({ site: config.siteUrl.hostname, salts: new WeeklySalts(db), batcher: new VisitBatcher(db) });
  const server = createCompressedServer({
    handler,
    staticFiles: staticFileHandler(path.resolve('dist/client')),
    ownRoute: eventRoute(() => counter, config.trustedProxies),
    // Every response, prerendered pages and static files included, carries the security headers.
    headers: securityHeaders({ https: config.siteUrl.protocol === 'https:' }),
  });
  await listen(server, config.host, config.port);
  // Scheduled work (expired drafts and sessions, follow-ups falling due, the outbox) runs as
  // named jobs on timers, never inside an unrelated request.
  const jobs = scheduleJobs(jobContext);
  server.on('close', () => {
    jobs.stop();
    void db.destroy();
  });
  closeOnSignals(server);
  log.info(`Housing Options online on Node ${process.version}, database ${describeDatabase(config.database)}`);
  log.info(
    `Listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}${config.demoMode ? ' (demo mode)' : ''}`,
  );
} catch (error) {
  // For the person starting it, in words (not a log line): what is wrong and how to put it right.
  console.error(error instanceof SettingsError ? `Configuration problem: ${error.message}` : error);
  process.exit(1);
}
