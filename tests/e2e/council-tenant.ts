// A council tenant living alone answering the self-assessment in the browser, to their plan: the
// journey the downsizing and money check specs start from.
import { expect, type Page } from './fixtures.ts';

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

/** A council tenant living alone in a home with this many bedrooms, from the start to their plan. */
export async function tenantPlan(page: Page, bedrooms: string): Promise<void> {
  await page.goto('/self-assessment/start');
  await page.getByRole('button', { name: 'Start now' }).click();
  await answer(page, [...TENANT, ['bedrooms', bedrooms], ...REST]);
  await page.getByRole('button', { name: 'See my plan' }).click();
}

/** Answers each step in turn: a number typed, or the choices ticked, then Continue. */
async function answer(page: Page, steps: Array<[string, string | string[]]>): Promise<void> {
  for (const [step, raw] of steps) {
    await expect(page).toHaveURL(new RegExp(`/self-assessment/${step}$`));
    const number = page.locator('input[name="answer"][inputmode="numeric"], input[name="answer"][type="number"]');
    if ((await number.count()) > 0) await number.fill(String(raw));
    else for (const value of [raw].flat()) await page.locator(`input[name="answer"][value="${value}"]`).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}
