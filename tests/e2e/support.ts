import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

/** Where the e2e server writes the email it sends (MAIL_DROP_DIR in playwright.config.ts). */
export const MAIL_DIR = 'tmp/e2e/mail';

/** WCAG 2.2 AA, as the tags axe-core uses. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe (WCAG 2.2 AA) on the page as shown. Axe needs JavaScript in the page, so for a page
 * opened with JavaScript off, the exact HTML it received is served to a second, JavaScript-enabled
 * page at the same address and checked there (re-fetching would lose one-time error messages).
 */
export async function expectNoAxeViolations(page: Page, options: { javaScriptEnabled?: boolean } = {}): Promise<void> {
  if (options.javaScriptEnabled === false) {
    const html = await page.content();
    const url = page.url();
    const copy = await checkingPage(page.context().browser()!);
    await copy.unrouteAll();
    await copy.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(url);
    await analyse(copy, url);
    return;
  }
  await analyse(page, page.url());
}

// One JavaScript-enabled page per worker for checking no-JavaScript pages (a new context each
// time is slow). It holds no cookies: it only ever shows HTML it is handed.
const checkingPages = new WeakMap<Browser, Promise<Page>>();
function checkingPage(browser: Browser): Promise<Page> {
  let page = checkingPages.get(browser);
  if (!page) {
    page = browser.newContext({ javaScriptEnabled: true }).then((context) => context.newPage());
    checkingPages.set(browser, page);
  }
  return page;
}

async function analyse(page: Page, url: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe findings on ${url}`).toEqual([]);
}

/** Stands in for the neutral site the quick exit sends people to (this machine has no internet). */
export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

export async function fakeNeutralSite(page: Page): Promise<{ referers: (string | undefined)[] }> {
  const seen = { referers: [] as (string | undefined)[] };
  await page.context().route('https://www.bbc.co.uk/**', async (route) => {
    seen.referers.push(route.request().headers()['referer']);
    await route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather forecast</h1>' });
  });
  return seen;
}

/** Signs in to the back office as a demo account (no second factor), the way a person does. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/staff/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The quickest real hand-off: someone in danger asks for urgent contact. Returns its reference. */
export async function makeHandoff(page: Page, name: string): Promise<string> {
  await page.goto('/self-assessment/start');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Ask for urgent contact' }).click();
  await page.getByLabel('Housing Options team').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel(/Phone number/).fill('07700 900 555');
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('No, do not leave a message').check();
  await page.getByLabel('Morning (9am to 12pm)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('I agree to share my details as described above').check();
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page).toHaveURL(/\/contact\/sent$/);
  return (await page.locator('.app-reference').innerText()).trim();
}
