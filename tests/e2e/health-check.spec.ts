// The adviser's income maximisation health check, with JavaScript off on a phone-sized screen: from
// a case, the money check's questions on one page filled in from what the person said, "Work it
// out", then what was found recorded as a dated version that the case shows. Axe on each page.
import { expect, test } from './fixtures.ts';
import { expectNoAxeViolations, makeHandoff, signIn } from './support.ts';

test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });

test('an adviser records a health check on a case: problems named, the estimate shown, the check kept', async ({ browser }) => {
  test.setTimeout(120_000);
  const person = await browser.newPage();
  const reference = await makeHandoff(person, 'Tamsin Healthcheck');
  await person.close();

  const page = await browser.newPage();
  await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
  await page.goto(`/staff/queue?text=${reference}`);
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: 'Income maximisation health checks' })).toBeVisible();
  await expect(page.getByText('No health check yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Do a health check' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Income maximisation health check' })).toBeVisible();
  await expectNoAxeViolations(page, { javaScriptEnabled: false });

  // Nothing answered yet: "Work it out" names what is missing, against its field.
  await page.getByRole('button', { name: 'Work it out' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select yes if you live with a partner');
  await expectNoAxeViolations(page, { javaScriptEnabled: false });

  const group = (name: string) => page.getByRole('group', { name });
  await group('Do you live with a partner?').getByLabel('No').check();
  await page.getByLabel('How old are you?').fill('31');
  await page.getByLabel('How many children live with you?').fill('0');
  await page.getByLabel('Adults aged 16 to 20').fill('0');
  await page.getByLabel('Adults aged 21 or over').fill('0');
  await group('Does an illness or disability stop you working or preparing for work?').getByLabel('No').check();
  await group('Do you care for a disabled person for 35 hours a week or more?').getByLabel('No').check();
  await page.getByLabel('I rent from the council or a housing association').check();
  await page.getByRole('button', { name: 'Work it out' }).click();
  // The rent questions come with the answer about the home.
  await page.getByLabel('How much rent do you pay a month?').fill('480');
  await page.getByLabel('How many bedrooms does your home have?').fill('1');
  await page.getByLabel('Band A', { exact: true }).check();
  await page.getByLabel('Your take-home pay a month').fill('0');
  await page.getByLabel('Other income a month').fill('0');
  await page.getByLabel('How much do you have in savings?').fill('0');
  await page.getByLabel('None of these').check();
  await page.getByRole('button', { name: 'Work it out' }).click();
  await expect(page.getByRole('heading', { name: 'The estimate' })).toBeVisible();
  // A manager on a phone: the page never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByLabel('Universal Credit (a new claim, or more in an existing one)')).toBeChecked();
  await expectNoAxeViolations(page, { javaScriptEnabled: false });

  // Recording needs the debts answer.
  await page.getByRole('button', { name: 'Record the health check' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select yes if you referred their debts for advice');
  await expect(page.getByLabel('How much rent do you pay a month?')).toHaveValue('480');
  await group('Did you refer their debts for advice?').getByLabel('Yes').check();
  await page.getByLabel('Their value a week').fill('96.50');
  await page.getByRole('button', { name: 'Record the health check' }).click();

  await expect(page.getByText('Income maximisation health check recorded')).toBeVisible();
  await expect(page.locator('#health-checks + ul')).toContainText('£96.50 a week found, debts referred for advice');
  await expect(page.getByRole('link', { name: 'Do it again' })).toBeVisible();
  await expectNoAxeViolations(page, { javaScriptEnabled: false });

  // Doing it again starts from this check's answers.
  await page.getByRole('link', { name: 'Do it again' }).click();
  await expect(page.getByLabel('How much rent do you pay a month?')).toHaveValue('480');
  await page.close();
});
