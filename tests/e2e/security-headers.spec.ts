// Every kind of response carries the security headers (an on-demand page, a prerendered page, a
// static file, a generated file, an error, the visit counter, the back office), and the content
// security policy refuses nothing the service's own pages do, with JavaScript on.
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signIn } from './support.ts';

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, `${what}: content security policy`).toContain("script-src 'self'");
  expect(csp, `${what}: content security policy`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: no inline script allowed`).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers['x-content-type-options'], `${what}: X-Content-Type-Options`).toBe('nosniff');
  expect(headers['referrer-policy'], `${what}: Referrer-Policy`).toBe('same-origin');
  expect(headers['permissions-policy'], `${what}: Permissions-Policy`).toContain('camera=()');
  expect(headers['x-frame-options'], `${what}: X-Frame-Options`).toBe('DENY');
  // The tests' server is plain http (SITE_URL is not https), so no HSTS: see the unit test.
  expect(headers['strict-transport-security'], `${what}: no HSTS over http`).toBeUndefined();
}

test('every kind of response carries the security headers', async ({ request }) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  expectSecurityHeaders(home, 'the home page (prerendered)');

  const script = /src="(\/_astro\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(script, 'the home page loads a script from /_astro/').toBeTruthy();
  const staticFile = await request.get(script!);
  expect(staticFile.status()).toBe(200);
  expectSecurityHeaders(staticFile, 'a static script');

  const responses: [string, Promise<APIResponse>][] = [
    ['the self-assessment start (on demand)', request.get('/self-assessment')],
    ['the directory', request.get('/services')],
    ['the favicon (generated)', request.get('/favicon.svg')],
    ['a page that does not exist', request.get('/no-such-page')],
    ['the health check', request.get('/health')],
    ['the staff sign-in page', request.get('/staff/sign-in')],
    ['a staff page when signed out (a redirect)', request.get('/staff/queue', { maxRedirects: 0 })],
    ['a visit counted', request.post('/api/event', { data: { n: 'pageview', u: 'http://127.0.0.1/', d: '127.0.0.1' } })],
    ['a refused visit body', request.post('/api/event', { data: 'not json', headers: { 'Content-Type': 'text/plain' } })],
    ['a cross-site post refused', request.post('/self-assessment/start', { headers: { Origin: 'https://elsewhere.example' }, form: {} })],
  ];
  for (const [what, pending] of responses) {
    const response = await pending;
    expect(response.status(), what).toBeLessThan(500);
    expectSecurityHeaders(response, what);
  }
});

/** Collects what the browser says the content security policy refused on a page. */
function refusals(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(`${page.url()}: ${message.text()}`);
  });
  return refused;
}

test('the public pages, with JavaScript on, do nothing the content security policy refuses', async ({ page }) => {
  const refused = refusals(page);
  for (const path of ['/', '/self-assessment', '/services', '/homes', '/information', '/privacy', '/contact']) {
    // The page's own script has run when the visit counter's request is answered.
    await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/event'), page.goto(path)]);
  }
  // The questionnaire island: a question page, a step taken without reloading.
  await page.goto('/self-assessment');
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/self-assessment\/danger$/);
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).not.toHaveURL(/\/self-assessment\/danger$/);
  // The brand colour's inline style is the one allowed by its hash: it applied.
  const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--govuk-brand-colour').trim());
  expect(brand).toMatch(/^#[0-9a-f]{6}$/i);
  expect(refused).toEqual([]);
});

test('the back office, with JavaScript on, does nothing the content security policy refuses', async ({ page }) => {
  const refused = refusals(page);
  await signIn(page, 'manager@harrowmere.example', 'demo-manager-2026');
  for (const path of ['/staff/queue', '/staff/follow-ups', '/staff/reports']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('load');
  }
  // The reports' charts are inline SVG drawn on the server: shown, nothing refused.
  await expect(page.getByRole('img', { name: /Unique visitors each week/ })).toBeVisible();
  expect(refused).toEqual([]);
});
