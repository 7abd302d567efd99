// What people met when the service was tried as they would use it, on a phone with JavaScript
// off: a way on from every end page, the homes search that keeps its filters and fits the
// household, help for someone in danger on the first screen, numbers they can tap, services that
// say whether they are open, Back after sending interest, and the smaller things.
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test.use({ javaScriptEnabled: false });

const check = (page: Page) => expectNoAxeViolations(page, { javaScriptEnabled: false });

/** Every phone number in the page's main part that a person is told to call is a tel: link showing spaced digits. */
async function expectTappableNumbers(page: Page) {
  const links = await page
    .locator('main a[href^="tel:"]')
    .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!.trim() })));
  expect(links.length).toBeGreaterThan(0);
  for (const { href, text } of links) {
    expect(href.replace('tel:', '')).toBe(text.replace(/\s/g, ''));
    if (text.length > 4) expect(text, 'a long number is shown in groups').toMatch(/ /);
  }
  // No phone number in the text that is not a link.
  const bare = await page.locator('main').evaluate((main) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('a[href^="tel:"]')) continue;
      for (const match of node.textContent!.matchAll(/\b0\d{2,4} ?\d{3,4} ?\d{3,4}\b|\b999\b/g)) found.push(match[0]);
    }
    return found;
  });
  expect(bare, 'phone numbers that cannot be tapped').toEqual([]);
}

test('someone in danger sees 999 and the domestic abuse helpline on the first screen of a 320px phone, before "Start now"', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto('/');
  const call999 = page.getByRole('link', { name: '999', exact: true }).first();
  const helpline = page.getByRole('link', { name: '0808 2000 247' }).first();
  await expect(call999).toBeInViewport();
  await expect(helpline).toBeInViewport();
  const startTop = await page.getByRole('button', { name: 'Start now' }).evaluate((b) => b.getBoundingClientRect().top);
  expect(await helpline.evaluate((a) => a.getBoundingClientRect().bottom)).toBeLessThan(startTop);
  await expectTappableNumbers(page);
  await check(page);
});

test('the emergency page: every number can be tapped, and each service that can help says whether it is open now', async ({ page }) => {
  await page.goto('/self-assessment');
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/emergency$/);
  await expectTappableNumbers(page);
  const help = page.locator('.app-plan-step li', { has: page.locator('a[href^="/services/"]') });
  expect(await help.count()).toBeGreaterThan(0);
  for (const service of await help.all()) {
    await expect(service.locator('.app-open-now')).toHaveText(
      /^(Open now, (until (\d[\d:]*[ap]m|midday|midnight)|24 hours)|Closed now(: opens .*)?)\..+|^Opening times not listed here: check on their page before you call\.$/,
    );
  }
  // The national helpline is open around the clock, and says so.
  await expect(help.filter({ hasText: 'National Domestic Abuse Helpline' }).locator('.app-open-now')).toHaveText(
    'Open now, 24 hours. Every day, 24 hours.',
  );
});

test('after sending a request there is a way on: the plan, homes and guides, and "Finish" says it deletes the answers', async ({
  page,
}) => {
  await page.goto('/self-assessment');
  await page.getByRole('button', { name: 'Start now' }).click();
  for (const [choice] of [['No'], ['Yes'], ['No']]) {
    await page.getByLabel(choice!, { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByLabel('I rent from a private landlord or letting agent').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // On to the end with the first answer to each question.
  while (!/check-answers$/.test(page.url())) {
    const question = page.url();
    // The question's own input, once its page is the one showing (with JavaScript on, the island
    // moves between questions itself: reading the page mid-move found no radios, then filled one).
    const input = page.locator('.govuk-radios__input, .govuk-checkboxes__input, input#answer').first();
    if ((await input.getAttribute('type')) === 'radio' || (await input.getAttribute('type')) === 'checkbox') await input.check();
    else await input.fill('1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).not.toHaveURL(question);
  }
  await page.getByRole('button', { name: 'See my plan' }).click();
  await page.getByRole('button', { name: 'Ask an adviser to contact me' }).click();
  await page.getByLabel('Housing Options team').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name').fill('Way On');
  await page.getByLabel(/Email address/).fill('way.on@example.com');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('I agree to share my details as described above').check();
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page).toHaveURL(/\/contact\/sent$/);
  const reference = (await page.locator('.app-reference').innerText()).replace(/\s+/g, '');
  await expect(page.locator('main')).toContainText('“Finish” deletes your answers from this website now');
  await expectTappableNumbers(page);
  await check(page);
  for (const name of ['See your plan', 'Read the guides for your plan', 'Look at homes to rent', 'Read other housing guides'])
    await expect(page.getByRole('link', { name })).toBeVisible();
  // The plan is still theirs to read, and says the request went.
  await page.getByRole('link', { name: 'See your plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your plan');
  await expect(page.locator('.app-handoff-offer')).toContainText(`Your reference is ${reference}`);
  await expect(page.getByRole('button', { name: 'Ask an adviser to contact me' })).toHaveCount(0);
  await page.goBack();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('deleted');
});

test('homes: the results follow the filters on a phone, Back keeps the search, and "Could I afford it?" lands on its answer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/homes?area=Northgate&bedrooms=1&sort=rent');
  const firstCard = page.locator('.app-home-card').first();
  expect(await firstCard.evaluate((c) => c.getBoundingClientRect().top), 'the first home within two screens').toBeLessThan(2 * 640);
  await expect(page.getByRole('link', { name: /^Go to the \d+ homes?$/ })).toBeVisible();
  // Type of home, shared or not and "must have" are folded away until one is chosen.
  await expect(page.getByRole('group', { name: 'Must have' })).toBeHidden();
  await expect(page.getByLabel('Sort by')).toHaveValue('rent');
  await firstCard.getByRole('link').click();
  const back = page.getByRole('link', { name: 'Back to homes to rent' });
  await expect(back).toHaveAttribute('href', '/homes?area=Northgate&bedrooms=1&sort=rent');
  await page.getByLabel('How many adults (aged 16 or over), including you?').fill('1');
  await expect(page.getByRole('group', { name: 'Children (aged 17 or under) who would live here' })).toBeVisible();
  await page.getByRole('button', { name: 'Work it out' }).click();
  await expect(page).toHaveURL(/#afford-answer$/);
  await expect(page.locator('#afford-answer')).toBeInViewport();
  await expect(back).toHaveAttribute('href', '/homes?area=Northgate&bedrooms=1&sort=rent');
  await back.click();
  await expect(page).toHaveURL(/\/homes\?area=Northgate&bedrooms=1&sort=rent$/);
  await expect(page.getByLabel('Area')).toHaveValue('Northgate');
  await check(page);
});

test('homes: a household carried from the plan narrows the list to homes that sleep them, with a way to see every size', async ({
  page,
}) => {
  await page.goto('/homes');
  const everyHome = Number((await page.locator('#results-heading').innerText()).match(/^(\d+)/)![1]);
  await page.goto('/homes?household-adults=2&household-children=2');
  await expect(page.locator('.app-household-size')).toContainText('Showing homes that sleep at least 4 people');
  const fitting = Number((await page.locator('#results-heading').innerText()).match(/^(\d+)/)![1]);
  expect(fitting).toBeGreaterThan(0);
  expect(fitting).toBeLessThan(everyHome);
  // Each one really sleeps four or more.
  for (const href of (await page.locator('.app-home-card h3 a').evaluateAll((a) => a.map((x) => x.getAttribute('href')!))).slice(0, 4)) {
    await page.goto(href);
    const sleeps = Number(
      (await page.locator('.govuk-summary-list__row', { hasText: 'Sleeps' }).locator('dd').innerText()).match(/\d+/)![0],
    );
    expect(sleeps).toBeGreaterThanOrEqual(4);
  }
  await page.goto('/homes?household-adults=2&household-children=2');
  await page.getByRole('link', { name: 'See homes of every size' }).click();
  expect(Number((await page.locator('#results-heading').innerText()).match(/^(\d+)/)![1])).toBe(everyHome);
  await check(page);
});

test('Back after sending interest shows that it was sent, not the old errors', async ({ page }) => {
  await page.goto('/homes?sort=rent');
  await page.locator('.app-home-card a').first().click();
  await page.getByRole('link', { name: 'Tell us you are interested' }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your name');
  // What was typed before the mistake is kept; the address holds nothing readable.
  await page.getByLabel('Your name').fill('Back Button');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByLabel('Your name')).toHaveValue('Back Button');
  expect(decodeURIComponent(page.url())).not.toContain('Back Button');
  await page.getByLabel('Phone number', { exact: true }).fill('07700 900 611');
  await page.getByLabel('Phone', { exact: true }).check();
  await page.getByRole('group', { name: 'Is it safe to leave you a voicemail?' }).getByLabel('Yes').check();
  await page.getByLabel('How many people would live here, including you?').fill('1');
  await page.getByRole('group', { name: 'Does anyone need a home with no steps?' }).getByLabel('No').check();
  await page.getByLabel(/I agree that the council’s officers may use these details/).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your interest');
  const reference = await page.locator('.app-interest-reference').innerText();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your interest');
  await expect(page.locator('.app-interest-reference')).toHaveText(reference);
  await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
  await check(page);
});

test('the housing register guide links to the application', async ({ page }) => {
  await page.goto('/information/choice-based-lettings');
  await expect(page.getByRole('link', { name: 'Apply to join the housing register' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.harrowmere\.example\/housing-register\/apply$/,
  );
});

test('a landlord on a phone reads why a home is hidden without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'lettings@brindle.example', 'demo-landlord-2026');
  const hidden = page.locator('tbody tr', { hasText: 'Hidden' }).first();
  const reason = hidden.locator('.govuk-list li').first();
  await expect(reason).toContainText(/expired|draft|accreditation/);
  const box = await reason.evaluate((li) => li.getBoundingClientRect().right);
  expect(box).toBeLessThanOrEqual(390);
});

test('a report of one day says "1 week", not "1 weeks"', async ({ page }) => {
  await signIn(page, 'manager@harrowmere.example', 'demo-manager-2026');
  const day = new Date(Date.now() - 86_400_000);
  await page.goto(
    `/staff/reports?from-day=${day.getUTCDate()}&from-month=${day.getUTCMonth() + 1}&from-year=${day.getUTCFullYear()}&to-day=${day.getUTCDate()}&to-month=${day.getUTCMonth() + 1}&to-year=${day.getUTCFullYear()}`,
  );
  await expect(page.locator('#chart-visitors-summary')).toHaveText(/^1 week from /);
  expect(await page.locator('main').innerText()).not.toMatch(/\b1 weeks\b/);
});
