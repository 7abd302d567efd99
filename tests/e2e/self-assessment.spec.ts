// The self-assessment journeys, each run twice: with JavaScript off (plain forms driving the
// machine on the server) and on (the island running the same machine in the browser). Axe checks
// every page on the way.
import { expect, test, type Page } from './fixtures.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { getHandoffByReference } from '../../src/server/handoffs/handoff-record.ts';
import { urgentContactBy } from '../../src/server/handoffs/deadlines.ts';
import { serviceRules } from '../../src/config/service-rules.ts';
import { bankHolidays } from '../../src/config/calendar.ts';
import { council } from '../../src/config/council.ts';
import { describeContactBy, isOfficeOpen } from '../../src/domain/time/office-hours.ts';
import { expectNoAxeViolations, fakeNeutralSite, NEUTRAL_SITE } from './support.ts';
import { ring } from '../support/keys.ts';

type Step = [page: string, choice: string | string[]];

/** Whether the running test has JavaScript on (set by each describe block below). */
let javaScriptOn = true;
const axe = (page: Page) => expectNoAxeViolations(page, { javaScriptEnabled: javaScriptOn });

/** From the home page, as a person would arrive, to the first question. */
async function start(page: Page, options: { check?: boolean } = {}) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/self-assessment$/);
  if (options.check) await axe(page);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page).toHaveURL(/\/self-assessment\/danger$/);
}

/** Answers each question (checking its URL, and with `check`, running axe), then presses Continue. */
async function answer(page: Page, steps: Step[], options: { check?: boolean } = {}) {
  for (const [path, choice] of steps) {
    await expect(page).toHaveURL(new RegExp(`/self-assessment/${path}(\\?change=1)?$`));
    if (options.check) await axe(page);
    for (const label of Array.isArray(choice) ? choice : [choice]) {
      const field = page.getByLabel(label, { exact: true });
      if ((await field.getAttribute('type')) === 'text') await field.fill(label === '' ? '' : label);
      else await field.check();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}

async function fillNumber(page: Page, path: string, value: string) {
  await expect(page).toHaveURL(new RegExp(`/self-assessment/${path}(\\?change=1)?$`));
  await axe(page); // the household questions are checked here
  await page.locator('#answer').fill(value);
  await page.getByRole('button', { name: 'Continue' }).click();
}

const safe: Step[] = [
  ['danger', 'No'],
  ['tonight', 'Yes'],
  ['courtOrBailiff', 'No'],
];

const moderateRenter: Step[] = [
  ...safe,
  ['homeType', 'I rent from a private landlord or letting agent'],
  ['noticeReceived', 'Yes, my landlord gave me a section 21 notice'],
  ['leaveBy', 'More than 8 weeks from now'],
  ['homeProblems', 'It is in poor repair or unsafe'],
  ['arrears', 'No'],
  ['otherDebts', ['Council Tax', 'Gas or electricity']],
  ['incomeDrop', 'Yes, I am working fewer hours'],
  ['benefits', 'Yes'],
  ['moneyHelp', 'A check that I am getting all the money I am entitled to'],
  ['work', 'Yes, less than 16 hours a week'],
  ['workHelp', 'Finding work or more hours'],
  ['workBarriers', 'Childcare'],
  ['supportNeeds', 'None of these, or I would rather not say'],
];

for (const javaScriptEnabled of [false, true]) {
  test.describe(`self-assessment with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });
    test.beforeEach(() => {
      javaScriptOn = javaScriptEnabled;
    });

    test('someone in danger goes straight to who to call, and is offered urgent contact', async ({ page }) => {
      await start(page, { check: true });
      await answer(page, [['danger', 'Yes']], { check: true });
      await expect(page).toHaveURL(/\/self-assessment\/emergency$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
      // Contacts come before anything else on the page.
      const main = await page.locator('main').innerText();
      expect(main.indexOf('999')).toBeLessThan(main.indexOf('Ask us to contact you urgently'));
      await expect(page.getByRole('link', { name: '0808 2000 247' }).first()).toBeVisible();
      await expect(page.getByRole('button', { name: 'Ask for urgent contact' })).toBeVisible();
      // The promise is the emergency one, in office hours, said honestly, with who to call meanwhile.
      const now = new Date();
      const offer = page.locator('.app-handoff-offer');
      await expect(offer).toContainText(`would try to contact you by ${describeContactBy(now, urgentContactBy(now, serviceRules).due).by}`);
      if (!isOfficeOpen(now, council.openingHours, bankHolidays)) await expect(offer).toContainText('Our office is closed now');
      await expect(offer).toContainText('If you have nowhere safe to sleep tonight, the out-of-hours homelessness line on 01632 960 999');
      await expect(page.getByText('You are seeing this because you said: In danger or afraid of someone you live with: Yes')).toBeVisible();
      await axe(page);
    });

    test('someone in danger who can only take a call in the early evening is told plainly that no call can be promised, and what to do', async ({
      page,
    }) => {
      await start(page);
      await answer(page, [['danger', 'Yes']]);
      await page.getByRole('button', { name: 'Ask for urgent contact' }).click();
      await page.getByLabel('Housing Options team').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Your name').fill('Evening Only');
      await page.getByLabel(/Phone number/).fill('07700 900 779');
      await page.getByLabel('Phone', { exact: true }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('No, do not leave a message').check();
      await page.getByLabel('Early evening (5pm to 7pm)').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      // Before sending: no promise of a call, the numbers to call instead, and a way to choose another time.
      const plainly =
        'None of the times you told us it is safe to call (early evening (5pm to 7pm)) is in our office hours (Monday to Thursday, 9am to 5pm; Friday, 9am to 4:30pm), so we cannot promise to call you soon.';
      await expect(page.locator('main')).toContainText(plainly);
      await expect(page.locator('main')).not.toContainText('would try to contact you by');
      await expect(page.getByRole('link', { name: '0808 2000 247' }).first()).toBeVisible();
      await expect(page.getByRole('link', { name: '01632 960 999' })).toBeVisible();
      await axe(page);
      await page.getByRole('link', { name: 'Choose another time when it is safe to call you' }).click();
      await expect(page).toHaveURL(/\/contact\/safety$/);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('I agree to share my details as described above').check();
      await page.getByRole('button', { name: 'Send my request' }).click();
      await expect(page).toHaveURL(/\/contact\/sent$/);
      await expect(page.locator('main')).toContainText(plainly);
      await expect(page.locator('main')).not.toContainText('in the way you told us is safe');
      await expect(page.locator('main')).toContainText(
        'if a call in our office hours would be safe after all, call the Housing Options team on 01632 960 100 and give your reference',
      );
      await axe(page);
    });

    test('a moderate need ends in a stored hand-off with every answer and a reference number', async ({ page }) => {
      // Nine full-page accessibility checks, each (with JavaScript off) on a second copy of the page:
      // 49 s with JavaScript on, about 2 minutes off on a busy 2-core machine.
      test.setTimeout(180_000);
      await start(page, { check: true });
      await answer(page, moderateRenter, { check: true });
      await expect(page).toHaveURL(/\/self-assessment\/check-answers$/);
      await axe(page);
      await expect(page.locator('.govuk-summary-list__row')).toHaveCount(moderateRenter.length);
      await page.getByRole('button', { name: 'See my plan' }).click();

      await expect(page).toHaveURL(/\/self-assessment\/result$/);
      await expect(page.locator('.app-need-level')).toContainText('Moderate');
      await expect(page.getByRole('heading', { name: 'Check your section 21 notice' })).toBeVisible();
      // Renting privately is a step here, so the plan points to homes from accredited landlords.
      await expect(page.getByRole('link', { name: 'See homes to rent from accredited landlords' }).first()).toHaveAttribute(
        'href',
        '/homes',
      );
      await expect(
        page.getByText('You are seeing this because you said: Other money owed: Council Tax, Gas or electricity.'),
      ).toBeVisible();
      // Who can help comes from the referral pathways, linked to the directory.
      const debts = page.locator('.app-plan-step', { hasText: 'Deal with priority debts first' });
      await expect(debts.getByRole('link', { name: 'National Debtline' })).toHaveAttribute('href', '/services/national-debtline-advice');
      await axe(page);
      await page.getByRole('button', { name: 'Ask an adviser to contact me' }).click();

      await expect(page).toHaveURL(/\/self-assessment\/contact$/);
      await axe(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Select who you would like to contact you');
      await axe(page);
      await page.getByLabel('Welfare rights and income check').check();
      await page.getByRole('button', { name: 'Continue' }).click();

      await expect(page).toHaveURL(/\/contact\/details$/);
      await page.getByLabel('Your name').fill('Jo Example');
      await page.getByLabel(/Phone number/).fill('0770 090 0982x');
      await page.getByLabel('Phone', { exact: true }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Enter a UK phone number');
      await expect(page.getByLabel('Your name')).toHaveValue('Jo Example'); // nothing typed is lost
      await axe(page);
      await page.getByLabel(/Phone number/).fill('07700 900 982');
      await page.getByRole('button', { name: 'Continue' }).click();

      await expect(page).toHaveURL(/\/contact\/safety$/);
      await axe(page);
      await page.getByLabel('No, do not leave a message').check();
      await page.getByLabel('Morning (9am to 12pm)').check();
      await page.getByLabel(/Anything else/).fill('Call from a withheld number');
      await page.getByRole('button', { name: 'Continue' }).click();

      await expect(page).toHaveURL(/\/contact\/consent$/);
      await expect(page.getByText(/I agree that Harrowmere Borough Council can share my answers/)).toBeVisible();
      await axe(page);
      await page.getByRole('button', { name: 'Send my request' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Confirm that you agree');
      await page.getByLabel('I agree to share my details as described above').check();
      await page.getByRole('button', { name: 'Send my request' }).click();

      await expect(page).toHaveURL(/\/contact\/sent$/);
      await axe(page);
      const reference = (await page.locator('.app-reference').innerText()).trim();
      expect(reference).toMatch(/^HO-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await expect(page.getByText(/A welfare rights adviser will contact you by the end of/)).toBeVisible();

      // The stored hand-off holds every answer, as given, so no adviser asks again.
      const db = openDatabase({ kind: 'sqlite', filename: 'tmp/e2e/housing-options-e2e.db' });
      try {
        const handoff = await getHandoffByReference(db, reference, ring);
        expect(handoff).toMatchObject({
          serviceId: 'welfare-rights',
          needLevel: 'moderate',
          contact: { name: 'Jo Example', phone: '07700900982', preferred: 'phone' },
          safety: { voicemailOk: false, safeTimes: ['morning'], notes: 'Call from a withheld number' },
        });
        expect(Object.keys(handoff!.answers).sort()).toEqual(moderateRenter.map(([path]) => path).sort());
        expect(handoff!.answers.otherDebts).toEqual(['councilTax', 'energy']);
      } finally {
        await db.destroy();
      }

      await page.getByRole('button', { name: 'Finish' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers have been deleted');
    });

    test('a low need ends in guidance, with no hand-off offered', async ({ page }) => {
      await start(page);
      await answer(page, [
        ...safe,
        ['homeType', 'I own my home outright'],
        ['noticeReceived', 'No'],
        ['homeProblems', 'None of these'],
        ['otherDebts', 'I do not owe money for any of these'],
        ['incomeDrop', 'No'],
        ['benefits', 'Yes'],
        ['moneyHelp', 'None of these'],
        ['work', 'Yes, 16 hours a week or more'],
        ['workHelp', 'None of these'],
        ['supportNeeds', 'None of these, or I would rather not say'],
      ]);
      await page.getByRole('button', { name: 'See my plan' }).click();
      await expect(page.locator('.app-need-level')).toContainText('Low');
      await expect(page.getByRole('heading', { name: 'Keep your home secure' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Ask an adviser to contact me' })).toHaveCount(0);

      // Printing shows the plan and leaves out the page furniture.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('heading', { name: 'Keep your home secure' })).toBeVisible();
      for (const hidden of ['.govuk-exit-this-page', '.govuk-footer', '.govuk-phase-banner', 'form.app-no-print']) {
        await expect(page.locator(hidden).first()).toBeHidden();
      }
      await page.emulateMedia({ media: 'screen' });
      const download = await page.request.get('/self-assessment/plan.txt');
      expect(download.headers()['content-disposition']).toContain('attachment');
      expect(await download.text()).toContain('Keep your home secure');
    });

    test('changing an answer asks newly needed questions, drops ones no longer needed, and comes back', async ({ page }) => {
      await start(page);
      await answer(page, moderateRenter);
      await expect(page).toHaveURL(/check-answers$/);

      // A wrong-size home needs the household questions, then back to check your answers.
      await page.getByRole('link', { name: 'Change problems with your home' }).click();
      await expect(page.getByRole('link', { name: 'Back', exact: true })).toHaveAttribute('href', '/self-assessment/check-answers');
      await page.getByLabel('It is in poor repair or unsafe').uncheck();
      await page.getByLabel('It is too small for my household').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await fillNumber(page, 'adults', '2');
      await fillNumber(page, 'children', '3');
      await expect(page).toHaveURL(/check-answers$/);
      await expect(page.locator('.govuk-summary-list__key', { hasText: 'Adults in your home' })).toBeVisible();

      // No notice any more: "when do you have to leave" is dropped.
      await page.getByRole('link', { name: 'Change asked to leave' }).click();
      await page.getByLabel('No', { exact: true }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveURL(/check-answers$/);
      await expect(page.locator('.govuk-summary-list__key', { hasText: 'When you have to leave' })).toHaveCount(0);
      await expect(page.locator('.govuk-summary-list__key', { hasText: 'Adults in your home' })).toBeVisible();
    });

    test('errors are summarised and shown by the field, and the back link follows the answers', async ({ page }) => {
      await start(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveTitle(/^Error: Are you in danger/);
      await expect(page.locator('.govuk-error-summary')).toContainText(
        'Select yes if you are in danger or afraid of someone you live with',
      );
      await expect(page.locator('#answer-error')).toContainText('Select yes if you are in danger');
      await axe(page);
      await answer(page, [...safe, ['homeType', 'I am about to leave care, prison, hospital or the armed forces']]);
      await answer(page, [['leavingWhere', 'Hospital']], { check: true });
      await expect(page).toHaveURL(/incomeDrop$/);
      await expect(page.getByRole('link', { name: 'Back', exact: true })).toHaveAttribute('href', '/self-assessment/leavingWhere');
      await page.getByRole('link', { name: 'Back', exact: true }).click();
      await expect(page).toHaveURL(/leavingWhere$/);
      await expect(page.getByLabel('Hospital')).toBeChecked();
      await page.getByRole('link', { name: 'Back', exact: true }).click();
      await expect(page).toHaveURL(/homeType$/);
      await expect(page.getByLabel('I am about to leave care, prison, hospital or the armed forces')).toBeChecked();
    });

    test('answers can be saved with a code, are gone from the browser, and come back with the code, once', async ({
      page,
      context,
      browser,
    }) => {
      await start(page);
      await answer(page, safe);
      await page.getByRole('link', { name: 'Save your answers and come back later' }).click();
      await axe(page);
      await page.getByRole('button', { name: 'Save and get my code' }).click();
      const code = (await page.locator('.app-return-code').innerText()).trim();
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      await axe(page);
      expect((await context.cookies()).map((c) => c.name)).not.toContain('ho_self_assessment');

      await page.goto('/self-assessment/resume');
      await page.getByLabel('Continue with your code').fill('AAAA-BBBB-CCCC');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('.govuk-error-summary')).toContainText('We cannot find answers for that code');
      await axe(page);
      await page.getByLabel('Continue with your code').fill(code.toLowerCase());
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveURL(/homeType$/);

      // The code worked once: on another device it is refused, and says so plainly.
      const other = await browser.newContext({ javaScriptEnabled: javaScriptOn });
      const elsewhere = await other.newPage();
      await elsewhere.goto('/self-assessment/resume');
      await elsewhere.getByLabel('Continue with your code').fill(code);
      await elsewhere.getByRole('button', { name: 'Continue' }).click();
      await expect(elsewhere.locator('.govuk-error-summary')).toContainText('This code has already been used to open your answers');
      await expect(elsewhere.locator('main')).toContainText('Whoever used the code first now has the answers');
      await expectNoAxeViolations(elsewhere, { javaScriptEnabled: javaScriptOn });
      await other.close();
      // The first browser still has its answers.
      await page.reload();
      await expect(page).toHaveURL(/homeType$/);
    });

    test('quick exit ends the self-assessment: the answers are deleted', async ({ page }) => {
      await fakeNeutralSite(page);
      await start(page);
      await answer(page, safe);
      await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
      await expect(page).toHaveURL(NEUTRAL_SITE);
      await page.goto('/self-assessment/homeType');
      await expect(page).toHaveURL(/\/self-assessment$/);
      await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
    });
  });
}

test('two browsers using one return code at the same moment: exactly one gets the answers', async ({ page, browser }) => {
  javaScriptOn = false;
  await start(page);
  await answer(page, safe);
  await page.goto('/self-assessment/save');
  await page.getByRole('button', { name: 'Save and get my code' }).click();
  const code = (await page.locator('.app-return-code').innerText()).replace(/\s+/g, '');
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(contexts.map((c) => c.newPage()));
  for (const p of pages) {
    await p.goto('/self-assessment/resume');
    await p.getByLabel('Continue with your code').fill(code);
  }
  await Promise.all(pages.map((p) => p.getByRole('button', { name: 'Continue' }).click()));
  const landed = await Promise.all(pages.map(async (p) => (await p.locator('h1').innerText()).trim()));
  expect(landed.filter((h) => h === 'Continue with your code')).toHaveLength(1);
  expect(pages.filter((p) => /homeType$/.test(p.url()))).toHaveLength(1);
  await Promise.all(contexts.map((c) => c.close()));
});

test('with JavaScript, the steps change without reloading the page, and browser back works', async ({ page }) => {
  javaScriptOn = true;
  await start(page);
  // Module scripts run before the load event: until then the island may not have taken over the form.
  await page.waitForLoadState('load');
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
  await answer(page, safe);
  await expect(page).toHaveURL(/homeType$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  await page.goBack();
  await expect(page).toHaveURL(/courtOrBailiff$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Do you have a court hearing or a bailiff visit about losing your home?',
  );
  await expect(page.getByLabel('No', { exact: true })).toBeChecked();
});
