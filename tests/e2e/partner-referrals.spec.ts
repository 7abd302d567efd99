// Partners answer referrals themselves. Someone in danger asks the local domestic abuse service
// to contact them (offered because they said they are in danger); the service's partner account
// sees the referral with their details, declines it with a reason, and the council's adviser sees
// that on the case at once. The partner's email says nothing about the person.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures.ts';
import { MAIL_DIR, expectNoAxeViolations, signIn } from './support.ts';

test.use({ javaScriptEnabled: false });

const check = (page: Page) => expectNoAxeViolations(page, { javaScriptEnabled: false });

test('someone in danger is offered the local domestic abuse service, which answers the referral itself', async ({ browser }) => {
  test.setTimeout(120_000);
  const person = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await person.goto('/self-assessment');
  await person.getByRole('button', { name: 'Start now' }).click();
  await person.getByLabel('Yes', { exact: true }).check();
  await person.getByRole('button', { name: 'Continue' }).click();
  await person.getByRole('button', { name: 'Ask for urgent contact' }).click();

  // The local domestic abuse service from the directory comes first, suggested.
  const first = person.locator('.govuk-radios__item').first();
  await expect(first).toContainText('Harrowmere Safe at Home (local domestic abuse service)');
  await expect(first).toContainText('Suggested for you');
  await person.getByLabel('Harrowmere Safe at Home (local domestic abuse service)').check();
  await person.getByRole('button', { name: 'Continue' }).click();
  await person.getByLabel('Your name').fill('Robin Partnercase');
  await person.getByLabel(/Phone number/).fill('07700 900 777');
  await person.getByLabel('Phone', { exact: true }).check();
  await person.getByRole('button', { name: 'Continue' }).click();
  await person.getByLabel('No, do not leave a message').check();
  await person.getByLabel('Afternoon (12pm to 5pm)').check();
  await person.getByRole('button', { name: 'Continue' }).click();
  // The consent names both who will see it.
  await expect(person.locator('main')).toContainText(
    "with Harrowmere Safe at Home (local domestic abuse service), and with the council's Housing Options team",
  );
  await person.getByLabel('I agree to share my details as described above').check();
  await person.getByRole('button', { name: 'Send my request' }).click();
  await expect(person).toHaveURL(/\/contact\/sent$/);
  // An emergency's promise: a time within office hours, and who to call meanwhile.
  await expect(person.locator('main')).toContainText(/will try to contact you by \d{1,2}(:\d{2})?(am|pm) (today|on \w+ \d{1,2} \w+)/);
  await expect(person.locator('main')).toContainText('if you are in danger now, call 999');
  const reference = (await person.locator('.app-reference').innerText()).replace(/\s+/g, '');
  await person.context().close();

  // The partner signs in, lands on their referrals and opens this one.
  const partner = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(partner, 'partner@safeathome.example', 'demo-partner-2026');
  await expect(partner).toHaveURL(/\/staff\/referrals$/);
  await check(partner);
  await partner.getByRole('link', { name: reference }).click();
  await expect(partner.locator('main')).toContainText('The person asked for your service themselves');
  await expect(partner.locator('main')).toContainText('Robin Partnercase');
  await expect(partner.locator('main')).toContainText('No voicemail: do not leave a message.');
  await check(partner);
  await partner.getByLabel('No, we decline it').check();
  await partner.getByRole('button', { name: 'Send your answer' }).click();
  await expect(partner.locator('.govuk-error-summary')).toContainText('Enter why you are declining the referral');
  await check(partner);
  await partner.getByLabel('Why, or what happens next').fill('No refuge space this week: we have passed them to a neighbouring service');
  await partner.getByRole('button', { name: 'Send your answer' }).click();
  await expect(partner.getByText('Referral declined. The adviser can see why on the case.')).toBeVisible();

  // The partner was told by email, with nothing about the person in it.
  const partnerMail = () =>
    (existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR) : [])
      .map((f) => readFileSync(path.join(MAIL_DIR, f), 'utf8'))
      .filter((text) => text.includes('To: partner@safeathome.example'));
  await expect.poll(() => partnerMail().length).toBeGreaterThan(0);
  for (const text of partnerMail()) for (const personal of ['Robin', '07700', reference]) expect(text).not.toContain(personal);

  // The council's adviser sees the answer on the case: the emergency is first in their queue.
  const adviser = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(adviser, 'adviser@harrowmere.example', 'demo-adviser-2026');
  await adviser.getByLabel('Reference, phone, email or name').fill(reference);
  await adviser.getByRole('button', { name: 'Apply filters' }).click();
  await adviser.getByRole('link', { name: reference }).click();
  const referrals = adviser.getByRole('region', { name: 'Referrals' });
  await expect(referrals).toContainText('Declined: No refuge space this week');
  await expect(adviser.locator('main')).toContainText('Harrowmere Safe at Home (fictional) declined the referral');
});
