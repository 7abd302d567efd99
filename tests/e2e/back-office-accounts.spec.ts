// Accounts end to end: an administrator creates one, its owner sets a password from the link,
// turns on the second factor and signs in with a code (each code works once); disabling the
// account ends its session. Also axe on the back-office pages the journey does not visit.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { expect, test } from './fixtures.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAIL_DIR, expectNoAxeViolations, signIn } from './support.ts';

/** The password link emailed to `to` (the e2e server writes email to MAIL_DROP_DIR; see playwright.config.ts). */
async function emailedLink(to: string): Promise<string> {
  let found = '';
  await expect
    .poll(() => {
      const files = existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR).sort() : [];
      const texts = files.map((f) => readFileSync(path.join(MAIL_DIR, f), 'utf8')).filter((t) => t.includes(`To: ${to}\n`));
      found = /https?:\/\/\S+\/staff\/set-password\/\S+/.exec(texts.at(-1) ?? '')?.[0] ?? '';
      return found;
    })
    .not.toBe('');
  return found;
}

const codeFor = (key: Uint8Array, step: number) => generateHOTP(key, BigInt(step), 6);
const stepNow = () => Math.floor(Date.now() / 30_000);

test('a new account: password from a link, a second factor, sign-in with a code, then disabled', async ({ browser }) => {
  test.setTimeout(150_000);
  const email = `new.adviser.${Date.now()}@harrowmere.example`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@harrowmere.example', 'demo-admin-2026');
  await expect(admin).toHaveURL(/\/staff\/admin\/accounts$/);
  await admin.getByRole('button', { name: 'Create the account' }).click();
  await expect(admin.locator('.govuk-error-summary')).toContainText('Enter their name');
  await expect(admin.locator('.govuk-error-summary')).toContainText('Choose a role');
  await expectNoAxeViolations(admin);
  await admin.getByLabel('Name').fill('Nadia Newcomer');
  await admin.getByLabel('Email address').fill(email);
  await admin.getByLabel('Adviser', { exact: true }).check();
  await admin.getByLabel('Housing Options team').check();
  await admin.getByRole('button', { name: 'Create the account' }).click();
  await expect(admin.getByText('Account created for Nadia Newcomer')).toBeVisible();
  // The administrator is never shown the link: it goes to its owner only.
  await expect(admin.locator('main')).toContainText(`is being emailed to ${email}, and only to them`);
  expect(await admin.content()).not.toContain('/staff/set-password/');
  await expectNoAxeViolations(admin);
  const link = await emailedLink(email);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  await expectNoAxeViolations(page);
  await page.getByLabel('New password').fill('four random garden words');
  await page.getByLabel('Type it again').fill('four random garden wards');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('The two passwords are not the same');
  await page.getByLabel('New password').fill('four random garden words');
  await page.getByLabel('Type it again').fill('four random garden words');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your password is set')).toBeVisible();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');

  await signIn(page, email, 'four random garden words');
  await expect(page).toHaveURL(/\/staff\/queue$/);
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('cell', { name: /This one/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Set up a second factor' }).click();
  // A QR code drawn on the server, beside the key to type.
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expectNoAxeViolations(page);
  const key = decodeBase32IgnorePadding((await page.locator('.app-key').innerText()).replace(/\s/g, ''));
  await page.getByLabel('Code from your app').fill('000000');
  await page.getByRole('button', { name: 'Turn on the second factor' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('The code is not right');
  const enrolledAt = stepNow();
  await page.getByLabel('Code from your app').fill(codeFor(key, enrolledAt));
  await page.getByRole('button', { name: 'Turn on the second factor' }).click();
  await expect(page.getByText('Second factor turned on')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, email, 'four random garden words');
  await expect(page).toHaveURL(/\/staff\/sign-in\/code/);
  await expectNoAxeViolations(page);
  // Until the code is given, nothing else opens.
  await page.goto('/staff/queue');
  await expect(page).toHaveURL(/\/staff\/sign-in\/code$/);
  // The code used to turn it on cannot be used again, even straight away.
  await page.getByLabel(/Enter the code/).fill(codeFor(key, enrolledAt));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('has been used');
  // Wait for the app's next code.
  await page.waitForTimeout(Math.max(0, (enrolledAt + 1) * 30_000 - Date.now() + 500));
  const sessionCookie = async () => (await context.cookies()).find((c) => c.name === 'ho_staff_session')?.value;
  const beforeCode = await sessionCookie();
  await page.getByLabel(/Enter the code/).fill(codeFor(key, stepNow()));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/staff\/queue$/);
  // The session is renewed once the code is right: the token from before it no longer works.
  const afterCode = await sessionCookie();
  expect(afterCode).toBeTruthy();
  expect(afterCode).not.toBe(beforeCode);
  const elsewhere = await browser.newContext();
  const stale = await elsewhere.request.get('/staff/queue', { headers: { Cookie: `ho_staff_session=${beforeCode}` }, maxRedirects: 0 });
  expect(stale.status()).toBe(303);
  expect(stale.headers()['location']).toMatch(/^\/staff\/sign-in/);
  await elsewhere.close();

  // Turning the second factor off asks for the password and a current code.
  await page.getByRole('link', { name: 'Your account' }).click();
  await page.getByLabel('Your password').fill('not my password');
  await page.getByLabel('Code from your authenticator app').fill('123456');
  await page.getByRole('button', { name: 'Turn off the second factor' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Your password is not right');
  await expect(page.getByText('On: signing in asks for a code')).toBeVisible();
  await expectNoAxeViolations(page);

  // Disabling the account ends its session at once.
  await admin.goto('/staff/admin/accounts');
  await admin.getByRole('button', { name: 'Disable Nadia Newcomer' }).click();
  await expect(admin.getByText('Account disabled')).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/staff\/sign-in/);
  await context.close();
  await adminContext.close();
});

test('the other back-office pages have no accessibility problems', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'manager@harrowmere.example', 'demo-manager-2026');
  for (const path of ['/staff/directory', '/staff/admin/outbox', '/staff/admin/audit', '/staff/follow-ups']) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expectNoAxeViolations(page);
  }
  await page.goto('/staff/directory/private-sector-housing');
  await page.getByLabel('Name').fill('');
  await page.getByLabel('Website (optional)').fill('www.example.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the name of the service');
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a website address starting with https://');
  await expect(page.getByLabel('Website (optional)')).toHaveValue('www.example.org');
  await expectNoAxeViolations(page);
  await page.goto('/staff/cases/not-a-real-case');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is nothing at this address');
  await expectNoAxeViolations(page);
  await page.goto('/staff/admin/accounts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot see this page');
  await expectNoAxeViolations(page);
});
