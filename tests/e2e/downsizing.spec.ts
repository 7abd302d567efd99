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

for (const javaScriptEnabled of [false, true]) {
  test.describe(`downsizing, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

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
