// The public side in Polish and Urdu: a whole self-assessment and hand-off in each language, with
// JavaScript on and off, checked by axe and at 320 px; switching language mid-journey keeps every
// answer and the place; no cookie before Start in any language; Urdu right to left, component by
// component, at 320 and 390 px; the interpreter need reaching the adviser; and English-only pages
// saying so in the language asked for.
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

/** The moderate-need path of tests/e2e/self-assessment.spec.ts, by option value (the words differ by language). */
const MODERATE: Array<[step: string, values: string[]]> = [
  ['danger', ['no']],
  ['tonight', ['yes']],
  ['courtOrBailiff', ['no']],
  ['homeType', ['privateRenter']],
  ['noticeReceived', ['section21']],
  ['leaveBy', ['later']],
  ['homeProblems', ['disrepair']],
  ['arrears', ['no']],
  ['otherDebts', ['councilTax', 'energy']],
  ['incomeDrop', ['fewerHours']],
  ['benefits', ['yes']],
  ['moneyHelp', ['incomeCheck']],
  ['work', ['partTime']],
  ['workHelp', ['findWork']],
  ['workBarriers', ['childcare']],
  ['supportNeeds', ['none']],
];

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Every check a page in another language must pass: its language and direction, axe, and no sideways scrolling at 320 px. */
async function checkPage(page: Page, locale: 'pl' | 'ur', javaScriptEnabled: boolean) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // Right to left says so; left to right is the default, as on the English pages.
  if (locale === 'ur') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  else expect(await page.locator('html').getAttribute('dir')).toBeNull();
  expect(await overflow(page), `${page.url()} scrolls sideways at 320px`).toBeLessThanOrEqual(0);
  // As the page first shows: scrolled down, GOV.UK's exit button floats over whatever is under it
  // (the island moves focus to the question, which can scroll a 320px screen).
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoAxeViolations(page, { javaScriptEnabled });
}

/** A radio's or checkbox's control sits to the right of its label, as a right-to-left reader expects. */
async function expectControlOnTheRight(page: Page, item: string) {
  const sides = await page
    .locator(item)
    .first()
    .evaluate((el) => ({
      input: el.querySelector('input')!.getBoundingClientRect().left,
      label: el.querySelector('label')!.getBoundingClientRect().left,
    }));
  expect(sides.input).toBeGreaterThan(sides.label);
}

async function answerByValue(page: Page, locale: string, steps: typeof MODERATE, check?: () => Promise<void>) {
  for (const [step, values] of steps) {
    await expect(page).toHaveURL(new RegExp(`/${locale}/self-assessment/${step}$`));
    if (check) await check();
    for (const value of values) await page.locator(`input[name="answer"][value="${value}"]`).check();
    await page.locator('form button[type="submit"]').click();
  }
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 320, height: 640 } });

    test('a Polish speaker takes the self-assessment, reads the plan and asks for help, needing an interpreter', async ({
      page,
      context,
    }) => {
      test.setTimeout(240_000);
      const check = () => checkPage(page, 'pl', javaScriptEnabled);
      await page.goto('/pl/');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Martwisz się, że stracisz dom?');
      // GOV.UK's language navigation, in the service navigation, with the page in every language.
      const nav = page.getByRole('navigation', { name: 'Język' });
      await expect(nav.locator('[aria-current="true"]')).toHaveText('Polski');
      await expect(nav.getByRole('link', { name: /English/ })).toHaveAttribute('href', '/');
      await expect(page.locator('link[rel="alternate"][hreflang="ur"]')).toHaveAttribute('href', /\/ur\/$/);
      await check();
      expect(await context.cookies(), 'no cookie before Start').toEqual([]);
      await page.getByRole('button', { name: 'Zacznij teraz' }).click();
      await expect(page).toHaveURL(/\/pl\/self-assessment$/);
      expect(await context.cookies(), 'no cookie before Start').toEqual([]);
      await check();
      await page.getByRole('button', { name: 'Zacznij teraz' }).click();

      // A mistake is explained in Polish.
      await expect(page).toHaveURL(/\/pl\/self-assessment\/danger$/);
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Zaznacz „Tak”, jeśli grozi Ci niebezpieczeństwo');
      await check();
      await answerByValue(page, 'pl', MODERATE, check);

      await expect(page).toHaveURL(/\/pl\/self-assessment\/check-answers$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprawdź swoje odpowiedzi');
      await expect(page.locator('.govuk-summary-list__row')).toHaveCount(MODERATE.length);
      await check();
      await page.getByRole('button', { name: 'Zobacz mój plan' }).click();

      await expect(page).toHaveURL(/\/pl\/self-assessment\/result$/);
      await expect(page.locator('.app-need-level')).toContainText('Umiarkowana');
      await expect(page.getByRole('heading', { name: 'Sprawdź swoje wypowiedzenie z sekcji 21' })).toBeVisible();
      await expect(page.getByText('Widzisz to, ponieważ podano: Inne długi: Podatek lokalny (Council Tax), Gaz lub prąd.')).toBeVisible();
      // A translated guide stays in Polish; one that is not is linked in English and marked so.
      await expect(page.getByRole('link', { name: 'Jeśli właściciel dał Ci wypowiedzenie' }).first()).toHaveAttribute(
        'href',
        '/pl/information/eviction-notice',
      );
      await check();
      await page.getByRole('button', { name: 'Poproś doradcę o kontakt ze mną' }).click();

      await expect(page).toHaveURL(/\/pl\/self-assessment\/contact$/);
      await check();
      await page.getByLabel('Zespół Housing Options').check();
      await page.getByRole('button', { name: 'Dalej' }).click();

      await expect(page).toHaveURL(/\/pl\/self-assessment\/contact\/details$/);
      // The language they read in is the first guess; any language can be chosen, with an interpreter.
      await expect(page.getByLabel('W jakim języku mamy się z Tobą kontaktować?')).toHaveValue('pl');
      await page.getByLabel('Twoje imię').fill('Anna Przykładowa');
      await page.getByLabel(/Numer telefonu/).fill('07700 900 123');
      await page.getByLabel('Telefonicznie').check();
      await page.getByLabel('Będę potrzebować tłumacza ustnego').check();
      await check();
      await page.getByRole('button', { name: 'Dalej' }).click();

      await expect(page).toHaveURL(/\/pl\/self-assessment\/contact\/safety$/);
      await page.locator('form button[type="submit"]').click();
      await expect(page.locator('.govuk-error-summary')).toContainText('Zaznacz „Tak”, jeśli możemy bezpiecznie zostawić wiadomość');
      await check();
      await page.getByLabel('Nie, nie zostawiajcie wiadomości').check();
      await page.getByLabel('Rano (9:00–12:00)').check();
      await page.getByRole('button', { name: 'Dalej' }).click();

      await expect(page).toHaveURL(/\/pl\/self-assessment\/contact\/consent$/);
      await expect(page.locator('.govuk-summary-list').first()).toContainText('Polski');
      await expect(page.locator('.govuk-summary-list').first()).toContainText('Potrzebny');
      await expect(page.getByText(/Zgadzam się, aby Harrowmere Borough Council przekazał moje odpowiedzi/)).toBeVisible();
      await check();
      await page.getByLabel('Zgadzam się na przekazanie moich danych w sposób opisany powyżej').check();
      await page.getByRole('button', { name: 'Wyślij moją prośbę' }).click();

      await expect(page).toHaveURL(/\/pl\/self-assessment\/contact\/sent$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Twoja prośba została wysłana');
      await check();
      const reference = (await page.locator('.app-reference').innerText()).trim();

      // The adviser sees the language and the interpreter need in the queue and on the case.
      await context.clearCookies();
      await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
      await page.goto(`/staff/queue?text=${encodeURIComponent(reference)}`);
      const row = page.locator('tr', { hasText: reference });
      await expect(row).toContainText('Polish, interpreter needed');
      await row.getByRole('link', { name: reference }).click();
      await expect(page.locator('.app-interpreter-needed')).toContainText('Needs an interpreter: Polish');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
  });
}

test.describe('Urdu, right to left', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const javaScriptEnabled of [false, true])
    test(`an Urdu speaker reaches a plan on a 320px phone with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, every page mirrored and readable`, async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      const fontRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('nastaliq')) fontRequests.push(r.url());
      });
      const check = () => checkPage(page, 'ur', javaScriptEnabled);
      await page.goto('/');
      expect(fontRequests, 'the Urdu font is not fetched on English pages').toEqual([]);
      await page.goto('/ur/self-assessment');
      await check();
      await page.getByRole('button', { name: 'ابھی شروع کریں' }).click();
      await answerByValue(page, 'ur', MODERATE, check);
      // Wait for "check your answers" first: under load, a click made sooner lands on the last question's button.
      await expect(page).toHaveURL(/\/ur\/self-assessment\/check-answers$/);
      await page.locator('form button[type="submit"]').click();
      await expect(page).toHaveURL(/\/ur\/self-assessment\/result$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('آپ کا منصوبہ');
      await check();
      expect(fontRequests.length, 'the self-hosted Urdu font is fetched on Urdu pages').toBeGreaterThan(0);
      expect(fontRequests.every((url) => new URL(url).origin === new URL(page.url()).origin)).toBe(true);
      await context.close();
    });

  for (const width of [320, 390]) {
    test(`GOV.UK components turn round at ${width}px: radios, checkboxes, error summary, back link, panel and the exit button`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 740 } });
      const page = await context.newPage();
      await page.goto('/ur/self-assessment');
      await page.getByRole('button', { name: 'ابھی شروع کریں' }).click();
      // The error summary and the inline error: on screen, the red bar on the right.
      await page.locator('form button[type="submit"]').click();
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toBeVisible();
      const group = await page.locator('.govuk-form-group--error').evaluate((el) => getComputedStyle(el).borderRightWidth);
      expect(parseFloat(group)).toBeGreaterThan(0);
      // Radios: the control to the right of its label.
      await expectControlOnTheRight(page, '.govuk-radios__item');
      await page.locator('input[value="no"]').check();
      await page.locator('form button[type="submit"]').click();
      // The back link: its chevron on the right, pointing right.
      const back = await page.locator('.govuk-back-link').evaluate((a) => {
        const before = getComputedStyle(a, '::before');
        return { right: before.right, paddingRight: getComputedStyle(a).paddingRight };
      });
      expect(parseFloat(back.paddingRight)).toBeGreaterThan(0);
      expect(back.right).not.toBe('auto');
      // Checkboxes, further on: the box to the right of its label.
      for (const [step, values] of MODERATE.slice(1, 6)) {
        await expect(page).toHaveURL(new RegExp(`/ur/self-assessment/${step}$`));
        for (const value of values) await page.locator(`input[name="answer"][value="${value}"]`).check();
        await page.locator('form button[type="submit"]').click();
      }
      await expect(page).toHaveURL(/\/ur\/self-assessment\/homeProblems$/);
      await expectControlOnTheRight(page, '.govuk-checkboxes__item');
      // The exit button and the page: nothing off the side of the screen.
      const exit = await page.locator('.govuk-exit-this-page__button').boundingBox();
      expect(exit!.x).toBeGreaterThanOrEqual(0);
      expect(exit!.x + exit!.width).toBeLessThanOrEqual(width);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // The panel, with a code that stays left to right and whole inside right-to-left text.
      await page.goto('/ur/self-assessment/save');
      await page.locator('form button[type="submit"]').click();
      const code = page.locator('.app-return-code');
      await expect(code).toHaveAttribute('dir', 'ltr');
      const codeBox = await code.boundingBox();
      const panel = await page.locator('.govuk-panel').boundingBox();
      expect(codeBox!.x).toBeGreaterThanOrEqual(panel!.x);
      expect(codeBox!.x + codeBox!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
      expect(await page.locator('.app-return-code').innerText()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, { javaScriptEnabled: false });
      await context.close();
    });
  }
});

for (const javaScriptEnabled of [false, true]) {
  test(`switching language mid-journey keeps every answer and the place, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    await page.goto('/self-assessment');
    await page.getByRole('button', { name: 'Start now' }).click();
    for (const [step, values] of MODERATE.slice(0, 4)) {
      await expect(page).toHaveURL(new RegExp(`/self-assessment/${step}$`));
      for (const value of values) await page.locator(`input[name="answer"][value="${value}"]`).check();
      await page.locator('form button[type="submit"]').click();
    }
    await expect(page).toHaveURL(/\/self-assessment\/noticeReceived$/);
    // In Polish: the same question, and going back shows the answers already given.
    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('link', { name: /Polski/ })
      .click();
    await expect(page).toHaveURL(/\/pl\/self-assessment\/noticeReceived$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Czy poproszono Cię o opuszczenie domu?');
    await page.getByRole('link', { name: 'Wstecz' }).click();
    await expect(page).toHaveURL(/\/pl\/self-assessment\/homeType$/);
    await expect(page.locator('input[value="privateRenter"]')).toBeChecked();
    // In Urdu, then back to English: still all there.
    await page.getByRole('navigation', { name: 'Język' }).getByRole('link', { name: /اردو/ }).click();
    await expect(page).toHaveURL(/\/ur\/self-assessment\/homeType$/);
    await expect(page.locator('input[value="privateRenter"]')).toBeChecked();
    await page
      .getByRole('navigation', { name: 'زبان' })
      .getByRole('link', { name: /English/ })
      .click();
    await expect(page).toHaveURL(/\/self-assessment\/homeType$/);
    await expect(page.locator('input[value="privateRenter"]')).toBeChecked();
    await context.close();
  });
}

test('every translated page reads in its language, has no axe findings and fits a 320px phone, with JavaScript off', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const packs = ['domestic-abuse', 'eviction-notice', 'finding-private-rented', 'homeless-tonight', 'housing-costs-help', 'rent-arrears'];
  for (const locale of ['pl', 'ur'] as const) {
    for (const path of [
      '/',
      '/self-assessment',
      '/self-assessment/resume',
      '/privacy',
      '/cookies',
      '/contact',
      '/talk-to-someone-in-person',
      '/information/by-post',
      '/moving-to-a-smaller-home',
      '/self-assessment/share/views',
      '/moving-to-a-smaller-home?bedrooms=3&adults=2&couple=yes&child-1-age=6&child-1-sex=female&help=yes',
      ...packs.map((p) => `/information/${p}`),
    ]) {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status(), `/${locale}${path}`).toBe(200);
      await checkPage(page, locale, false);
      // Every link stays in the language where the page exists in it.
      const links = await page.locator('main a[href^="/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
      for (const link of links.filter((l) => /^\/(self-assessment|privacy|cookies)/.test(l)))
        expect(link, `${path}: ${link}`).toBe(`/${locale}${link}`);
    }
  }
  await context.close();
});

test('a page that is in English only says so in the language asked for, and links to it', async ({ page }) => {
  await page.goto('/pl/money-check');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ta strona jest dostępna tylko po angielsku');
  await expect(page.getByRole('link', { name: 'Przeczytaj tę stronę po angielsku' })).toHaveAttribute('href', '/money-check');
  await expectNoAxeViolations(page);
  // A page that does not exist at all is "not found", in the language asked for.
  const missing = await page.goto('/ur/self-assessment/no-such-question');
  expect(missing!.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('صفحہ نہیں ملا');
});

test('no cookie is set before Start on any page in any language', async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    for (const path of [
      '/',
      '/pl/',
      '/ur/',
      '/pl/self-assessment',
      '/ur/self-assessment',
      '/pl/privacy',
      '/ur/cookies',
      '/pl/information/rent-arrears',
    ])
      await page.goto(path);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }
});
