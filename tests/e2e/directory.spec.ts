// The directory of services: search with JavaScript off, every service page axe-clean, and the
// Open Referral UK read API.
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations } from './support.ts';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a person can search the directory and open a service', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Find a service' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a service');
    await page.getByLabel('Search for a service').fill('debt');
    await page.getByLabel('Type of help').selectOption({ label: 'Money and debt' });
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/services\?q=debt&category=money-and-debt/);
    await expect(page.getByRole('heading', { name: /services found/ })).toBeVisible();
    await page.getByRole('link', { name: 'National Debtline' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('National Debtline');
    await expect(page.getByRole('link', { name: '0808 808 4000' })).toBeVisible();
    await expect(page.getByText(/last checked on/)).toBeVisible();

    await page.goto('/services?q=nothing+at+all+matches');
    await expect(page.getByText('No services match your search')).toBeVisible();
  });
});

test('the directory and every service page have no axe findings', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/services');
  await expectNoAxeViolations(page);
  const links = await page.locator('.app-service-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(links.length).toBeGreaterThanOrEqual(10);
  for (const link of links) {
    await page.goto(link);
    await expectNoAxeViolations(page);
  }
  await page.goto('/services?q=housing&category=housing');
  await expectNoAxeViolations(page);
});

test('an unknown service is a 404 with a way back', async ({ page }) => {
  const response = await page.goto('/services/no-such-service');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the Open Referral UK API answers every path of the profile over HTTP, open to any site, errors in JSON', async ({ request }) => {
  // Shapes and schemas are proved in tests/integration/oruk-api.test.ts; here, what a client sees on the wire.
  const get = async (path: string, status = 200) => {
    const response = await request.get(`/api/oruk${path}`);
    expect(response.status(), path).toBe(status);
    expect(response.headers()['access-control-allow-origin'], path).toBe('*');
    expect(response.headers()['content-type'], path).toContain('application/json');
    expect(response.headers()['cache-control'], path).toMatch(/^public, max-age=\d+$/);
    expect(response.headers()['set-cookie'], path).toBeUndefined();
    return response.json();
  };
  const meta = await get('');
  expect(meta).toMatchObject({ version: '3.0', openapi_url: expect.stringMatching(/\/api\/oruk\/openapi\.json$/) });
  const openapi = await get('/openapi.json');
  expect(Object.keys(openapi.paths)).toHaveLength(9);

  const terms = await get('/taxonomy_terms?per_page=100');
  const housing = terms.contents.find((t: { name: string }) => t.name === 'Housing');
  const list = await get(`/services?taxonomy_term_id=${housing.id}&per_page=2&page=1`);
  expect(list).toMatchObject({ total_items: 9, total_pages: 5, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
  const service = await get(`/services/${list.contents[0].id}`);
  expect(service.attributes).toEqual(expect.arrayContaining([expect.objectContaining({ taxonomy_term_id: housing.id })]));
  const atLocations = await get('/service_at_locations?postcode=HM1');
  await get(`/service_at_locations/${atLocations.contents[0].id}`);
  const taxonomies = await get('/taxonomies');
  await get(`/taxonomies/${taxonomies.contents[0].id}`);
  await get(`/taxonomy_terms/${housing.id}`);

  expect(await get('/services/00000000-0000-5000-8000-000000000000', 404)).toEqual({ error: 'There is no service with that id' });
  expect(await get('/services?per_page=1000', 400)).toEqual({
    error: 'per_page must be a whole number from 1 to 100, not "1000"',
    parameter: 'per_page',
  });
  // The public pages still use the readable slugs.
  expect((await request.get('/services/housing-options-advice')).status()).toBe(200);
});
