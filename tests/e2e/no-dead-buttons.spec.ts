// With JavaScript off, no page shows a button that does nothing: every public page (followed by
// links from the home page), the journey's pages that show a code or reference, and every back-
// office page each role opens. (tests/e2e/fixtures.ts checks the same on every page any test with
// JavaScript off visits; this makes sure every page is among them.)
import { deadButtons, expect, test, type Page } from './fixtures.ts';
import { signIn } from './support.ts';

test.use({ javaScriptEnabled: false });

async function expectNoDeadButtons(page: Page, path: string) {
  await page.goto(path);
  expect(await deadButtons(page), path).toEqual([]);
}

test('every public page, and the pages that show a code or a reference', async ({ page }) => {
  test.setTimeout(180_000);
  const seen = new Set<string>();
  const queue = ['/'];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    await expectNoDeadButtons(page, path);
    const origin = new URL(page.url()).origin;
    const links = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    for (const link of links.map((href) => new URL(href))) {
      if (link.origin === origin && link.pathname !== '/exit' && !link.pathname.startsWith('/staff')) queue.push(link.pathname);
    }
  }
  expect(seen.size).toBeGreaterThan(40);

  // The return code page ("we cannot show it to you again") and the sent page show codes.
  await page.goto('/self-assessment');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.goto('/self-assessment/save');
  await page.getByRole('button', { name: 'Save and get my code' }).click();
  await expect(page.locator('.app-return-code')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy code' })).toBeHidden();
  expect(await deadButtons(page)).toEqual([]);
});

const ROLES: Array<[who: string, password: string, paths: string[]]> = [
  [
    'adviser@harrowmere.example',
    'demo-adviser-2026',
    [
      '/staff/queue',
      '{case}',
      '{case}/plan',
      '{case}/plan/versions',
      '{case}/plan/print',
      '/staff/follow-ups',
      '/staff/directory',
      '/staff/directory/jet-centre',
      '/staff/account',
      '/staff/account/second-factor',
    ],
  ],
  ['manager@harrowmere.example', 'demo-manager-2026', ['/staff/reports', '/staff/admin/outbox', '/staff/landlords', '/staff/homes']],
  ['admin@harrowmere.example', 'demo-admin-2026', ['/staff/admin/accounts', '/staff/admin/audit']],
  ['partner@safeathome.example', 'demo-partner-2026', ['/staff/referrals', '{referral}']],
  ['pso@harrowmere.example', 'demo-officer-2026', ['/staff/landlords', '{landlord}', '/staff/homes', '{advert}']],
  ['lettings@brindle.example', 'demo-landlord-2026', ['/staff/my-homes', '/staff/my-homes/new', '{own-advert}']],
];

/** The first link on a list page whose address starts with `prefix`. */
async function firstLink(page: Page, list: string, prefix: string): Promise<string> {
  await page.goto(list);
  const hrefs = await page
    .locator(`main a[href^="${prefix}"]`)
    .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const found = hrefs.find((href) => /\/[0-9a-f-]{20,}$/.test(href));
  expect(found, `a record linked from ${list}`).toBeTruthy();
  return found!;
}

for (const [who, password, paths] of ROLES) {
  test(`every back-office page ${who.split('@')[0]} opens`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, who, password);
    await expect(page).not.toHaveURL(/sign-in/);
    const records: Record<string, () => Promise<string>> = {
      '{case}': () => firstLink(page, '/staff/queue', '/staff/cases/'),
      '{referral}': () => firstLink(page, '/staff/referrals', '/staff/referrals/'),
      '{landlord}': () => firstLink(page, '/staff/landlords', '/staff/landlords/'),
      '{advert}': () => firstLink(page, '/staff/homes', '/staff/homes/'),
      '{own-advert}': () => firstLink(page, '/staff/my-homes', '/staff/my-homes/'),
    };
    const found = new Map<string, string>();
    for (const template of paths) {
      const placeholder = Object.keys(records).find((p) => template.startsWith(p));
      let path = template;
      if (placeholder) {
        if (!found.has(placeholder)) found.set(placeholder, await records[placeholder]!());
        path = template.replace(placeholder, found.get(placeholder)!);
      }
      await expectNoDeadButtons(page, path);
    }
  });
}
