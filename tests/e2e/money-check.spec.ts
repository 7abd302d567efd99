// The public money check, as a person uses it: on a 320 px phone with JavaScript off, and with it
// on. No cookie until they start; one question a page with back links and errors that say what to
// fix; check your answers; the estimate with every line explained, the better-off table, and what
// to do next; axe finds nothing on any page, and no page is wider than the phone. The figures are
// the estimate's own for the same answers on today's date (src/domain/money/), so the page shows
// what the rules work out.
import { moneyCheckPages, moneyRules } from '../../src/config/money.ts';
import { askedFields, pagesAsked } from '../../src/domain/money/questions.ts';
import { LONE_PARENT } from '../support/money.ts';
import { readMoneyAnswers } from '../../src/domain/money/answers.ts';
import { estimateMoney } from '../../src/domain/money/estimate.ts';
import { money } from '../../src/domain/money/lines.ts';
import { ratesCoverage } from '../../src/domain/money/rates.ts';
import { localDate } from '../../src/domain/time/working-days.ts';
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations } from './support.ts';
import { answerEveryQuestion } from './http-journey.ts';
import { tenantPlan } from './council-tenant.ts';

/** The page is no wider than the screen. */
const fits = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

/** A lone parent of a girl of 4, renting privately for £650 a month in band B, taking home £400 a month. */
const PARENT = {
  age: 29,
  children: [{ age: 4, sex: 'female' }],
  home: 'private',
  rentMonthly: 650,
  councilTaxBand: 'B',
  takeHomeMonthly: 400,
};

function expected() {
  const today = localDate(new Date());
  const coverage = ratesCoverage(moneyRules.rates);
  const read = readMoneyAnswers(PARENT);
  if (!read.ok || today < coverage.from || today > coverage.to) return null;
  const estimate = estimateMoney(read.answers, today, moneyRules);
  return estimate.kind === 'estimate' ? estimate : null;
}

async function answer(page: Page, javaScriptEnabled: boolean) {
  const check = async () => {
    await fits(page);
    await expectNoAxeViolations(page, { javaScriptEnabled });
  };
  const next = () => page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('radio', { name: 'No' }).check();
  await check();
  await next();

  // An answer that is not a number is refused, saying what to put right, with nothing lost.
  await expect(page.getByRole('heading', { name: 'How old are you?' })).toBeVisible();
  await page.getByLabel('How old are you?').fill('twenty-nine');
  await next();
  await expect(page.getByRole('link', { name: 'Your age must be a whole number, like 17' })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('How old are you?')).toHaveValue('twenty-nine');
  await check();
  await page.getByLabel('How old are you?').fill('29');
  await next();

  await page.getByLabel('How many children live with you?').fill('1');
  await next();
  await expect(page.getByRole('heading', { name: 'About the children' })).toBeVisible();
  await page.getByLabel('Child 1: age').fill('4');
  await page.getByRole('radio', { name: 'Girl' }).check();
  await check();
  await next();
  await page.getByLabel('Adults aged 16 to 20').fill('0');
  await page.getByLabel('Adults aged 21 or over').fill('0');
  await next();
  await page.getByRole('radio', { name: 'No' }).check();
  await next();
  await page.getByRole('radio', { name: 'No' }).check();
  await next();
  await page.getByRole('radio', { name: 'I rent from a private landlord or letting agent' }).check();
  await next();
  await page.getByLabel('How much rent do you pay a month?').fill('650');
  await check();
  await next();
  await page.getByRole('radio', { name: 'Band B' }).check();
  await next();
  await page.getByLabel('Your take-home pay a month').fill('400');
  await page.getByLabel('Other income a month').fill('0');
  await check();
  await next();
  await page.getByLabel('How much do you have in savings?').fill('0');
  await next();
  // The wage is optional: the National Living Wage for their age.
  await next();
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await check();
  await next();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`the money check, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, on a 320px phone`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 740 } });

    test('a lone parent finds out what she could get, every figure explained, and whether work would pay', async ({ page, context }) => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Check what money you could get' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check what money you could get' })).toBeVisible();
      await fits(page);
      await expectNoAxeViolations(page, { javaScriptEnabled });
      // Reading sets nothing.
      expect(await context.cookies()).toEqual([]);
      await page.getByRole('button', { name: 'Start now' }).click();
      const cookies = await context.cookies();
      expect(cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite])).toEqual([['ho_money_check', '/money-check', true, 'Lax']]);
      expect(cookies[0]!.expires).toBe(-1);
      expect(cookies[0]!.value).not.toContain('650');

      await answer(page, javaScriptEnabled);

      await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
      await expect(page.getByText('£650', { exact: true })).toBeVisible();
      await fits(page);
      await expectNoAxeViolations(page, { javaScriptEnabled });
      // Changing an answer comes back to check your answers.
      await page.getByRole('link', { name: 'Change how much rent do you pay a month?' }).click();
      await expect(page.getByLabel('How much rent do you pay a month?')).toHaveValue('650');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();

      await page.getByRole('link', { name: 'See your estimate' }).click();
      const figures = expected();
      if (!figures) {
        await expect(page.getByRole('heading', { name: 'We cannot give you a figure today' })).toBeVisible();
        return;
      }
      await expect(page.getByRole('heading', { level: 1, name: 'Your estimate' })).toBeVisible();
      await expect(page.getByText('This is an estimate, not a decision.')).toBeVisible();
      await expect(page.getByText(`${money(figures.universalCredit.monthly)} a month`, { exact: true })).toBeVisible();
      for (const line of figures.universalCredit.elements)
        await expect(page.getByRole('heading', { level: 3, name: `${line.label}: ${money(line.monthly)} a month` })).toBeVisible();
      await expect(page.getByText('You said you pay £650 a month rent.', { exact: false })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Would you be better off working?' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Would you be better off working?' }).getByRole('row')).toHaveCount(5);
      await expect(page.getByRole('link', { name: 'Claim Universal Credit on GOV.UK' })).toBeVisible();
      await expect(page.getByText(/Ask the Housing Options team about a Discretionary Housing Payment/)).toBeVisible();
      await fits(page);
      await expectNoAxeViolations(page, { javaScriptEnabled });
    });

    test('a question reached before its turn sends the person to the first one unanswered, and no answers sends them to the start', async ({
      page,
    }) => {
      await page.goto('/money-check/savings');
      await expect(page).toHaveURL(/\/money-check$/);
      await page.getByRole('button', { name: 'Start now' }).click();
      await page.goto('/money-check/savings');
      await expect(page).toHaveURL(/\/money-check\/partner$/);
      await page.goto('/money-check/result');
      await expect(page).toHaveURL(/\/money-check\/partner$/);
      // Back from the first question goes to the start page.
      await page.getByRole('link', { name: 'Back', exact: true }).click();
      await expect(page).toHaveURL(/\/money-check$/);
    });
  });
}

test('someone at pension age is told plainly that the check cannot give them a figure', async ({ page }) => {
  await page.goto('/money-check');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('How old are you?').fill('70');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('How many children live with you?').fill('0');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Adults aged 16 to 20').fill('0');
  await page.getByLabel('Adults aged 21 or over').fill('0');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'I live with family or friends and do not pay rent' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your take-home pay a month').fill('0');
  await page.getByLabel('Other income a month').fill('800');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('How much do you have in savings?').fill('2000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('checkbox', { name: 'None of these' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'See your estimate' }).click();
  await expect(page.getByRole('heading', { name: 'We cannot give you a figure' })).toBeVisible();
  await expect(page.getByText(/Pension Credit/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('"Exit this page" takes the money check’s answers with it', async ({ page, context }) => {
  await page.goto('/money-check');
  await page.getByRole('button', { name: 'Start now' }).click();
  expect((await context.cookies()).map((c) => c.name)).toContain('ho_money_check');
  // The cookie lives at /money-check, so the browser does not send it to /exit: /exit expires it by name and path.
  const exit = await page.request.get('/exit', { maxRedirects: 0 });
  expect(exit.headers()['set-cookie']).toContain('ho_money_check=; Path=/money-check; Max-Age=0');
  expect((await context.cookies()).map((c) => c.name)).not.toContain('ho_money_check');
});

/** The lone parent's answers (tests/support/money.ts), posted page by page as the question pages' forms. */
async function answerCheckOverHttp(page: Page, base: string) {
  const post = (path: string, form: Record<string, string>) =>
    page.request.post(path, { form, headers: { Origin: base }, maxRedirects: 0 });
  expect((await post('/money-check/start', {})).status()).toBe(303);
  for (const question of pagesAsked(moneyCheckPages, LONE_PARENT)) {
    const form = Object.fromEntries(askedFields(question, LONE_PARENT).map((f) => [f.name, LONE_PARENT[f.name] ?? '']));
    expect((await post(`/money-check/${question.id}`, form)).status(), question.id).toBe(303);
  }
}

test.describe('keeping it with the plan, JavaScript off', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 740 } });

  test('with a plan from the self-assessment, the figures are added to it when the person asks, and only the figures', async ({
    page,
    baseURL,
  }) => {
    await answerEveryQuestion(page.request, baseURL!);
    expect(
      (await page.request.post('/self-assessment/check-answers', { form: {}, headers: { Origin: baseURL! }, maxRedirects: 0 })).status(),
    ).toBe(303);
    await answerCheckOverHttp(page, baseURL!);
    await page.goto('/money-check/result');
    const figures = expected();
    if (!figures) {
      await expect(page.getByRole('heading', { name: 'We cannot give you a figure today' })).toBeVisible();
      return;
    }
    await page.getByRole('button', { name: 'Add this to my plan' }).click();
    await expect(page).toHaveURL(/\/self-assessment\/result#money-check$/);
    await expect(page.getByRole('heading', { name: 'Your money check' })).toBeVisible();
    await expect(page.getByText(`${money(figures.universalCredit.monthly)} a month`, { exact: false })).toBeVisible();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    const text = await (await page.request.get('/self-assessment/plan.txt')).text();
    expect(text).toContain('YOUR MONEY CHECK');
    expect(text).toContain(money(figures.universalCredit.monthly));
    expect(text).not.toContain('650');
  });

  test('starts from what the self-assessment already holds: the household, the home and its bedrooms, each one changeable', async ({
    page,
  }) => {
    // A council tenant living alone in a 3-bedroom home, who said they cannot work.
    await tenantPlan(page, '3');
    await page.goto('/money-check');
    await page.getByRole('button', { name: 'Start now' }).click();
    // The first page, already answered: one adult at home is no couple. Continue takes it as it is.
    await expect(page).toHaveURL(/\/money-check\/partner$/);
    await expect(page.getByLabel('No', { exact: true })).toBeChecked();
    const next = async (path: string) => {
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveURL(new RegExp(`/money-check/${path}$`));
    };
    await next('ages');
    await page.getByLabel('How old are you?').fill('44');
    await next('children');
    await expect(page.getByLabel('How many children live with you?')).toHaveValue('0');
    await next('other-adults');
    await page.getByLabel('Adults aged 16 to 20').fill('0');
    await page.getByLabel('Adults aged 21 or over').fill('0');
    await next('health');
    await page.getByLabel('Yes', { exact: true }).check();
    await next('caring');
    await page.getByLabel('No', { exact: true }).check();
    await next('home');
    await expect(page.getByLabel('I rent from the council or a housing association')).toBeChecked();
    await next('rent');
    await expect(page.getByLabel('How much rent do you pay a month?')).toHaveValue('');
    await expect(page.getByLabel('How many bedrooms does your home have?')).toHaveValue('3');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    // Changed here, it stays changed.
    await page.getByLabel('How much rent do you pay a month?').fill('410');
    await page.getByLabel('How many bedrooms does your home have?').fill('2');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.goto('/money-check/rent');
    await expect(page.getByLabel('How many bedrooms does your home have?')).toHaveValue('2');
    await expect(page.getByLabel('How much rent do you pay a month?')).toHaveValue('410');
  });

  test('without a plan, the result says how to get one instead of offering to add to it', async ({ page, baseURL }) => {
    await answerCheckOverHttp(page, baseURL!);
    await page.goto('/money-check/result');
    if (!expected()) return;
    await expect(page.getByRole('button', { name: 'Add this to my plan' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Answer the questions about your situation', exact: true })).toBeVisible();
    // Asking anyway (an old page, another tab) changes nothing and says why.
    const asked = await page.request.post('/money-check/add-to-plan', { form: {}, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(asked.headers()['location']).toBe('/money-check/result?plan=none');
    await page.goto('/money-check/result?plan=none');
    await expect(page.getByText('You do not have a plan in progress.')).toBeVisible();
  });
});
