// The back office end to end in Chromium: a hand-off made on the public site is picked up by an
// adviser, who claims it, reads the answers, writes a plan, records an outcome and closes it; the
// follow-ups appear, and the audit trail shows every view. Axe checks each page on the way.
import { expect, test, type Locator, type Page } from './fixtures.ts';
import { expectNoAxeViolations, makeHandoff } from './support.ts';

const ADVISER = { email: 'adviser@harrowmere.example', password: 'demo-adviser-2026' };
const ADMIN = { email: 'admin@harrowmere.example', password: 'demo-admin-2026' };

/** Astro marks an island with `ssr` until it has hydrated. */
async function islandsReady(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** The GOV.UK date input: day, month and year boxes inside a "Due by" fieldset. */
async function fillDate(scope: Locator, day: string, month: string, year: string) {
  const due = scope.getByRole('group', { name: 'Due by' });
  await due.getByLabel('Day').fill(day);
  await due.getByLabel('Month').fill(month);
  await due.getByLabel('Year').fill(year);
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a hand-off is claimed, planned, given an outcome and closed, and its follow-ups appear', async ({ browser }) => {
  test.setTimeout(120_000);
  const person = await browser.newPage();
  const reference = await makeHandoff(person, 'Casey Journey');
  await person.close();

  const context = await browser.newContext();
  // A token planted before sign-in must not survive it (session fixation).
  await context.addCookies([{ name: 'ho_staff_session', value: 'planted.token', domain: '127.0.0.1', path: '/staff' }]);
  const page = await context.newPage();
  await page.goto('/staff/queue');
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff%2Fqueue$/);
  await expectNoAxeViolations(page);
  await signIn(page, { ...ADVISER, password: 'wrong password' });
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter a correct email address and password');
  await expect(page.getByLabel('Email address')).toHaveValue(ADVISER.email);
  await signIn(page, ADVISER);
  await expect(page).toHaveURL(/\/staff\/queue$/);
  const cookie = (await context.cookies()).find((c) => c.name === 'ho_staff_session')!;
  expect(cookie.value).not.toBe('planted.token');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/staff' });

  // The queue: filtering by need level updates the list in place.
  await expectNoAxeViolations(page);
  const row = page.locator('tr', { hasText: reference });
  await expect(row).toContainText('Emergency');
  await expect(row).toContainText('Nobody yet');
  await islandsReady(page);
  await page.getByLabel('Need level').selectOption('moderate');
  await expect(page.getByRole('status')).toHaveText(/^[\d,]+ hand-offs? found$/);
  await expect(row).toHaveCount(0);
  await expect(page).toHaveURL(/\/staff\/queue\?need=moderate$/);
  await page.getByLabel('Need level').selectOption('emergency');
  // A person on the phone gives their reference: typing it finds them.
  await page.getByLabel('Reference, phone, email or name').fill(reference.toLowerCase().replace(/-/g, ' '));
  await expect(page.locator('tbody tr')).toHaveCount(1);
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: reference }).click();

  // The case: their answers as given, the safety flags, then claim and acknowledge.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Casey Journey');
  await expect(page.getByText('No voicemail: do not leave a message.')).toBeVisible();
  const answers = page.locator('#answers + p + dl');
  await expect(answers.locator('.govuk-summary-list__row').first()).toContainText('Yes');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Take this case' }).click();
  await expect(page.getByText('You have taken this case')).toBeVisible();
  await page.getByLabel(/Acknowledge: note/).fill('Phoned in the morning, safe to talk');
  await page.getByRole('button', { name: 'Mark "acknowledge" as done' }).click();
  await expect(page.locator('.app-case-facts')).toContainText('Acknowledged');
  await expect(page.locator('.app-case-facts')).toContainText('Arrange an appointment by');

  // The plan: two actions, the second added in place.
  await page.getByRole('link', { name: 'Write the plan' }).click();
  await islandsReady(page);
  await expectNoAxeViolations(page);
  await page.getByLabel('Goal').fill('Somewhere safe to live');
  await page.getByLabel('What will be done').fill('Apply for a refuge place with the helpline');
  await fillDate(page.locator('.app-plan-row').first(), '15', '1', '2027');
  const before = page.url();
  await page.getByRole('button', { name: 'Add another action' }).click();
  expect(page.url()).toBe(before);
  await expect(page.getByRole('group', { name: 'Action 2' })).toBeVisible();
  const second = page.getByRole('group', { name: 'Action 2' });
  await second.getByLabel('About').selectOption('money');
  await second.getByLabel('Goal').fill('Claim what they are owed');
  await second.getByLabel('What will be done').fill('Welfare rights income check');
  await second.getByLabel('Who will do it').selectOption('partner');
  await second.getByLabel(/Partner agency/).fill('Welfare Rights team');
  await fillDate(second, '22', '1', '2027');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText('Plan saved as a new version')).toBeVisible();
  await expect(page.locator('#plan ~ ul').first()).toContainText('Somewhere safe to live');
  await page.getByRole('link', { name: 'Printable plan' }).click();
  await expect(page.getByRole('heading', { name: 'Housing', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Welfare Rights team' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back', exact: true }).click();

  // An outcome, with the detail it asks for, then closing.
  await page.getByLabel('Homelessness prevented: moved to another home', { exact: true }).check();
  await page
    .getByLabel('If homelessness prevented: moved to another home: what kind of home did they move to?')
    .selectOption('Private rented');
  await page.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.getByText('Homelessness prevented: moved to another home (Private rented)').first()).toBeVisible();
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose why the case is closing');
  await expectNoAxeViolations(page);
  await page.getByLabel('Plan completed', { exact: true }).check();
  await page.getByLabel('Lone parent').check();
  await page.getByRole('button', { name: 'Close the case' }).click();
  await expect(page.locator('.app-case-facts')).toContainText('Closed: Plan completed');
  const followUps = page.locator('#follow-ups + ul li');
  await expect(followUps).toHaveCount(2);
  await expect(followUps.first()).toContainText('3 months');
  await expect(followUps.last()).toContainText('6 months');
  const caseUrl = page.url().split('?')[0]!;

  await page.getByRole('link', { name: 'Follow-ups', exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`${reference}: Casey Journey, 3-month follow-up`) })).toBeVisible();
  await expect(page.getByRole('heading', { name: new RegExp(`${reference}: Casey Journey, 6-month follow-up`) })).toBeVisible();
  await expectNoAxeViolations(page);

  // Signing out ends the session on the server: the old cookie no longer opens anything.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out')).toBeVisible();
  const replay = await page.request.get(caseUrl, { headers: { Cookie: `ho_staff_session=${cookie.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(303);

  // The audit trail shows who viewed and changed the case.
  await signIn(page, ADMIN);
  const caseId = caseUrl.split('/').pop()!;
  await page.goto(`/staff/admin/audit?record=${caseId}`);
  const trail = page.locator('tbody');
  await expect(trail).toContainText('viewed case');
  await expect(trail).toContainText('claimed');
  await expect(trail).toContainText('saved plan');
  await expect(trail).toContainText('viewed printable plan');
  await expect(trail).toContainText('closed');
  await expect(trail.locator('tr', { hasText: 'claimed' })).toContainText('Priya Okafor');
  await expectNoAxeViolations(page);
  await context.close();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the queue filters and the plan form still work, more slowly', async ({ page }) => {
    await page.goto('/staff/sign-in');
    await signIn(page, ADVISER);
    await page.goto('/staff/queue');
    await page.getByLabel('Assigned to').selectOption('unassigned');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/assignee=unassigned/);
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    const first = page.locator('tbody tr').first().getByRole('link');
    await first.click();
    await page.getByRole('link', { name: /Write the plan|Change the plan/ }).click();
    await page.getByLabel('Goal').first().fill('Stay in the home');
    await page.getByRole('button', { name: 'Add another action' }).click();
    // The page came back with what was typed, and an empty second action.
    await expect(page.getByRole('group', { name: 'Action 1' }).getByLabel('Goal')).toHaveValue('Stay in the home');
    await expect(page.getByRole('group', { name: 'Action 2' })).toBeVisible();
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Action 1: enter what will be done');
    await expect(page.locator('.govuk-error-summary')).toContainText('Action 1: enter the date it is due');
    await expect(page.getByRole('group', { name: 'Action 1' }).getByLabel('Goal')).toHaveValue('Stay in the home');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
  });
});
