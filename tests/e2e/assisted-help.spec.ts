// Assisted help, as the people it is for use it, with JavaScript on and off: an adviser takes a
// person through the self-assessment by phone and lands on their case (claimed, channel recorded),
// and a sign-out half way loses none of the saved answers; a person asks for guides by post on a
// 320 px phone (a wrong postcode says so, nothing typed is lost, the reference is never cut off)
// and an officer prints and marks them posted; the surgeries page lists the next sessions and the
// directory's Open Referral API gives them as schedules valid against the profile's schemas. Axe
// finds nothing on any of these pages.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { surgeries } from '../../src/config/outreach.ts';
import { orukId } from '../../src/server/directory/oruk-ids.ts';
import { MODERATE_RENTER } from '../support/answers.ts';
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

const ADVISER = ['adviser@harrowmere.example', 'demo-adviser-2026'] as const;
const OFFICER = ['pso@harrowmere.example', 'demo-officer-2026'] as const;

/** The page is no wider than the screen. */
const fits = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

/** Answers the question on screen with the option values given (radios or checkboxes). */
async function answerQuestion(page: Page, step: string, raw: string | string[]) {
  await expect(page).toHaveURL(new RegExp(`/self-assessment/${step}(\\?|$)`));
  for (const value of Array.isArray(raw) ? raw : [raw]) await page.locator(`input[name="answer"][value="${value}"]`).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`assisted help, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('an adviser takes someone through the self-assessment by phone and lands on their case', async ({ page }) => {
      await signIn(page, ...ADVISER);
      await page.getByRole('link', { name: 'With someone' }).first().click();
      await expect(page.getByRole('heading', { name: 'A self-assessment with someone' })).toBeVisible();
      await expectNoAxeViolations(page, { javaScriptEnabled });

      // Nothing chosen: each question says what to do, and the privacy notice is on screen to read.
      await page.getByRole('button', { name: 'Start the questions' }).click();
      await expect(page.getByRole('link', { name: 'Select how you are helping the person' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Select how the person was given the privacy notice/ })).toBeVisible();
      await expect(page.getByText('Only staff who need to see your record can open it')).toBeVisible();
      // On the phone, the person cannot have the screen.
      await page.getByLabel('Assisted by phone').check();
      await page.getByLabel('The person, with the adviser beside them').check();
      await page.getByLabel('Read to them').check();
      await page.getByRole('button', { name: 'Start the questions' }).click();
      await expect(page.getByRole('link', { name: /On the phone the person cannot see your screen/ })).toBeVisible();
      await page.getByLabel('The adviser, for the person').check();
      await page.getByRole('button', { name: 'Start the questions' }).click();

      // The website's questions, in the back office, without "save for later".
      const half = Math.floor(MODERATE_RENTER.length / 2);
      for (const [step, raw] of MODERATE_RENTER.slice(0, half)) await answerQuestion(page, step, raw);
      await expect(page.getByRole('link', { name: /Save your answers/i })).toHaveCount(0);
      await expectNoAxeViolations(page, { javaScriptEnabled });

      // Signed out half way (the idle timeout, or another tab): nothing saved is lost.
      const where = page.url();
      await page.context().clearCookies();
      await page.goto(where);
      await expect(page).toHaveURL(/\/staff\/sign-in\?next=/);
      await page.getByLabel('Email address').fill(ADVISER[0]);
      await page.getByLabel('Password').fill(ADVISER[1]);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(where);
      await page.goto('/staff/assisted');
      await expect(page.getByRole('link', { name: /^Assisted by phone, started/ }).first()).toBeVisible();
      await page.goto(where);

      for (const [step, raw] of MODERATE_RENTER.slice(half)) await answerQuestion(page, step, raw);
      await expect(page.getByRole('heading', { name: 'Check the answers with them' })).toBeVisible();
      await page.getByRole('button', { name: 'See their result' }).click();
      await expect(page.getByRole('heading', { name: 'Their result' })).toBeVisible();
      await expectNoAxeViolations(page, { javaScriptEnabled });

      // One form: nothing from the website's contact pages asked twice; problems said against each field.
      await page.getByRole('button', { name: 'Open their case' }).click();
      await expect(page.getByRole('link', { name: /Enter the person’s name/ })).toBeVisible();
      await expect(page.getByRole('link', { name: /Select that the person agreed/ })).toBeVisible();
      const name = `Assisted ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      await page.getByLabel('Their name').fill(name);
      await page.getByLabel('Their phone number (optional)').fill('07700 900 411');
      await page.getByRole('group', { name: 'How would they like to be contacted?' }).getByLabel('Phone').check();
      await page.getByRole('group', { name: 'Is it safe to leave them a voicemail?' }).getByLabel('No').check();
      await page.getByLabel('Morning (9am to 12pm)').check();
      await page.getByLabel('They agreed, in their own words, after I read them the statement').check();
      await page.getByRole('button', { name: 'Open their case' }).click();

      await expect(page).toHaveURL(/\/staff\/cases\/[^/?]+\?done=assisted/);
      await expect(page.getByRole('heading', { name })).toBeVisible();
      await expect(page.getByText('Case opened from the self-assessment you did with them')).toBeVisible();
      await expect(page.locator('.app-case-facts')).toContainText('Assisted by phone; filled in by the adviser, for the person');
      await expect(page.locator('.app-case-facts')).toContainText('Acknowledged');
      await expect(page.getByText(/went through the self-assessment with them: assisted by phone/)).toBeVisible();
      await expectNoAxeViolations(page, { javaScriptEnabled });
    });

    test('a person asks for guides by post on a 320px phone, and an officer prints and posts them', async ({ page, browser }) => {
      await page.setViewportSize({ width: 320, height: 740 });
      await page.goto('/');
      await page.getByRole('link', { name: 'Get our guides by post' }).click();
      await expect(page.getByRole('heading', { name: 'Get our guides by post' })).toBeVisible();
      await fits(page);
      await expectNoAxeViolations(page, { javaScriptEnabled });

      const name = `Posted ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Address line 1').fill('12 Chapel Row');
      await page.getByLabel('Town or city').fill('Harrowmere');
      await page.getByLabel('Postcode').fill('HM3');
      await page.getByLabel('Behind with your rent').check();
      await page.getByLabel(/I agree that Harrowmere Borough Council keeps my name and address/).check();
      await page.getByRole('button', { name: 'Ask for the guides' }).click();
      // The postcode is wrong: said against it, and nothing typed is lost.
      await expect(page.getByRole('link', { name: 'Enter a full UK postcode, like HM1 1AA' })).toBeVisible();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.getByLabel('Address line 1')).toHaveValue('12 Chapel Row');
      await expect(page.getByLabel('Behind with your rent')).toBeChecked();
      await expectNoAxeViolations(page, { javaScriptEnabled });
      await page.getByLabel('Postcode').fill('hm3 2qt');
      await page.getByRole('button', { name: 'Ask for the guides' }).click();

      await expect(page.getByRole('heading', { name: 'We will post your guides' })).toBeVisible();
      const reference = page.locator('.app-reference');
      await expect(reference).toHaveText(/^P-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      // Never cut off: the whole reference is on the screen.
      const box = (await reference.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      await fits(page);
      await expectNoAxeViolations(page, { javaScriptEnabled });
      const referenceText = (await reference.textContent())!;

      const staffContext = await browser.newContext({ javaScriptEnabled });
      const staff = await staffContext.newPage();
      await signIn(staff, ...OFFICER);
      await staff.goto('/staff/posted-packs');
      await expectNoAxeViolations(staff, { javaScriptEnabled });
      await staff.getByRole('link', { name: referenceText }).click();
      await expect(staff.locator('.app-letter')).toContainText(`Dear ${name},`);
      await expect(staff.locator('.app-letter')).toContainText('HM3 2QT');
      await expect(staff.getByRole('heading', { name: 'Behind with your rent' })).toBeVisible();
      await expectNoAxeViolations(staff, { javaScriptEnabled });
      await staff.getByRole('button', { name: 'Mark as posted' }).click();
      await expect(staff.getByText('Marked as posted')).toBeVisible();
      await expect(staff.getByRole('table', { name: /waiting/ }).getByText(referenceText)).toHaveCount(0);
      // A request made on the Polish website (the demo's) prints its letter in Polish.
      await staff
        .getByRole('row', { name: /Tomasz Wójcik/ })
        .getByRole('link')
        .click();
      await expect(staff.locator('.app-letter')).toHaveAttribute('lang', 'pl');
      await expect(staff.locator('.app-letter')).toContainText('Dzień dobry, Tomasz Wójcik,');
      await expectNoAxeViolations(staff, { javaScriptEnabled });
      await staffContext.close();
    });
  });
}

test.describe('talk to someone in person', () => {
  test('lists the next sessions and the places, on a 320px phone with JavaScript off, in English and Urdu', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 740 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Talk to someone in person' }).click();
    await expect(page.getByRole('heading', { name: 'Talk to someone in person', level: 1 })).toBeVisible();
    for (const place of surgeries.places) await expect(page.getByRole('heading', { name: place.name, level: 3 })).toBeVisible();
    await expect(page.locator('.app-sessions li').first()).toBeVisible();
    await fits(page);
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.goto('/ur/talk-to-someone-in-person');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { name: 'کسی سے خود مل کر بات کریں', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Eastgate Library' })).toHaveAttribute('lang', 'en');
    await fits(page);
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await context.close();
  });

  test('the directory’s Open Referral API gives the sessions as schedules valid against the profile', async ({ request }) => {
    const read = (file: string) => JSON.parse(readFileSync(`tests/schemas/openreferral-uk/${file}`, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true });
    (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
    const validate = ajv.compile(read('service.json'));
    const response = await request.get(`/api/oruk/services/${orukId('service', surgeries.serviceId)}`);
    expect(response.status()).toBe(200);
    const service = (await response.json()) as { schedules: Array<Record<string, string>>; service_at_locations: unknown[] };
    expect(validate(service), ajv.errorsText(validate.errors)).toBe(true);
    expect(service.service_at_locations).toHaveLength(surgeries.places.length);
    expect(service.schedules.map((s) => `${s.freq} ${s.byday} ${s.opens_at}-${s.closes_at}`).sort()).toEqual([
      'MONTHLY -1FR 09:30-12:30',
      'MONTHLY 1TH 13:00-16:00',
      'WEEKLY TU 10:00-13:00',
    ]);
  });
});
