// Browser tests in Debian's Chromium (Playwright cannot download its own browser here) against
// the built server. `npm test` builds first; see scripts/test.sh.
import { defineConfig, devices } from '@playwright/test';
import { EVERY_TEST_FROM_ONE_ADDRESS } from './tests/e2e/one-address.ts';

const PORT = Number(process.env.E2E_PORT ?? 4322);
/** A second server, on PostgreSQL, for the journeys that also run there (project "postgres"). */
const POSTGRES_PORT = Number(process.env.E2E_POSTGRES_PORT ?? 4324);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Debian's Chromium, with its background networking off (this machine has no internet). */
const chromiumLaunch = {
  executablePath: chromiumPath,
  args: [
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/**
 * Specs that start their own app processes (project "instances"): two on one PostgreSQL database,
 * raced; one on a SQLite database whose lock the spec holds; one fuzzed with random forms (it trips
 * the sign-in limit); one with small public limits; one killed mid-write; one in production mode
 * behind nginx over https.
 */
const OWN_SERVER_SPECS = [
  'two-instances.spec.ts',
  'busy-database.spec.ts',
  'fuzz-posts.spec.ts',
  'rate-limits.spec.ts',
  'durability.spec.ts',
  'behind-proxy.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Journeys with JavaScript off check each page with axe on a second copy of it; on a busy
  // 2-core machine several of them take over 30 seconds.
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: OWN_SERVER_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunch,
      },
    },
    {
      // The back office's journeys and the managers' reports again, with the service on PostgreSQL.
      name: 'postgres',
      testMatch: ['back-office-journey.spec.ts', 'partner-referrals.spec.ts', 'reports.spec.ts'],
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://127.0.0.1:${POSTGRES_PORT}`,
        launchOptions: chromiumLaunch,
      },
    },
    {
      // Specs that start servers of their own (OWN_SERVER_SPECS above).
      name: 'instances',
      testMatch: OWN_SERVER_SPECS,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunch,
      },
    },
  ],
  webServer: [
    {
      // process.execPath is the Node 24 that npm put on the PATH; serve.ts migrates and seeds first.
      command: `"${process.execPath}" scripts/serve.ts`,
      url: `http://127.0.0.1:${PORT}/health`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(PORT),
        DATABASE_URL: 'file:./tmp/e2e/housing-options-e2e.db',
        DEMO_MODE: 'true',
        // Email (password links) is written to files the tests read: tests/e2e/support.ts MAIL_DIR.
        MAIL_DROP_DIR: 'tmp/e2e/mail',
        ...EVERY_TEST_FROM_ONE_ADDRESS,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      // scripts/serve-on-throwaway-postgres.ts starts its own PostgreSQL (or uses TEST_DATABASE_URL's server).
      command: `"${process.execPath}" scripts/serve-on-throwaway-postgres.ts`,
      url: `http://127.0.0.1:${POSTGRES_PORT}/health`,
      env: {
        HOST: '127.0.0.1',
        PORT: String(POSTGRES_PORT),
        DEMO_MODE: 'true',
        MAIL_DROP_DIR: 'tmp/e2e/mail',
        ...EVERY_TEST_FROM_ONE_ADDRESS,
      },
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
