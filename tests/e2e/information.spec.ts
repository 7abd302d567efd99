// Information packs: every pack page is axe-clean and names where to get help, and a
// self-assessment result links only to packs that exist.
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations } from './support.ts';

test('every information pack is listed, axe-clean, dated, and says where to get help', async ({ page }) => {
  test.setTimeout(300_000); // axe on each of the 20-odd packs
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
    'No',
    'Yes',
    'No',
    'I rent from a private landlord or letting agent',
    'Yes, my landlord gave me a section 8 notice',
    'In the next 8 weeks',
    ['It is in poor repair or unsafe'],
    'Yes',
    ['Council Tax'],
    'No',
    'Yes',
    ['None of these'],
    'No',
    ['None of these'],
    ['None of these, or I would rather not say'],
  ];
  for (const answer of answers) {
    for (const label of Array.isArray(answer) ? answer : [answer]) await page.getByLabel(label, { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByRole('button', { name: 'See my plan' }).click();
  await expect(page.locator('.app-need-level')).toContainText('High');
  const links = await page
    .locator('a[href^="/information/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))]);
  expect(links).toEqual(
    expect.arrayContaining(['/information/eviction-notice', '/information/rent-arrears', '/information/priority-debts']),
  );
  for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200);

  // "Your pack": the plan's guides as one document, the council's contacts first.
  await page.getByRole('link', { name: 'Get the guides for your plan as one document' }).click();
  await expect(page).toHaveURL(/\/self-assessment\/your-pack$/);
  const text = await page.locator('main').innerText();
  expect(text.indexOf('01632 960 100')).toBeLessThan(text.indexOf('If your landlord has given you notice to leave'));
  await expect(page.getByRole('heading', { level: 2, name: 'Behind with your rent' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-no-print').first()).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Priority debts and free debt advice' })).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('anyone can pick guides by hand and get them as one document', async ({ page }) => {
    await page.goto('/information/your-pack');
    await page.getByLabel('Moving to a smaller home').check();
    await page.getByLabel('Repairs and unsafe homes').check();
    await page.getByRole('button', { name: 'Make my pack' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your information pack');
    await expect(page.locator('.app-pack-section > h2')).toHaveText(['Moving to a smaller home', 'Repairs and unsafe homes']);
    await expect(page.getByRole('heading', { name: /^Contact Harrowmere Borough Council/ })).toBeVisible();
  });
});
