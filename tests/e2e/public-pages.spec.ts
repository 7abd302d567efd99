// Every public page: found by following links from the home page, checked against the files in
// src/pages so a page nobody links to is not missed, and each one checked with axe.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations } from './support.ts';

/**
 * Pages that only exist inside the self-assessment or the money check (they need answers, and
 * redirect to the start without them). tests/e2e/self-assessment.spec.ts and
 * tests/e2e/money-check.spec.ts visit and check each of them.
 */
const JOURNEY_ONLY = [
  '/self-assessment/check-answers',
  '/self-assessment/result',
  '/self-assessment/emergency',
  '/self-assessment/save',
  '/self-assessment/share',
  '/self-assessment/summary',
  '/self-assessment/your-pack',
  '/self-assessment/contact',
  '/self-assessment/contact/details',
  '/self-assessment/contact/safety',
  '/self-assessment/contact/consent',
  '/self-assessment/contact/sent',
  '/money-check/check-answers',
  '/money-check/result',
];

/** Pages reached only by a redirect or rewrite (after a form), so no link leads to them. Still checked below. */
// /not-translated is what another language's address of an English-only page shows (src/middleware.ts).
const REACHED_BY_REDIRECT = [
  '/self-assessment/answers-deleted',
  '/request-problem',
  '/service-busy',
  '/too-many-requests',
  '/not-translated',
];

/**
 * Routes the public page files declare (Astro pages, not endpoints or dynamic routes). The back
 * office (/staff) is not public: tests/e2e/back-office-*.spec.ts cover every page of it.
 */
function declaredPageRoutes(folder = 'src/pages', prefix = ''): string[] {
  // Pages made from data (a folder or file named [id]) are checked where their data is made: a
  // pack and a service below; a home and expressing interest in it in tests/e2e/homes.spec.ts.
  return allPageRoutes(folder, prefix).filter(
    (route) => !JOURNEY_ONLY.includes(route) && !route.startsWith('/staff') && !route.includes('['),
  );
}

function allPageRoutes(folder: string, prefix: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return allPageRoutes(path.join(folder, entry.name), `${prefix}/${entry.name}`);
    if (!entry.name.endsWith('.astro') || entry.name.includes('[') || entry.name === '404.astro' || entry.name === '500.astro') return [];
    const name = entry.name.replace(/\.astro$/, '');
    return [name === 'index' ? prefix || '/' : `${prefix}/${name}`];
  });
}

async function internalLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && url.pathname !== '/exit')
    .map((url) => url.pathname);
}

async function crawl(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  const queue = ['/'];
  while (queue.length > 0) {
    const route = queue.shift()!;
    if (seen.has(route)) continue;
    seen.add(route);
    const response = await page.goto(route);
    expect(response?.status(), `${route} should answer 200`).toBe(200);
    for (const link of await internalLinks(page)) if (!seen.has(link)) queue.push(link);
  }
  return [...seen].sort();
}

test('the list of journey-only pages names real page files', () => {
  expect(allPageRoutes('src/pages', '')).toEqual(expect.arrayContaining(JOURNEY_ONLY));
});

test('every page file is reachable by following links from the home page', async ({ page }) => {
  test.setTimeout(180_000); // it visits every pack and service page too
  const reached = await crawl(page);
  expect(reached).toEqual(expect.arrayContaining(declaredPageRoutes().filter((r) => !REACHED_BY_REDIRECT.includes(r))));
});

const pages = [...declaredPageRoutes(), '/a-page-that-does-not-exist'];

for (const route of pages) {
  test(`${route} has the council's layout and no axe findings`, async ({ page, context }) => {
    await page.goto(route);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
    await expect(page.locator('header')).toContainText('Harrowmere Borough Council');
    await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toHaveAttribute('href', '/exit');
    await expect(page.locator('.govuk-phase-banner')).toContainText('Beta');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' })).toBeVisible();
    // No GOV.UK branding: no crown, no GDS Transport font, no GOV.UK wording.
    expect(await page.content()).not.toMatch(/GOV\.UK|GDS Transport|govuk-logo|crown/i);
    await expectNoAxeViolations(page);
    // The public side sets no cookies.
    expect(await context.cookies()).toEqual([]);
  });
}

test('the missing page answers 404 with a way back', async ({ page }) => {
  const response = await page.goto('/a-page-that-does-not-exist');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: /home page/ })).toHaveAttribute('href', '/');
});

test('pages reflow on 320, 360, 390 and 414px-wide screens without scrolling sideways', async ({ page }) => {
  test.setTimeout(120_000);
  // Every page file, plus one of each page made from data (a pack, a service, a home with its
  // affordability answer). The journey's own pages are checked in tests/e2e/phone-widths.spec.ts.
  await page.goto('/homes');
  const home = await page.locator('.app-home-card a').first().getAttribute('href');
  const homeWithAnswer = `${home}?adults=2&couple=yes&child-1-age=7&child-1-sex=female&under-35=no`;
  for (const route of [...declaredPageRoutes(), '/information/eviction-notice', '/services/housing-options-advice', homeWithAnswer]) {
    await page.goto(route);
    for (const width of [320, 360, 390, 414]) {
      await page.setViewportSize({ width, height: 740 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${route} is wider than a ${width}px screen by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  }
});

test('the brand colour comes from the council profile', async ({ page }) => {
  await page.goto('/');
  const background = await page.locator('.app-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(0, 96, 107)'); // #00606B in content/council.json
});
