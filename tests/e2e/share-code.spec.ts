// "Tell my story once": with JavaScript on and off, a person on a 320px phone makes a share code
// from their sent request (choosing what to share and the check, previewing exactly what will be
// seen); a viewer in a fresh browser is refused with a wrong check, then sees the summary with the
// right one; the person sees the view recorded and ends the code; the viewer is then refused with a
// plain page; the adviser sees the code and its view on the case, never the code. Axe finds nothing.
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, makeHandoff, signIn } from './support.ts';

async function typeCodeAndBirthDate(page: Page, code: string, [day, month, year]: [string, string, string]): Promise<void> {
  await page.getByLabel('Share code').fill(code);
  const birthDate = page.getByRole('group', { name: 'Date of birth' });
  await birthDate.getByLabel('Day').fill(day);
  await birthDate.getByLabel('Month').fill(month);
  await birthDate.getByLabel('Year').fill(year);
}

async function fitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(`share codes, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('make a code, view it in a fresh browser with the check, see the view, end it, be refused after', async ({ browser, page }) => {
      const name = `Sharer ${javaScriptEnabled ? 'On' : 'Off'} ${Date.now()}`;
      const phone = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 } });
      const person = await phone.newPage();
      const reference = await makeHandoff(person, name);

      // From the sent request: the form says what is wrong, and loses nothing.
      await person.getByRole('link', { name: 'Share a summary with someone' }).click();
      await expect(person.getByRole('heading', { level: 1 })).toHaveText('Share a summary with someone');
      await person.getByLabel('My answers to the questions').uncheck();
      await person.getByLabel('My plan').uncheck();
      await person.getByLabel(/My request for help/).uncheck();
      await person.getByLabel('Email address to send the code to (optional)').fill('not an email');
      await person.getByRole('button', { name: 'Preview what they will see' }).click();
      const summary = person.locator('.govuk-error-summary');
      await expect(summary.getByRole('link', { name: 'Choose at least one thing to share' })).toBeVisible();
      await expect(summary.getByRole('link', { name: 'Choose how they will check the code is yours' })).toBeVisible();
      await expect(summary.getByRole('link', { name: /Enter an email address like/ })).toBeVisible();
      await expect(person.getByLabel('Email address to send the code to (optional)')).toHaveValue('not an email');
      await expectNoAxeViolations(person, { javaScriptEnabled });

      await person.getByLabel(/My request for help/).check();
      await person.getByLabel('My answers to the questions').check();
      await person.getByLabel('My date of birth').check();
      await person.getByLabel('Day').fill('27');
      await person.getByLabel('Month').fill('3');
      await person.getByLabel('Year').fill('1985');
      await person.getByLabel('Email address to send the code to (optional)').fill('');
      await person.getByLabel('Mobile number to text the code to (optional)').fill('07700 900 982');
      await person.getByRole('button', { name: 'Preview what they will see' }).click();
      await expect(person.getByRole('heading', { name: 'This is what they will see' })).toBeVisible();
      const preview = person.locator('.app-share-preview__frame');
      await expect(preview).toContainText(reference);
      await expect(preview).toContainText('In danger or afraid of someone you live with');
      // Only what was chosen: not the plan.
      await expect(preview.getByRole('heading', { name: 'Plan', exact: true })).toHaveCount(0);
      await expectNoAxeViolations(person, { javaScriptEnabled });
      await fitsThePhone(person);

      await person.getByRole('button', { name: 'Make the code' }).click();
      await expect(person.getByRole('heading', { name: 'Your share code' })).toBeVisible();
      await expect(person.getByText('We are also texting it to the mobile number you gave.')).toBeVisible();
      const shown = person.locator('.app-share-code');
      const code = (await shown.getAttribute('data-copy-value'))!;
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}-[A-HJKMNP-Z2-9]{3}$/);
      // Never clipped: the whole code is inside the screen.
      const box = (await shown.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      await expect(person).not.toHaveURL(new RegExp(code.replace(/-/g, '.?')));
      await expectNoAxeViolations(person, { javaScriptEnabled });
      await fitsThePhone(person);

      // A viewer in a fresh browser: a wrong check gets the one answer that gives nothing away.
      const agency = await browser.newContext({ javaScriptEnabled });
      const viewer = await agency.newPage();
      await viewer.goto('/');
      await viewer.getByRole('link', { name: 'View a summary someone shared with you' }).click();
      await typeCodeAndBirthDate(viewer, code, ['28', '3', '1985']);
      await viewer.getByRole('button', { name: 'View the summary' }).click();
      await expect(viewer.locator('.govuk-error-summary')).toContainText('The code and the check do not match a summary.');
      await expect(viewer.getByLabel('Share code')).toHaveValue(code);
      await expectNoAxeViolations(viewer, { javaScriptEnabled });
      await typeCodeAndBirthDate(viewer, code.toLowerCase().replace(/-/g, ' '), ['27', '03', '1985']);
      await viewer.getByLabel('Your name and organisation (optional)').fill('Dr Okafor, Harrowmere Surgery');
      await viewer.getByRole('button', { name: 'View the summary' }).click();
      await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('A summary shared with you');
      await expect(viewer.locator('main')).toContainText(reference);
      await expect(viewer.locator('main')).toContainText('Progress');
      await expect(viewer.locator('main')).toContainText('New');
      await expect(viewer.getByRole('heading', { name: 'Answers to the questions' })).toBeVisible();
      await expectNoAxeViolations(viewer, { javaScriptEnabled });

      // The person sees the view, and ends the code.
      await person.getByRole('link', { name: /Who has looked at your summary/ }).click();
      await typeCodeAndBirthDate(person, code, ['27', '3', '1985']);
      await person.getByRole('button', { name: 'Show who has looked' }).click();
      await expect(person.locator('table')).toContainText('Viewed 1 time');
      await expect(person.locator('table')).toContainText('Dr Okafor, Harrowmere Surgery');
      await expectNoAxeViolations(person, { javaScriptEnabled });
      await fitsThePhone(person);
      await person.getByRole('button', { name: 'End this code now' }).click();
      await expect(person.getByText('Your code has ended. Nobody can use it any more.')).toBeVisible();

      // Refused after, with a plain page.
      await viewer.goto('/view-a-summary');
      await typeCodeAndBirthDate(viewer, code, ['27', '3', '1985']);
      await viewer.getByRole('button', { name: 'View the summary' }).click();
      await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('This summary can no longer be seen');
      await expect(viewer.locator('main')).not.toContainText(reference);
      await expectNoAxeViolations(viewer, { javaScriptEnabled });
      await agency.close();
      await phone.close();

      // The adviser sees that a code was made and viewed, and that it has ended; never the code.
      await signIn(page, 'adviser@harrowmere.example', 'demo-adviser-2026');
      await page.goto(`/staff/queue?q=${encodeURIComponent(reference)}`);
      await page.getByRole('link', { name: reference }).click();
      const section = page.locator('#share-codes + *');
      await expect(section).toContainText('ended by them');
      await expect(section).toContainText('by “Dr Okafor, Harrowmere Surgery”');
      await expect(page.locator('main')).not.toContainText(code);
    });

    test('the summary to keep prints and downloads as a document with its language, title and headings', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 740 } });
      const page = await context.newPage();
      await makeHandoff(page, `Keeper ${Date.now()}`);
      await page.goto('/self-assessment/summary');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your summary to keep');
      await expect(page.getByRole('heading', { name: 'Contact the council' })).toBeVisible();
      await expectNoAxeViolations(page, { javaScriptEnabled });
      await fitsThePhone(page);
      const response = await page.request.get('/self-assessment/summary.html');
      expect(response.headers()['content-disposition']).toContain('attachment');
      const body = await response.text();
      expect(body.length).toBeLessThan(200 * 1024);
      expect(body).toMatch(/<html lang="en" dir="ltr">/);
      expect(body).toMatch(/<title>Your summary to keep: Harrowmere Borough Council<\/title>/);
      expect(body).toContain('<h2>Answers to the questions</h2>');
      await context.close();
      // Opened as a page on its own (offline, no site around it), it has no axe findings either.
      // (The document has no script: axe itself needs JavaScript to run.)
      const offline = await browser.newContext({ javaScriptEnabled: true });
      const file = await offline.newPage();
      await file.setContent(body);
      await expectNoAxeViolations(file);
      await offline.close();
    });
  });
}
