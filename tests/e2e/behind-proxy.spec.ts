// The service as a council deploys it: the built server in production mode (no demo data), behind
// Debian's nginx configured as the README's "Deploying" says, over https with a throwaway
// certificate. Forms post, cookies are Secure, HSTS is sent, and the per-address limits count each
// person by the address nginx saw, whatever they write in X-Forwarded-For. (Project "instances":
// servers of its own.)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';
import { startReverseProxy, type ReverseProxy } from './reverse-proxy.ts';

const HTTPS_PORT = Number(process.env.E2E_PROXY_PORT ?? 4358);
const APP_PORT = Number(process.env.E2E_PROXIED_APP_PORT ?? 4359);

/** A production configuration: real keys (made for the test), no demo data, no mail folder. */
const PRODUCTION = {
  NODE_ENV: 'production',
  SECRET_KEY: 'behind-proxy-test-secret-key-0123456789abcdef',
  DATA_KEYS: `2026-12:${Buffer.alloc(32, 11).toString('base64')}`,
  LOOKUP_KEY: 'behind-proxy-test-lookup-key-0123456789abcdef',
  MAIL_DROP_DIR: '',
};

let app: OwnServer;
let proxy: ReverseProxy;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startOwnServer('proxied', APP_PORT, {
    ...PRODUCTION,
    DEMO_MODE: '',
    SITE_URL: `https://127.0.0.1:${HTTPS_PORT}`,
    TRUSTED_PROXIES: '1',
    SELF_ASSESSMENTS_PER_HOUR: '3',
  });
  proxy = await startReverseProxy(HTTPS_PORT, APP_PORT);
});

test.afterAll(async () => {
  await proxy?.stop();
  await app?.stop();
});

/** A request through the proxy from a loopback address of our choosing (the whole of 127/8 is this machine). */
function fromAddress(
  localAddress: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${proxy.base}${pathname}`,
      { method: body === undefined ? 'GET' : 'POST', localAddress, rejectUnauthorized: false, headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const startFrom = (localAddress: string, forwardedFor: string) =>
  fromAddress(
    localAddress,
    '/self-assessment/start',
    { Origin: proxy.base, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': forwardedFor },
    '',
  );

test('production refuses to start with demo mode on, and says why', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ho-demo-in-production-'));
  try {
    const server = spawn(process.execPath, ['scripts/serve.ts'], {
      env: { ...process.env, ...PRODUCTION, DEMO_MODE: 'true', PORT: '4357', DATABASE_URL: `file:${path.join(folder, 'x.db')}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    server.stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    const code = await new Promise<number | string | null>((resolve) => {
      const running = setTimeout(() => {
        server.kill('SIGKILL');
        resolve('still running after 30 seconds');
      }, 30_000);
      server.once('exit', (exitCode) => {
        clearTimeout(running);
        resolve(exitCode);
      });
    });
    expect(code).toBe(1);
    expect(said).toContain('Configuration problem: DEMO_MODE=true is refused when NODE_ENV=production');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('in production without demo mode, the demo accounts do not exist', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: proxy.base, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto('/staff/sign-in');
  await page.getByLabel('Email address').fill('admin@harrowmere.example');
  await page.getByLabel('Password').fill('demo-admin-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct email address and password');
  expect((await context.cookies()).map((c) => c.name)).not.toContain('ho_staff_session');
  await context.close();
});

for (const javaScriptEnabled of [false, true]) {
  test(`a person answers questions through the https proxy, JavaScript ${javaScriptEnabled ? 'on' : 'off'}: forms post, HSTS is sent, the cookie is Secure`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: proxy.base, ignoreHTTPSErrors: true, javaScriptEnabled });
    const page = await context.newPage();
    const home = await page.goto('/');
    expect(home?.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page).toHaveURL(/\/self-assessment\/danger$/);
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/self-assessment\/tonight$/);
    const cookie = (await context.cookies()).find((c) => c.name === 'ho_self_assessment');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    await context.close();
  });
}

test('the money check through the https proxy, JavaScript off: its form posts, and its cookie is Secure and scoped to it', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: proxy.base, ignoreHTTPSErrors: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/money-check');
  expect(await context.cookies()).toEqual([]);
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/money-check\/ages$/);
  const cookie = (await context.cookies()).find((c) => c.name === 'ho_money_check');
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/money-check' });
  await context.close();
});

test('a member of staff set up on the command line signs in through the proxy; the staff cookie is Secure', async ({ browser }) => {
  const env = {
    ...process.env,
    ...PRODUCTION,
    DATABASE_URL: `file:${app.databaseFile}`,
    SITE_URL: `https://127.0.0.1:${HTTPS_PORT}`,
  };
  const args = ['--email', 'newcomer@harrowmere.example', '--name', 'Nia Newcomer', '--role', 'adviser', '--team', 'housing-options'];
  let printed: string;
  try {
    printed = execFileSync(process.execPath, ['scripts/user-create.ts', ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run user:create failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  const link = /https:\/\/127\.0\.0\.1:\d+\/staff\/set-password\/\S+/.exec(printed)?.[0];
  expect(link, printed).toBeTruthy();
  const context = await browser.newContext({ baseURL: proxy.base, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto(link!);
  await page.getByLabel('New password').fill('four random garden words');
  await page.getByLabel('Type it again').fill('four random garden words');
  await page.getByRole('button', { name: 'Set password' }).click();
  await page.goto('/staff/sign-in');
  await page.getByLabel('Email address').fill('newcomer@harrowmere.example');
  await page.getByLabel('Password').fill('four random garden words');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/staff\/sign-in$/);
  const cookie = (await context.cookies()).find((c) => c.name === 'ho_staff_session');
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/staff' });
  // An adviser is refused the accounts page: the log says who was refused (their account's id), not anonymous.
  const refused = await page.goto('/staff/admin/accounts');
  expect(refused?.status()).toBe(403);
  const logged = app
    .output()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.msg === 'refused' && line.route === '/staff/admin/accounts');
  expect(logged).toEqual([expect.objectContaining({ status: 403, by: expect.stringMatching(/^[0-9a-f-]{36}$/) })]);
  await context.close();
});

test('the per-address limit counts the address nginx saw: writing X-Forwarded-For gets no more tries, and does not block anyone else', async () => {
  // 3 starts an hour per address. One client writes a new made-up address each time.
  const statuses = [];
  for (let i = 0; i < 6; i += 1) statuses.push((await startFrom('127.0.0.2', `198.51.100.${i + 1}`)).status);
  expect(statuses).toEqual([303, 303, 303, 429, 429, 429]);
  // Another person, at another address, behind the same proxy, is not held back by the first.
  expect((await startFrom('127.0.0.3', '127.0.0.2')).status).toBe(303);
});

test('a cross-site form post through the proxy is still refused', async () => {
  const refused = await fromAddress(
    '127.0.0.4',
    '/self-assessment/start',
    { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
    '',
  );
  expect(refused.status).toBe(403);
});
