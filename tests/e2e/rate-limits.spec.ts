// One network address may start so many self-assessments and send so many hand-offs an hour
// (src/server/security/public-limits.ts). Past that: 429, Retry-After, a page that says when to
// try again (axe-checked), and nothing the person saved is lost. (Project "instances": a server of
// its own with small limits, since every other test shares 127.0.0.1.)
import { expect, request, test } from './fixtures.ts';
import { expectNoAxeViolations } from './support.ts';
import { readyToConsent } from './http-journey.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';

let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // 4 starts an hour (one more each 15 minutes); 1 hand-off an hour.
  server = await startOwnServer('limits', Number(process.env.E2E_LIMITS_PORT ?? 4354), {
    SELF_ASSESSMENTS_PER_HOUR: '4',
    HANDOFFS_PER_HOUR: '1',
  });
});

test.afterAll(async () => {
  await server?.stop();
});

test('a second hand-off from one address within the hour gets 429 and a page saying when; the answers wait in the draft', async () => {
  test.setTimeout(90_000);
  const { base } = server;
  const first = await request.newContext({ baseURL: base });
  await readyToConsent(first, base, 'Alex First');
  const sent = await first.post('/self-assessment/contact/consent', {
    form: { consent: 'yes' },
    headers: { Origin: base },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  expect(sent.headers()['location']).toBe('/self-assessment/contact/sent');

  const second = await request.newContext({ baseURL: base });
  await readyToConsent(second, base, 'Bea Second');
  const refused = await second.post('/self-assessment/contact/consent', {
    form: { consent: 'yes' },
    headers: { Origin: base },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(3000); // an hour's one token comes back within the hour
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect(refused.headers()['cache-control']).toBe('no-store');
  // Read as a browser shows it: a run of spaces and line breaks is one space.
  const page = (await refused.text()).replace(/\s+/g, ' ');
  expect(page).toContain(`Try again in ${Math.ceil(retryAfter / 60)} minutes`);
  expect(page).toContain('Your answers and contact details are still saved in this browser. Nothing has been sent yet.');
  expect(page).toMatch(/If you are in danger, call <a [^>]*href="tel:999"[^>]*>999<\/a>\./);

  // Nothing lost: the consent page still shows what they gave, ready to send later.
  const consent = await second.get('/self-assessment/contact/consent');
  expect(consent.status()).toBe(200);
  expect(await consent.text()).toContain('Bea Second');

  // The log has one JSON line for the refusal: route and status, no name, address, id or stack.
  const lines = server
    .output()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines.filter((l) => l.status === 429)).toEqual([
    expect.objectContaining({
      level: 'info',
      msg: 'refused',
      method: 'POST',
      route: '/self-assessment/contact/consent',
      status: 429,
      by: 'anonymous',
    }),
  ]);
  expect(server.output()).not.toMatch(/Bea Second|Alex First|07700|\n\s+at /);
  // (The start-up line names the address it listens on; no request's line names one.)
  expect(JSON.stringify(lines.filter((l) => 'status' in l))).not.toMatch(/127\.0\.0\.1|Cookie|ho_session/i);
  await first.dispose();
  await second.dispose();
});

test('starting a self-assessment past the hour’s allowance gets 429, and the answers already saved in the browser stay', async () => {
  const { base } = server;
  const person = await request.newContext({ baseURL: base });
  const start = () => person.post('/self-assessment/start', { form: {}, headers: { Origin: base }, maxRedirects: 0 });
  // Start again and again (each start replaces the browser's draft), answering the first question
  // each time, until the address's four an hour are used up.
  let refused = await start();
  let starts = 0;
  while (refused.status() === 303 && starts < 10) {
    starts += 1;
    await person.post('/self-assessment/danger', { form: { answer: 'no' }, headers: { Origin: base }, maxRedirects: 0 });
    refused = await start();
  }
  expect(starts).toBeGreaterThanOrEqual(1);
  expect(starts).toBeLessThanOrEqual(4);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeLessThanOrEqual(900);
  expect(await refused.text()).toContain('Too many self-assessments have been started from your network in the last hour');
  // The refused start did not throw away the draft this browser had.
  const check = await person.get('/self-assessment/danger?change=1');
  expect(await check.text()).toMatch(/value="no"[^>]*checked|checked[^>]*value="no"/);
  await person.dispose();
});

test('the page that says when to try again has no accessibility problems, with or without JavaScript', async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const response = await page.goto(`${server.base}/too-many-requests?limit=handoffs&seconds=125`);
    expect(response?.status()).toBe(429);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Try again in 3 minutes');
    await expectNoAxeViolations(page, { javaScriptEnabled });
    await context.close();
  }
});
