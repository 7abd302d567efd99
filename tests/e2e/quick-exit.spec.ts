import { expect, test } from './fixtures.ts';
import { NEUTRAL_SITE, fakeNeutralSite } from './support.ts';

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page works and "Exit this page" leaves for a neutral site without a referrer', async ({ page }) => {
    const neutral = await fakeNeutralSite(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Worried about losing your home?');
    await page.getByRole('link', { name: 'Contact us' }).click();
    await expect(page).toHaveURL(/\/contact$/);

    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Weather forecast');
    expect(neutral.referers).toEqual([undefined]);
  });
});

test.describe('with JavaScript on', () => {
  test('pressing Shift three times leaves the page', async ({ page }) => {
    await fakeNeutralSite(page);
    await page.goto('/privacy');
    await expect(page.locator('body.govuk-frontend-supported')).toHaveCount(1);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    await expect(page).toHaveURL(NEUTRAL_SITE);
  });

  test('the button leaves the page too', async ({ page }) => {
    await fakeNeutralSite(page);
    await page.goto('/');
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await expect(page).toHaveURL(NEUTRAL_SITE);
  });
});

test('/exit expires the cookies it is sent and is never cached', async ({ request }) => {
  const response = await request.get('/exit', { headers: { Cookie: 'ho_draft=abc' }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe(NEUTRAL_SITE);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
  expect(response.headers()['set-cookie']).toContain('ho_draft=; Path=/; Max-Age=0');
});
