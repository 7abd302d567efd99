// Starts the built server: checks the settings, applies migrations (and, in demo mode, seeds an
// empty database), then serves Astro's standalone handler with compression.
// Run by `npm start` (after a build) or `npm run serve`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings, SettingsError } from '../src/config/settings.ts';
import { openDatabase } from '../src/server/db/open-database.ts';
import { closeOnSignals, createCompressedServer, listen, type NodeHandler } from '../src/server/http/serve-compressed.ts';
import { prepareDatabase } from '../src/server/db/prepare-database.ts';

const entry = path.resolve('dist/server/entry.mjs');

try {
  const config = readSettings();
  if (!existsSync(entry)) {
    throw new Error('There is no built server in dist/. Run `npm run build` first (npm start does it for you).');
  }
  const db = openDatabase(config.database);
  try {
    const report = await prepareDatabase(db, config);
    if (report.migrationsApplied.length > 0) console.log(`Applied migrations: ${report.migrationsApplied.join(', ')}`);
    if (report.demoSeed) console.log(`Demo mode: added ${report.demoSeed.staffAdded} demo staff accounts (see README), ${report.demoSeed.directoryServicesAdded} directory services and ${report.demoSeed.handoffsAdded} demo hand-offs.`);
  } finally {
    await db.destroy();
  }
  // Use the standalone build's handler in our own server rather than letting it start its own.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler };
  const server = createCompressedServer(handler);
  await listen(server, config.host, config.port);
  closeOnSignals(server);
  console.log(`Housing Options online on Node ${process.version}, database ${config.database.filename}`);
  console.log(`Listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}${config.demoMode ? ' (demo mode)' : ''}`);
} catch (error) {
  console.error(error instanceof SettingsError ? `Configuration problem: ${error.message}` : error);
  process.exit(1);
}
