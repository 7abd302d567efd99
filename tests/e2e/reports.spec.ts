// The managers' reports in a real browser: read with JavaScript on and off, a chart that shows
// without JavaScript, a date range chosen with a plain form, a CSV downloaded, the cases behind a
// count opened, small numbers hidden; and everyone else refused.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from './fixtures.ts';
import { addDays, localDate, longDate } from '../../src/domain/time/working-days.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

const MANAGER = ['manager@harrowmere.example', 'demo-manager-2026'] as const;

// A period wholly in the past (the eight months to the end of last month), so that hand-offs
// other tests make while these run cannot change the figures being compared.
const today = localDate(new Date());
const periodTo = addDays(`${today.slice(0, 8)}01`, -1);
const periodFrom = (() => {
  const [year, month] = periodTo.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 8, 1));
  return start.toISOString().slice(0, 10);
})();
const [fromYear, fromMonth, fromDay] = periodFrom.split('-').map(Number) as [number, number, number];
const [toYear, toMonth, toDay] = periodTo.split('-').map(Number) as [number, number, number];
const periodQuery = `from-day=${fromDay}&from-month=${fromMonth}&from-year=${fromYear}&to-day=${toDay}&to-month=${toMonth}&to-year=${toYear}`;

test.describe('a manager, with JavaScript on', () => {
  test('reads visitors against Target 10, every target with its status, and downloads a table as CSV', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, ...MANAGER);
    await page.getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await page.goto(`/staff/reports?${periodQuery}`);
    await expect(page.getByText(`Figures from ${longDate(periodFrom)} to ${longDate(periodTo)}.`)).toBeVisible();
    // The chart: an SVG image with a title and a summary, and the target line.
    const chart = page.getByRole('img', { name: /Unique visitors each week/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('rect.app-chart__bar').first()).toBeVisible();
    await expect(chart.getByText('Target 10: 52 a week')).toBeAttached();
    // One figure for Target 10: the chart's summary gives the target's own average, as its detail does.
    await expect(page.locator('#chart-visitors-summary')).toHaveText(
      /Target 10 counts the average of the last 13 complete weeks to .*: [\d.]+ unique visitors a week, against a target of 52 \(baseline 26\)/,
    );
    const chartFigure = (await page.locator('#chart-visitors-summary').innerText()).match(/: ([\d.]+) unique visitors a week/)![1]!;
    const detail = page.locator('.app-plan-row', { has: page.locator('#target-stoke-10') });
    await expect(detail.locator('.govuk-summary-list__row', { hasText: 'Actual' }).locator('dd')).toContainText(
      new RegExp(`^${chartFigure.replace('.', '\\.')}\\b`),
    );
    // Every target shows, the unanswerable ones saying what is missing.
    for (const label of ['Target 1', 'Target 10', 'HELS1', 'HELS15', 'WRS1', 'TSS6'])
      await expect(page.getByRole('heading', { level: 4, name: new RegExp(`^${label}\\b`) })).toBeVisible();
    await expect(
      page.getByText('Not counted. The service does not record training courses or who trained as a co-trainer.', { exact: false }),
    ).toBeVisible();
    await expect(page.getByText(/How it is counted: Cases with need level moderate/)).toBeVisible();
    await expectNoAxeViolations(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download “Hand-offs by need level” as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`need-levels-${periodFrom}-to-${periodTo}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Need level,Hand-offs');
    expect(csv).toMatch(/^All hand-offs,\d+\r$/m);
    const rows = csv.trim().split('\r\n').slice(1, 5);
    for (const row of rows) expect(row).toMatch(/^(Emergency|High|Moderate|Low),(\d+|fewer than 5)$/);
    // What is hidden on screen is hidden in the CSV too.
    for (const row of rows) {
      const [label, value] = row.split(',');
      await expect(page.locator('#table-need-levels + p + .app-table-scroll tr', { hasText: label! }).locator('td')).toHaveText(
        value === 'fewer than 5' ? /^\s*fewer than 5\s*$/ : new RegExp(`^\\s*${Number(value).toLocaleString('en-GB')}\\b`),
      );
    }
  });

  test('fits a 320px phone: wide tables scroll in their own box and say so, the page never does', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await signIn(page, ...MANAGER);
    await page.goto('/staff/reports');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The funnel has nine columns: on a phone it says it scrolls, and its box is described by that.
    const hint = page.locator('#table-funnel-quarters-scroll-hint');
    await expect(hint).toBeVisible();
    await expect(hint).toContainText('scroll it sideways to see every column');
    await expect(page.getByRole('region', { name: 'Early intervention, by quarter' })).toHaveAttribute(
      'aria-describedby',
      'table-funnel-quarters-scroll-hint',
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(hint).toBeHidden();
  });

  test('on a phone, every target’s standing this quarter and by its date comes first, one line each, linking to its detail', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, ...MANAGER);
    await page.goto(`/staff/reports?${periodQuery}`);
    // The first screen: the heading, and how many targets stand where.
    const counts = page.locator('.app-glance p', { hasText: /^\s*\d+ targets:\s/ });
    await expect(counts).toBeInViewport();
    await expect(page.getByRole('heading', { level: 2, name: /^Targets at a glance/ })).toBeInViewport();
    // Before the date form and the charts, a row for every target, each with both standings or "Not counted".
    const rows = page.locator('.app-glance__table tbody tr');
    const targets = await page.locator('.app-plan-row h4').count();
    await expect(rows).toHaveCount(targets);
    expect(targets).toBeGreaterThan(30);
    const total = Number((await counts.innerText()).match(/^(\d+) targets/)![1]);
    expect(total).toBe(targets);
    let notCounted = 0;
    for (const row of await rows.all()) {
      if ((await row.locator('td').count()) === 1) {
        await expect(row.locator('td')).toHaveText('Not counted');
        notCounted += 1;
      } else {
        await expect(row.locator('td')).toHaveText([
          /^(On track|Behind|Met|Not started yet|Target date passed|No number set|No complete week yet)$/,
          /^(Met|On track|Behind|Missed|Not started yet|No number set) by /,
        ]);
      }
    }
    expect(await counts.innerText()).toContain(`${notCounted} not counted`);
    const formTop = await page.getByRole('button', { name: 'Show these dates' }).evaluate((b) => b.getBoundingClientRect().top);
    const tableBottom = await page.locator('.app-glance__table').evaluate((t) => t.getBoundingClientRect().bottom);
    expect(tableBottom).toBeLessThan(formTop);
    // Each line leads to its target's detail.
    await rows.filter({ hasText: 'HELS4' }).getByRole('link', { name: 'HELS4' }).click();
    await expect(page).toHaveURL(/#target-hels-4$/);
    await expect(page.locator('#target-hels-4')).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('answers any dates a manager can choose without failing: inside one quarter, one day, three years (fast-check)', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, ...MANAGER);
    const query = (from: string, to: string) => {
      const [fy, fm, fd] = from.split('-').map(Number);
      const [ty, tm, td] = to.split('-').map(Number);
      return `from-day=${fd}&from-month=${fm}&from-year=${fy}&to-day=${td}&to-month=${tm}&to-year=${ty}`;
    };
    // The ranges that failed (a range inside one quarter), then random ones.
    const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const ranges: Array<[string, string]> = [
      [quarterStart, today],
      [today, today],
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 3 * 365 }), (back, length) => {
        const to = addDays(today, -back);
        ranges.push([addDays(to, -Math.min(length, 3 * 365 - back)), to]);
      }),
      { numRuns: 12 },
    );
    for (const [from, to] of ranges) {
      const response = await page.request.get(`/staff/reports?${query(from, to)}`);
      expect(response.status(), `${from} to ${to}`).toBe(200);
    }
  });
});

test.describe('a manager, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('picks dates with the plain form, is told clearly about a wrong date, and opens the cases behind a count', async ({ page }) => {
    // Three full-page accessibility checks of a long page, each on a second copy of it.
    test.setTimeout(90_000);
    await signIn(page, ...MANAGER);
    await page.goto('/staff/reports');
    await expect(page.getByRole('img', { name: /Unique visitors each week/ })).toBeVisible();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    // A wrong date: an error summary linking to the box, and the figures still shown.
    const from = page.getByRole('group', { name: 'From' });
    await from.getByLabel('Day').fill('31');
    await from.getByLabel('Month').fill('2');
    await from.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByRole('alert').getByRole('link', { name: 'The start date must be a real date' })).toBeVisible();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    // A good range, wholly in the past (see periodFrom).
    await from.getByLabel('Day').fill(String(fromDay));
    await from.getByLabel('Month').fill(String(fromMonth));
    await from.getByLabel('Year').fill(String(fromYear));
    const to = page.getByRole('group', { name: 'To' });
    await to.getByLabel('Day').fill(String(toDay));
    await to.getByLabel('Month').fill(String(toMonth));
    await to.getByLabel('Year').fill(String(toYear));
    await page.getByRole('button', { name: 'Show these dates' }).click();
    await expect(page.getByText(`Figures from ${longDate(periodFrom)} to ${longDate(periodTo)}.`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download “Outcomes” as CSV' })).toHaveAttribute(
      'href',
      new RegExp(`from-day=${fromDay}&from-month=${fromMonth}&from-year=${fromYear}`),
    );

    // The cases behind the "moderate" count: each a case reference, opening the case.
    const moderate = page.locator('#table-need-levels + p + .app-table-scroll tr', { hasText: 'Moderate' }).getByRole('link');
    const shown = (await moderate.innerText()).replace(/[^\d]/g, '');
    await moderate.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cases behind a count' })).toBeVisible();
    await expect(
      page.getByText(`Hand-offs with need level moderate, from ${longDate(periodFrom)} to ${longDate(periodTo)}.`),
    ).toBeVisible();
    await expect(page.getByText(new RegExp(`of ${Number(shown).toLocaleString('en-GB')} cases|^${shown} cases`)).first()).toBeVisible();
    const references = page.locator('main ul.govuk-list a');
    expect(await references.count()).toBe(Math.min(100, Number(shown)));
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await references.first().click();
    await expect(page).toHaveURL(/\/staff\/cases\//);

    // A made-up count is refused plainly.
    const response = await page.goto('/staff/reports/cases?count=need:urgent:2026-01-01:2026-02-01');
    expect(response?.status()).toBe(404);
    await expect(page.getByText('That count is not one the reports show.')).toBeVisible();
  });
});

test('an adviser, an officer and an administrator are refused the reports and their downloads', async ({ browser }) => {
  for (const [email, password] of [
    ['adviser@harrowmere.example', 'demo-adviser-2026'],
    ['pso@harrowmere.example', 'demo-officer-2026'],
    ['admin@harrowmere.example', 'demo-admin-2026'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email, password);
    await expect(page.getByRole('link', { name: 'Reports' })).toHaveCount(0);
    await page.goto('/staff/reports');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You cannot see this page');
    const csv = await page.request.get('/staff/reports/need-levels.csv');
    expect(await csv.text()).not.toContain('Need level,Hand-offs');
    await context.close();
  }
});
