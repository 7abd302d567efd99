// The downsizing chain as an adviser records it, with JavaScript on and off: the move on a case
// (a wrong date says so, nothing typed is lost), the freed home listed under "Homes to re-let",
// then the re-let, after which it counts and leaves the list. Axe finds nothing on either page.
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, makeHandoff, signIn } from './support.ts';

/** Opens the case from the queue, found by its reference as someone on the phone would give it. */
async function openCase(page: Page, reference: string, name: string): Promise<void> {
  await page.goto(`/staff/queue?q=${encodeURIComponent(reference)}`);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** A council tenant living alone: the answers up to "bedrooms", then the rest. */
const TENANT: Array<[string, string | string[]]> = [
  ['danger', 'no'],
  ['tonight', 'yes'],
  ['courtOrBailiff', 'no'],
  ['homeType', 'councilTenant'],
  ['noticeReceived', 'none'],
  ['homeProblems', ['none']],
  ['adults', '1'],
  ['children', '0'],
];
const REST: Array<[string, string | string[]]> = [
  ['arrears', 'no'],
  ['otherDebts', ['none']],
  ['incomeDrop', 'no'],
  ['benefits', 'yes'],
  ['moneyHelp', ['none']],
  ['work', 'cannotWork'],
  ['supportNeeds', ['none']],
];

async function answer(page: Page, steps: Array<[string, string | string[]]>): Promise<void> {
  for (const [step, raw] of steps) {
    await expect(page).toHaveURL(new RegExp(`/self-assessment/${step}$`));
    const number = page.locator('input[name="answer"][inputmode="numeric"], input[name="answer"][type="number"]');
    if ((await number.count()) > 0) await number.fill(String(raw));
    else for (const value of [raw].flat()) await page.locator(`input[name="answer"][value="${value}"]`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`downsizing, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a council tenant with bedrooms to spare sees what moving could gain, on a 320px phone; with none, nothing', async ({
      browser,
    }) => {
      for (const [bedrooms, offered] of [
        ['3', true],
        ['1', false],
      ] as const) {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 } });
        const page = await context.newPage();
        await page.goto('/self-assessment/start');
        await page.getByRole('button', { name: 'Start now' }).click();
        await answer(page, [...TENANT, ['bedrooms', bedrooms], ...REST]);
        await page.getByRole('button', { name: 'See my plan' }).click();
        const step = page.locator('.app-plan-step', { hasText: 'Think about moving to a smaller home' });
        if (offered) {
          await expect(step.getByRole('heading', { name: 'What moving could gain you' })).toBeVisible();
          await expect(step).toContainText(
            'Your home has 3 bedrooms; your household: 1 person. So it has at least 2 bedrooms more than you need.',
          );
          await expect(step).toContainText('25% of your rent is taken off that help');
          await expect(step).toContainText('The Harrowmere Smaller Homes Scheme pays £2,000 when you move');
          await expect(step).toContainText('Bedrooms in your home: 3');
          await expectNoAxeViolations(page, { javaScriptEnabled });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
          // Asking for help is a hand-off of its own kind, offered first, through the usual contact steps.
          await step.getByRole('link', { name: 'Ask for help to move to a smaller home' }).click();
          await expect(page.locator('input[name="service"]').first()).toHaveAttribute('value', 'smaller-home');
          await expect(page.getByLabel('Help to move to a smaller home')).toBeVisible();
        } else {
          await expect(step).toHaveCount(0);
        }
        await context.close();
      }
    });

    test('an adviser records the move, finds the freed home waiting, then records its re-let', async ({ page, browser }) => {
      const name = `Downsizer ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      const person = await browser.newContext();
      const reference = await makeHandoff(await person.newPage(), name);
      await person.close();

      await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
      await openCase(page, reference, name);
      await page.getByRole('button', { name: 'Take this case' }).click();

      const move = page.locator('form:has(input[value="downsizing-move"])');
      await move.getByLabel('Day').fill('31');
      await move.getByLabel('Month').fill('2');
      await move.getByLabel('Year').fill('2026');
      await move.getByLabel('Bedrooms in the home they left').fill('3');
      await move.getByLabel('Bedrooms in their new home').fill('1');
      await move.getByLabel('Incentive paid, in pounds').fill('2000');
      await move.getByRole('button', { name: 'Record the move' }).click();
      await expect(page.getByRole('link', { name: 'The date they moved must be a real date' })).toBeVisible();
      await expect(page.getByLabel('Bedrooms in the home they left')).toHaveValue('3');
      await expectNoAxeViolations(page, { javaScriptEnabled });
      await page.locator('form:has(input[value="downsizing-move"])').getByLabel('Day').fill('27');
      await page.getByRole('button', { name: 'Record the move' }).click();
      await expect(page.getByText('Move recorded. The home they left is listed as waiting to be re-let.')).toBeVisible();
      await expect(page.locator('#downsizing ~ dl')).toContainText('Waiting to be re-let: not counted until it is');

      await page.getByRole('link', { name: 'Homes to re-let' }).first().click();
      await expect(page.locator('tbody a.app-reference', { hasText: reference })).toBeVisible();
      await expectNoAxeViolations(page, { javaScriptEnabled });
      await openCase(page, reference, name);

      const relet = page.locator('form:has(input[value="downsizing-relet"])');
      await relet.getByLabel('Day').fill('2');
      await relet.getByLabel('Month').fill('3');
      await relet.getByLabel('Year').fill('2026');
      await relet.getByLabel('Yes').check();
      await relet.getByRole('button', { name: 'Record the re-let' }).click();
      await expect(page.getByText('Re-let recorded: the downsizing now counts towards Target 5')).toBeVisible();
      await expect(page.locator('#downsizing ~ dl')).toContainText('Re-let on Monday 2 March 2026, to a household that needed that size');
      await expectNoAxeViolations(page, { javaScriptEnabled });
      const caseUrl = new URL(page.url()).pathname;
      await page.goto('/staff/downsizing');
      await expect(page.locator(`a[href^="${caseUrl}"]`)).toHaveCount(0);
    });
  });
}
