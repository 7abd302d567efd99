// Phones: every public page, the journey pages included, at 320, 360, 390 and 414 px wide, with
// no sideways scrolling (WCAG 1.4.10 reflow) and the code and reference a person must copy fully
// on screen; the back office at 390 px, where wide tables scroll inside their own box and no tap
// target overlaps another.
import { expect, test, type Page } from './fixtures.ts';

const WIDTHS = [320, 360, 390, 414];

/** How far the page is wider than the screen, in px (0 or less is fine). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function expectReflowAtEveryWidth(page: Page, what: string) {
  await page.waitForLoadState('load');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 740 });
    expect(await overflow(page), `${what} at ${width}px is wider than the screen`).toBeLessThanOrEqual(0);
  }
}

/** The element is wholly on screen and inside its panel, at every width. */
async function expectFullyVisible(page: Page, selector: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 740 });
    const box = await page.locator(selector).evaluate((el) => {
      const rect = el.getBoundingClientRect();
      const panel = (el.closest('.govuk-panel') ?? document.body).getBoundingClientRect();
      return {
        left: rect.left,
        right: rect.right,
        panelLeft: panel.left,
        panelRight: panel.right,
        screen: document.documentElement.clientWidth,
      };
    });
    expect(box.left, `${selector} at ${width}px`).toBeGreaterThanOrEqual(box.panelLeft);
    expect(box.right, `${selector} at ${width}px`).toBeLessThanOrEqual(Math.min(box.panelRight, box.screen));
  }
}

/** Pairs of tap targets that overlap (a label and its own input do not count). */
function overlappingTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = [
      ...document.querySelectorAll<HTMLElement>(
        'main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary',
      ),
    ].filter((el) => {
      const rect = el.getBoundingClientRect();
      // checkVisibility also leaves out what is inside a closed <details>.
      return rect.width > 0 && rect.height > 0 && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    });
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || el.id).trim().slice(0, 30)}"`;
    const problems: string[] = [];
    for (let i = 0; i < targets.length; i += 1) {
      for (let j = i + 1; j < targets.length; j += 1) {
        const [a, b] = [targets[i]!, targets[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        // GOV.UK radios and checkboxes lay the real input over its drawn box, beside its label.
        const sameControl = (x: HTMLElement, y: HTMLElement) => x instanceof HTMLInputElement && y.closest('label')?.htmlFor === x.id;
        if (sameControl(a, b) || sameControl(b, a)) continue;
        const r = a.getBoundingClientRect();
        const s = b.getBoundingClientRect();
        const overlap =
          Math.min(r.right, s.right) - Math.max(r.left, s.left) > 1 && Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 1;
        if (overlap) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return problems;
  });
}

test.describe('public pages on phones', () => {
  test.use({ javaScriptEnabled: false });

  test('every page on the way through the self-assessment and a hand-off reflows, and the code and reference fit', async ({ page }) => {
    test.setTimeout(120_000);
    // Pages anyone can open are checked in tests/e2e/public-pages.spec.ts; these need answers.
    await page.goto('/self-assessment');
    await page.getByRole('button', { name: 'Start now' }).click();
    const steps: Array<[string, string]> = [
      ['danger', 'No'],
      ['tonight', 'Yes'],
      ['courtOrBailiff', 'No'],
      ['homeType', 'I rent from a private landlord or letting agent'],
      ['noticeReceived', 'Yes, my landlord gave me a section 21 notice'],
      ['leaveBy', 'In the next 7 days'],
    ];
    for (const [path, choice] of steps) {
      await expect(page).toHaveURL(new RegExp(`/self-assessment/${path}$`));
      await expectReflowAtEveryWidth(page, path);
      await page.getByLabel(choice, { exact: true }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    // Save and come back: the code is shown once, so it must be wholly readable.
    await page.goto('/self-assessment/save');
    await expectReflowAtEveryWidth(page, 'save');
    await page.getByRole('button', { name: 'Save and get my code' }).click();
    await expect(page.locator('.app-return-code')).toBeVisible();
    await expectReflowAtEveryWidth(page, 'the return code page');
    await expectFullyVisible(page, '.app-return-code');
    const code = (await page.locator('.app-return-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await page.goto('/self-assessment/resume');
    await page.getByLabel('Continue with your code').fill(code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/self-assessment\/homeProblems$/);

    // On through the rest to the hand-off, checking each page once it has arrived.
    for (;;) {
      const url = new URL(page.url()).pathname;
      await expectReflowAtEveryWidth(page, url);
      if (url.endsWith('/check-answers')) break;
      const first = page.locator('.govuk-radios__input, .govuk-checkboxes__input').first();
      if (await first.count()) await first.check();
      else await page.locator('#answer').fill('1');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).not.toHaveURL(new RegExp(`${url}$`));
    }
    await page.getByRole('button', { name: 'See my plan' }).click();
    await expect(page).toHaveURL(/\/self-assessment\/result$/);
    await expectReflowAtEveryWidth(page, 'result');
    await page.getByRole('button', { name: 'Ask an adviser to contact me' }).click();
    await expect(page).toHaveURL(/\/contact$/);
    await expectReflowAtEveryWidth(page, 'who to contact');
    await page.getByLabel('Housing Options team').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/contact\/details$/);
    await expectReflowAtEveryWidth(page, 'contact details');
    await page.getByLabel('Your name').fill('Phone Width Test');
    await page.getByLabel(/Phone number/).fill('07700 900 321');
    await page.getByLabel('Phone', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/contact\/safety$/);
    await expectReflowAtEveryWidth(page, 'safe contact');
    await page.getByLabel('No, do not leave a message').check();
    await page.getByLabel('Morning (9am to 12pm)').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/contact\/consent$/);
    await expectReflowAtEveryWidth(page, 'consent');
    await page.getByLabel('I agree to share my details as described above').check();
    await page.getByRole('button', { name: 'Send my request' }).click();
    await expect(page).toHaveURL(/\/contact\/sent$/);
    await expectReflowAtEveryWidth(page, 'request sent');
    await expectFullyVisible(page, '.app-reference');
  });

  test('the emergency page reflows too', async ({ page }) => {
    await page.goto('/self-assessment');
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/emergency$/);
    await expectReflowAtEveryWidth(page, 'emergency');
  });
});

test('with JavaScript, the code can be copied whole with one press', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/self-assessment');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/tonight$/);
  await page.goto('/self-assessment/save');
  await page.getByRole('button', { name: 'Save and get my code' }).click();
  const code = (await page.locator('.app-return-code').innerText()).trim();
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test.describe('the back office at 390px', () => {
  const pages: Array<[who: string, password: string, paths: string[]]> = [
    [
      'adviser@harrowmere.example',
      'demo-adviser-2026',
      ['/staff/queue', '{case}', '{case}/plan', '{case}/plan/versions', '/staff/follow-ups', '/staff/directory', '/staff/account'],
    ],
    ['admin@harrowmere.example', 'demo-admin-2026', ['/staff/admin/accounts', '/staff/admin/audit', '/staff/admin/outbox']],
    ['partner@safeathome.example', 'demo-partner-2026', ['/staff/referrals']],
    ['pso@harrowmere.example', 'demo-officer-2026', ['/staff/landlords', '/staff/homes']],
    ['lettings@brindle.example', 'demo-landlord-2026', ['/staff/my-homes', '/staff/my-homes/new']],
  ];
  for (const [who, password, paths] of pages) {
    test(`${who.split('@')[0]}: no sideways scrolling, tables scroll in their box, no tap targets overlap`, async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/staff/sign-in');
      await page.getByLabel('Email address').fill(who);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).not.toHaveURL(/sign-in/);
      let caseUrl = '';
      if (paths.includes('{case}')) {
        await page.goto('/staff/queue');
        caseUrl = new URL(
          await page
            .locator('a.app-reference-link')
            .first()
            .evaluate((a) => (a as HTMLAnchorElement).href),
        ).pathname;
      }
      for (const template of paths) {
        const path = template.replace('{case}', caseUrl);
        await page.goto(path);
        expect(await overflow(page), `${path} is wider than the screen`).toBeLessThanOrEqual(0);
        for (const table of await page.locator('main table').all()) {
          expect(await table.evaluate((t) => !!t.closest('.app-table-scroll')), `a table on ${path} scrolls in its own box`).toBe(true);
        }
        expect(await overlappingTargets(page), path).toEqual([]);
      }
    });
  }
});
