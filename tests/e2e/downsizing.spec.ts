// The downsizing route end to end, with JavaScript on and off: a council tenant with spare bedrooms
// sees what moving could gain in their plan, works it out exactly on "Moving to a smaller home"
// (a 320px phone; wrong answers said, nothing lost), and asks for help; the hand-off reaches an
// adviser, who records the move (a wrong date says so, nothing typed is lost), finds the freed home
// under "Homes to re-let", then records the re-let, after which it counts and leaves the list.
// Axe finds nothing on any of the pages.
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';
import { tenantPlan } from './council-tenant.ts';

/** Opens the case from the queue, found by its reference as someone on the phone would give it. */
async function openCase(page: Page, reference: string, name: string): Promise<void> {
  await page.goto(`/staff/queue?q=${encodeURIComponent(reference)}`);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** From the plan step, a hand-off of the "smaller home" kind through the usual contact steps; its reference. */
async function askForASmallerHome(page: Page, name: string): Promise<string> {
  const step = page.locator('.app-plan-step', { hasText: 'Think about moving to a smaller home' });
  await step.getByRole('link', { name: 'Ask for help to move to a smaller home' }).click();
  // Offered first, as the hand-off of its own kind.
  await expect(page.locator('input[name="service"]').first()).toHaveAttribute('value', 'smaller-home');
  await page.getByLabel('Help to move to a smaller home').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel(/Phone number/).fill('07700 900 556');
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('group', { name: 'Is it safe for us to leave a voicemail?' }).getByLabel('Yes').check();
  await page.getByLabel('Afternoon (12pm to 5pm)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('I agree to share my details as described above').check();
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page).toHaveURL(/\/contact\/sent$/);
  return (await page.locator('.app-reference').innerText()).trim();
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
        await tenantPlan(page, bedrooms);
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
          // The page about it takes what the plan knows to its calculator, to be worked out exactly.
          await step.getByRole('link', { name: 'Work out exactly what moving could gain you' }).click();
          await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moving to a smaller home');
          await expect(page.getByText('Filled in from your self-assessment.')).toBeVisible();
          await expect(page.getByLabel('How many bedrooms does your home have?')).toHaveValue('3');
          await expect(page.getByLabel('How many adults live there, counting you?')).toHaveValue('1');
          await expect(page.locator('#result')).toHaveCount(0);
        } else {
          await expect(step).toHaveCount(0);
        }
        await context.close();
      }
    });

    test('"Moving to a smaller home" works out the gain with reasons on a 320px phone; wrong answers are said and kept', async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 } });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('link', { name: 'Moving to a smaller home' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moving to a smaller home');
      // Wrong answers: each said against its field, what was typed kept.
      await page.getByLabel('How many bedrooms does your home have?').fill('4');
      await page.getByLabel('How many adults live there, counting you?').fill('2');
      await page.getByLabel('Child 1: age').fill('19');
      await page.getByLabel('Your rent a week (if you know it)').fill('121.30');
      await page.getByRole('button', { name: 'Work it out' }).click();
      const summary = page.locator('.govuk-error-summary');
      await expect(summary.getByRole('link', { name: 'Say whether two of the adults are a couple' })).toBeVisible();
      await expect(summary.getByRole('link', { name: "Enter child 1's age in years, from 0 to 17" })).toHaveAttribute(
        'href',
        '#child-1-age',
      );
      await expect(summary.getByRole('link', { name: /Universal Credit or Housing Benefit/ })).toBeVisible();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.getByLabel('Your rent a week (if you know it)')).toHaveValue('121.30');
      await expectNoAxeViolations(page, { javaScriptEnabled });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

      // A couple with a girl of 7 and a boy of 5 (who may share) in a 4-bedroom home, getting help with rent.
      await page.getByRole('group', { name: 'Are two of the adults a couple?' }).getByLabel('Yes').check();
      await page.getByLabel('Child 1: age').fill('7');
      await page.getByLabel('Child 1: girl or boy').selectOption('Girl');
      await page.getByLabel('Child 2: age').fill('5');
      await page.getByLabel('Child 2: girl or boy').selectOption('Boy');
      await page.getByLabel('Yes, and I am under State Pension age').check();
      await page.getByRole('button', { name: 'Work it out' }).click();
      const result = page.locator('#result');
      await expect(result.getByRole('heading', { name: 'What you could gain' })).toBeVisible();
      await expect(result).toContainText('Your household needs 2 bedrooms');
      await expect(result).toContainText('1 bedroom for two children under 10 (a girl aged 7 and a boy aged 5)');
      await expect(result).toContainText('Your home has 4 bedrooms: 2 bedrooms more than your household needs.');
      // 25% of £121.30 is £30.33 (rounded to the penny); the lower rent goes to their help, not them.
      await expect(result).toContainText('25% of your rent of £121.30 a week is taken off your Universal Credit or Housing Benefit');
      await expect(result).toContainText('£30.33 a week');
      await expect(result).toContainText('that saving goes mostly to it rather than to you');
      // £30.33 and £8.50 less on energy (£34 against £25.50): £38.83 a week, £2,019.16 a year.
      await expect(result).toContainText('In all, about £38.83 a week (£2,019.16 a year).');
      await expect(result).toContainText('The Harrowmere Smaller Homes Scheme would pay you £2,000 for giving up 2 bedrooms');
      await expect(page).toHaveURL(/bedrooms=4.*#calculator$/);
      await expectNoAxeViolations(page, { javaScriptEnabled });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      // The ways to move: the register, the exchange websites in the directory, sheltered housing.
      await expect(page.getByRole('link', { name: 'HomeSwapper mutual exchange' })).toHaveAttribute(
        'href',
        '/services/homeswapper-mutual-exchange',
      );
      await expect(page.getByRole('link', { name: 'Sheltered and retirement housing' })).toBeVisible();
      // An address made by hand: odd names, a control character, repeated fields. Said, not a failure.
      const odd = await page.goto('/moving-to-a-smaller-home?bedrooms=%00&adults[]=1&adults=1&help=yes&help=no&child-9-age=3#calculator');
      expect(odd?.status()).toBe(200);
      await expect(page.locator('.govuk-error-summary')).toContainText('Enter how many bedrooms your home has, from 1 to 9');
      await context.close();
    });

    test('the tenant asks for help; an adviser records the move, finds the freed home waiting, then records its re-let', async ({
      page,
      browser,
    }) => {
      const name = `Downsizer ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      const person = await browser.newContext({ javaScriptEnabled });
      const personPage = await person.newPage();
      await tenantPlan(personPage, '3');
      const reference = await askForASmallerHome(personPage, name);
      await person.close();

      await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
      await openCase(page, reference, name);
      // The hand-off says what it is for and carries the home's size and the household from the answers.
      await expect(page.locator('main')).toContainText('Help to move to a smaller home');
      await expect(page.locator('main')).toContainText('How many bedrooms does your home have? 3 bedrooms');
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
