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
  // An emergency's promise, in the partner's name: a time within office hours, and who to call meanwhile.
  await expect(person.locator('main')).toContainText(
    /Harrowmere Safe at Home will try to contact you by \d{1,2}(:\d{2})?(am|pm) (today|on \w+ \d{1,2} \w+)/,
  );
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
  // ...and on the queue, not only on the case.
  await adviser.goto(`/staff/queue?q=${reference}`);
  await expect(adviser.getByRole('row', { name: new RegExp(reference) })).toContainText(
    'Referral declined by Harrowmere Safe at Home (fictional)',
  );
  await check(adviser);
});

test('an emergency is one for the partner too: first in its list with the time promised in its name, urgent by email, and its contact clears the council queue', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const person = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await person.goto('/self-assessment');
  await person.getByRole('button', { name: 'Start now' }).click();
  await person.getByLabel('Yes', { exact: true }).check();
  await person.getByRole('button', { name: 'Continue' }).click();
  await person.getByRole('button', { name: 'Ask for urgent contact' }).click();
  await person.getByLabel('Harrowmere Safe at Home (local domestic abuse service)').check();
  await person.getByRole('button', { name: 'Continue' }).click();
  await person.getByLabel('Your name').fill('Casey Urgentcase');
  await person.getByLabel(/Phone number/).fill('07700 900 778');
  await person.getByLabel('Phone', { exact: true }).check();
  await person.getByRole('button', { name: 'Continue' }).click();
  await person.getByLabel('No, do not leave a message').check();
  await person.getByLabel('Morning (9am to 12pm)').check();
  await person.getByRole('button', { name: 'Continue' }).click();
  // Before sending, they see when the partner would try, in a safe morning.
  const promised = /Harrowmere Safe at Home would try to contact you by (\d{1,2}(:\d{2})?(am|pm)|midday) (today|on \w+ \d{1,2} \w+)/;
  await expect(person.locator('main')).toContainText(promised);
  const time = (await person.locator('main').innerText()).match(promised)![1]!;
  expect(time, 'the promise falls in a safe morning').toMatch(/^(9|10|11)(:\d{2})?am$|^midday$/);
  await person.getByLabel('I agree to share my details as described above').check();
  await person.getByRole('button', { name: 'Send my request' }).click();
  await expect(person).toHaveURL(/\/contact\/sent$/);
  const by = (
    await person
      .locator('main strong')
      .filter({ hasText: /(am|pm|midday) / })
      .first()
      .innerText()
  ).trim();
  const reference = (await person.locator('.app-reference').innerText()).replace(/\s+/g, '');
  await person.context().close();

  // The partner sees it first, as an emergency, with the time promised in its name.
  const partner = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(partner, 'partner@safeathome.example', 'demo-partner-2026');
  await expect(partner.locator('main')).toContainText(/\d+ emergenc(y is|ies are)\s+waiting\s+for\s+contact/);
  // Emergencies waiting for contact come before everything else (other tests may have sent some too).
  const rows = await partner.locator('tbody tr').allInnerTexts();
  const at = rows.findIndex((r) => r.includes(reference));
  expect(at).toBeGreaterThanOrEqual(0);
  for (const above of rows.slice(0, at + 1)) expect(above).toContain('Emergency');
  expect(rows[at]).toContain(`Promised contact by ${by}`);
  await check(partner);
  await partner.getByRole('link', { name: reference }).click();
  await expect(partner.locator('main')).toContainText(
    `This is an emergency. The person was told that your service would try to contact them by ${by}.`,
  );
  await partner.getByLabel('Yes, we accept it').check();
  await partner.getByRole('button', { name: 'Send your answer' }).click();
  await partner.getByRole('link', { name: reference }).click();
  await check(partner);
  await partner.getByLabel('Anything the adviser should know (optional)').fill('Spoke to them at 9:40. Safety plan started.');
  await partner.getByRole('button', { name: 'We have spoken to them' }).click();
  await expect(partner.getByText('Contact recorded. The adviser can see it on the case.')).toBeVisible();
  await expect(partner.locator('tbody tr', { hasText: reference })).toContainText('Accepted: contact made');

  // The email said it is urgent, and nothing about the person.
  const urgentMail = () =>
    (existsSync(MAIL_DIR) ? readdirSync(MAIL_DIR) : [])
      .map((f) => readFileSync(path.join(MAIL_DIR, f), 'utf8'))
      .filter((text) => text.includes('To: partner@safeathome.example') && text.includes(`contact by ${by}`));
  await expect.poll(() => urgentMail().length).toBeGreaterThan(0);
  for (const text of urgentMail()) {
    expect(text).toContain('URGENT: emergency referral from Harrowmere Borough Council');
    for (const personal of ['Casey', '07700', reference]) expect(text).not.toContain(personal);
  }

  // The council's queue no longer asks anyone to contact them, and says who did.
  const adviser = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(adviser, 'adviser@harrowmere.example', 'demo-adviser-2026');
  await adviser.goto(`/staff/queue?q=${reference}`);
  const row = adviser.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toContainText('Contacted by Harrowmere Safe at Home (fictional)');
  await expect(row).not.toContainText('Emergency: contact the person');
  await expect(row).toContainText('Acknowledged');
  await check(adviser);
});
