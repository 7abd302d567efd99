import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 AA, as the tags axe-core uses. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe findings on ${page.url()}`).toEqual([]);
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
