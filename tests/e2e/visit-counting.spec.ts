// Counting visits in a real browser, without cookies: the Plausible tracker posts each page view
// to /api/event with JavaScript on; with it off, the <noscript> image counts it instead (and only
// then, so nobody counts twice). Nothing on the public side sets a cookie or uses storage, and a
// signed-in member of staff is not counted.
import { expect, test, type Page, type Response } from '@playwright/test';
import { signIn } from './support.ts';

/** The tracker skips browsers driven by automation unless told this is a test of it. */
async function allowTracker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __plausible: boolean }).__plausible = true;
  });
}

const isEvent = (r: Response) => new URL(r.url()).pathname === '/api/event';

test.describe('with JavaScript on', () => {
  test('each page view is sent once to /api/event and counted; no cookie and no storage are ever set', async ({ page, context }) => {
    await allowTracker(page);
    const events: Response[] = [];
    const setCookies: string[] = [];
    page.on('response', async (response) => {
      if (isEvent(response)) events.push(response);
      const cookie = await response.headerValue('set-cookie');
      if (cookie) setCookies.push(`${response.url()}: ${cookie}`);
    });
    for (const path of ['/', '/information', '/homes', '/homes?bedrooms=2', '/contact', '/privacy', '/services']) {
      const before = events.length;
      const counted = page.waitForResponse((r) => isEvent(r) && r.request().method() === 'POST');
      await page.goto(path);
      const response = await counted;
      expect(response.status(), path).toBe(202);
      expect(await response.headerValue('x-not-counted'), path).toBeNull();
      const body = JSON.parse(response.request().postData()!) as { n: string; u: string; d: string; w: number };
      expect(body.n).toBe('pageview');
      // The address goes without its query; the screen width comes too.
      expect(body.u).toBe(`http://127.0.0.1:${new URL(page.url()).port}${new URL(page.url()).pathname}`);
      expect(body.w).toBeGreaterThan(0);
      expect(events.length - before, path).toBe(1);
    }
    // The <noscript> image never loaded.
    expect(events.filter((r) => r.request().method() === 'GET')).toEqual([]);
    expect(setCookies).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });

  test('a signed-in member of staff browsing the public pages is not counted', async ({ page }) => {
    await allowTracker(page);
    await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
    const counted = page.waitForResponse((r) => isEvent(r) && r.request().method() === 'POST');
    await page.goto('/information');
    const response = await counted;
    expect(response.status()).toBe(202);
    expect(await response.headerValue('x-not-counted')).toBe('staff');
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the <noscript> image counts each page view once, and sets no cookie', async ({ page, context }) => {
    const events: Response[] = [];
    page.on('response', (response) => {
      if (isEvent(response)) events.push(response);
    });
    for (const path of ['/', '/homes', '/contact']) {
      const counted = page.waitForResponse(isEvent);
      await page.goto(path);
      const response = await counted;
      expect(response.request().method()).toBe('GET');
      expect(new URL(response.url()).searchParams.get('p')).toBe(path);
      expect(response.status()).toBe(202);
      expect(await response.headerValue('content-type')).toBe('image/gif');
      expect(await response.headerValue('set-cookie')).toBeNull();
      expect(await response.headerValue('x-not-counted')).toBeNull();
    }
    expect(events).toHaveLength(3);
    expect(await context.cookies()).toEqual([]);
  });
});

test('a bad body gets a clear 400, another site’s page a 403, and neither sets a cookie', async ({ request, baseURL }) => {
  const bad = await request.post('/api/event', { data: 'not json', headers: { 'Content-Type': 'text/plain', Origin: baseURL! } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors.request).toMatch(/not JSON/);
  expect(bad.headers()['set-cookie']).toBeUndefined();
  const missing = await request.post('/api/event', {
    data: JSON.stringify({ n: 'pageview', d: '127.0.0.1' }),
    headers: { 'Content-Type': 'text/plain', Origin: baseURL! },
  });
  expect((await missing.json()).errors.url).toBe('The page URL (u) is required.');
  const cross = await request.post('/api/event', {
    data: JSON.stringify({ n: 'pageview', u: `${baseURL}/`, d: '127.0.0.1' }),
    headers: { 'Content-Type': 'text/plain', Origin: 'https://elsewhere.example' },
  });
  expect(cross.status()).toBe(403);
  const huge = await request.post('/api/event', { data: 'x'.repeat(20_000), headers: { 'Content-Type': 'text/plain', Origin: baseURL! } });
  expect(huge.status()).toBe(413);
  // The security headers are on the counter's answers too.
  expect(bad.headers()['x-content-type-options']).toBe('nosniff');
});
