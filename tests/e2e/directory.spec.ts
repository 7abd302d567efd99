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

test('the Open Referral UK API lists and returns services in the standard shape', async ({ request }) => {
  const list = await request.get('/api/oruk/services?taxonomy_term_id=housing&per_page=2&page=1');
  expect(list.status()).toBe(200);
  const page = await list.json();
  expect(page).toMatchObject({ total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
  expect(page.contents).toHaveLength(2);

  const one = await request.get(`/api/oruk/services/${page.contents[0].id}`);
  expect(one.status()).toBe(200);
  expect(await one.json()).toMatchObject({
    id: page.contents[0].id,
    organization: { name: expect.any(String) },
    taxonomy_terms: expect.arrayContaining([expect.objectContaining({ id: 'housing' })]),
  });

  expect((await request.get('/api/oruk/services/no-such-service')).status()).toBe(404);
  expect((await request.get('/api/oruk/services?per_page=1000')).status()).toBe(400);
});
