import { expect, test } from './fixtures.ts';

test('/health says the database is reachable', async ({ request }) => {
  const response = await request.get('/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'reachable' });
});

test('the server runs on Node 24 or later', async () => {
  // The web server is started by playwright.config.ts with this same Node.
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
});
