// How pages travel: compressed, for people on a poor phone connection.
import { expect, test } from './fixtures.ts';

test('pages and their stylesheet are sent compressed when the browser accepts it', async ({ page, request }) => {
  const stylesheets: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'stylesheet') stylesheets.push(r.url());
  });
  await page.goto('/');
  expect(stylesheets).toHaveLength(1);

  for (const url of ['/', '/contact', stylesheets[0]!]) {
    const response = await request.get(url, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-encoding'], url).toMatch(/^(br|gzip)$/);
    expect(response.headers()['vary']).toContain('Accept-Encoding');
  }
});

test('a browser that does not accept compression still gets every page', async ({ request }) => {
  const response = await request.get('/', { headers: { 'Accept-Encoding': 'identity' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-encoding']).toBeUndefined();
  expect(await response.text()).toContain('Worried about losing your home?');
});
