// Sessions as promised: signing in always replaces the session the browser had (a session planted
// by someone else cannot be carried on), and "Exit this page" on a public page ends a back-office
// session in the same browser too.
import { expect, request, test } from './fixtures.ts';
import { NEUTRAL_SITE, fakeNeutralSite, signIn } from './support.ts';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4322}`;

/** Whether a staff session token still opens the back office (the queue, not the sign-in page). */
async function stillWorks(token: string): Promise<boolean> {
  const client = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Cookie: `ho_staff_session=${token}` } });
  const response = await client.get('/staff/queue', { maxRedirects: 0 });
  await client.dispose();
  return response.status() === 200;
}

test.use({ javaScriptEnabled: false });

test('signing in on a browser that already has someone’s session says so, and replaces it: the planted session ends', async ({
  page,
  context,
}) => {
  // Someone else's signed-in session, planted in this browser.
  await signIn(page, 'jet.adviser@harrowmere.example', 'demo-adviser-2026');
  await expect(page).toHaveURL(/\/staff\/queue/);
  const planted = (await context.cookies()).find((c) => c.name === 'ho_staff_session')!.value;
  expect(await stillWorks(planted)).toBe(true);

  // The sign-in page is shown, not skipped: it names who this browser is signed in as.
  await page.goto('/staff/sign-in');
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.locator('.govuk-inset-text')).toContainText('This browser is signed in as');
  await page.getByLabel('Email address').fill('adviser@harrowmere.example');
  await page.getByLabel('Password').fill('demo-adviser-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/staff\/queue/);
  const own = (await context.cookies()).find((c) => c.name === 'ho_staff_session')!.value;
  expect(own).not.toBe(planted);
  expect(await stillWorks(planted)).toBe(false);
  expect(await stillWorks(own)).toBe(true);
});

test('"Exit this page" on a public page ends the back-office session in the same browser', async ({ page, context }) => {
  await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
  await expect(page).toHaveURL(/\/staff\/queue/);
  const token = (await context.cookies()).find((c) => c.name === 'ho_staff_session')!.value;
  expect(await stillWorks(token)).toBe(true);

  await fakeNeutralSite(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
  await expect(page).toHaveURL(NEUTRAL_SITE);
  // Ended on the server, and gone from the browser.
  expect(await stillWorks(token)).toBe(false);
  expect((await context.cookies()).map((c) => c.name)).toEqual([]);
  await page.goto('/staff/queue');
  await expect(page).toHaveURL(/\/staff\/sign-in/);
});
