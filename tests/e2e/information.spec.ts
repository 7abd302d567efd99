// Information packs: every pack page is axe-clean and names where to get help, and a
// self-assessment result links only to packs that exist.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support.ts';

test('every information pack is listed, axe-clean, dated, and says where to get help', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/information');
  await expectNoAxeViolations(page);
  const packs = await page.locator('.app-service-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  expect(packs.length).toBeGreaterThanOrEqual(6);
  for (const path of packs) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByText(/^Last checked on /)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Where to get help' })).toBeVisible();
    expect(await page.locator('main a[href^="/services/"]').count(), `${path} names a directory service`).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  }
});

test('a self-assessment result links only to packs that exist', async ({ page }) => {
  await page.goto('/self-assessment');
  await page.getByRole('button', { name: 'Start now' }).click();
  const answers: Array<string | string[]> = [
    'No', 'Yes', 'No', 'I rent from a private landlord or letting agent', 'Yes, my landlord gave me a section 8 notice',
    'In the next 8 weeks', ['It is in poor repair or unsafe'], 'Yes', ['Council Tax'], 'No', 'Yes', ['None of these'],
    'No', ['None of these'], ['None of these, or I would rather not say'],
  ];
  for (const answer of answers) {
    for (const label of Array.isArray(answer) ? answer : [answer]) await page.getByLabel(label, { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByRole('button', { name: 'See my plan' }).click();
  await expect(page.locator('.app-need-level')).toContainText('High');
  const links = await page.locator('a[href^="/information/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
  expect(links).toEqual(expect.arrayContaining(['/information/eviction-notice', '/information/rent-arrears', '/information/priority-debts']));
  for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200);
});
