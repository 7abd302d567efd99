// Homes to rent: a person finds, filters and judges a home with JavaScript off; a landlord applies
// to the scheme; an officer accredits them. Every page axe-clean (and valid HTML, by the fixtures).
import sharp from 'sharp';
import { expect, test, type Page } from './fixtures.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

/** Fills the new-home form (officers' and landlords' alike) with a home's details. */
async function fillNewHome(
  page: Page,
  home: {
    address: string;
    street: string;
    area: string;
    postcode: string;
    type: string;
    bedrooms: string;
    sleeps: string;
    floor: string;
    furnished: string;
    heating: string;
    rating: string;
    rent: string;
    description: string;
    ticks: string[];
    dates: Array<[string, [string, string, string]]>;
  },
) {
  await page.getByLabel('Full address (officers only)').fill(home.address);
  await page.getByLabel('Street, as the public sees it').fill(home.street);
  await page.getByLabel('Area').selectOption(home.area);
  await page.getByLabel('Postcode').fill(home.postcode);
  await page.getByLabel('Type of home').selectOption(home.type);
  await page.getByLabel('Bedrooms (0 for a studio)').fill(home.bedrooms);
  await page.getByLabel('How many people it sleeps').fill(home.sleeps);
  await page.getByLabel('Floor (0 for the ground floor)').fill(home.floor);
  await page.getByLabel(home.furnished, { exact: true }).check();
  await page.getByLabel('Heating').fill(home.heating);
  for (const tick of home.ticks) await page.getByLabel(tick).check();
  await page.getByLabel(home.rating, { exact: true }).check();
  for (const [legend, [d, m, y]] of home.dates) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(d);
    await group.getByLabel('Month').fill(m);
    await group.getByLabel('Year').fill(y);
  }
  await page.getByLabel('Rent a month, in pounds').fill(home.rent);
  await page.getByLabel('Deposit, in pounds').fill(home.rent);
  await page.getByLabel('Description, in plain words').fill(home.description);
}

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a person filters homes, keeps the filters in the address, and works out whether they could afford one', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Homes to rent' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Homes to rent');
    await expect(page.getByRole('heading', { name: /^\d+ homes to rent$/ })).toBeVisible();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    await page.getByLabel('Most rent a month').fill('cheap');
    await page.getByRole('button', { name: 'Show homes' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the most rent a month in whole pounds, like 750');
    await expect(page.getByLabel('Most rent a month')).toHaveValue('cheap');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    await page.getByLabel('Most rent a month').fill('700');
    // The less used filters are folded away (the results follow the form soon on a phone).
    await page.getByText('More filters: type of home, shared, must have').click();
    await page.getByLabel('Accepts housing costs help (Universal Credit or Housing Benefit)').check();
    await page.getByLabel('Sort by').selectOption('rent');
    await page.getByRole('button', { name: 'Show homes' }).click();
    await expect(page).toHaveURL(/max-rent=700.*features=housing-costs-help.*sort=rent/);
    const rents = (await page.locator('.app-home-card strong').filter({ hasText: 'a month' }).allInnerTexts()).map((t) =>
      Number(t.replace(/[^\d.]/g, '')),
    );
    expect(rents.length).toBeGreaterThan(0);
    expect(rents).toEqual([...rents].sort((a, b) => a - b));
    expect(rents.every((r) => r <= 700)).toBe(true);

    await page.locator('.app-home-card a').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Safety certificates' })).toBeVisible();
    await expect(page.getByText(/is a member of the Harrowmere Landlord Accreditation Scheme/)).toBeVisible();
    await page.getByLabel('How many adults (aged 16 or over), including you?').fill('1');
    await page.getByLabel('Child 1: age').fill('4');
    await page.getByLabel('Child 1: girl or boy').selectOption('female');
    await page.getByRole('button', { name: 'Work it out' }).click();
    await expect(page.locator('.app-afford-result')).toContainText('the 2-bedroom rate');
    await expect(page.locator('.app-afford-result')).toContainText('1 bedroom for a girl aged 4');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    await page.getByLabel('How many adults (aged 16 or over), including you?').fill('0');
    await page.getByRole('button', { name: 'Work it out' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter how many adults');
    await expect(page.getByLabel('Child 1: age')).toHaveValue('4');
  });

  test('no homes match: says so, and how to widen the search', async ({ page }) => {
    await page.goto('/homes?max-rent=1&area=Saltings');
    await expect(page.getByRole('heading', { name: '0 homes match' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See every home to rent' })).toBeVisible();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
  });

  test('a landlord applies to join the scheme: errors by field, nothing typed lost, then a confirmation', async ({ page }) => {
    await page.goto('/landlords/apply');
    await page.getByLabel('As a company').check();
    await page.getByLabel("Your name, or your company's name").fill('Marsh End Lettings');
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter an email address in the right format');
    await expect(page.locator('.govuk-error-summary')).toContainText('Choose at least one area you let homes in');
    await expect(page.getByLabel("Your name, or your company's name")).toHaveValue('Marsh End Lettings');
    await expect(page.getByLabel('As a company')).toBeChecked();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.getByLabel('Who should we speak to?').fill('Rita Marsh');
    await page.getByLabel('Email address').fill('rita@marshend.example');
    await page.getByLabel('Phone number').fill('01632 960 777');
    await page.getByLabel('Postal address').fill('3 Reedbed Lane, Ashby Marsh HM6 2QQ');
    await page.getByLabel('Ashby Marsh').check();
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Application sent');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
  });
});

test('an officer reviews an application and accredits the landlord, with a reason', async ({ page, request }) => {
  const applied = await request.post('/landlords/apply', {
    headers: { Origin: test.info().project.use.baseURL! },
    form: {
      kind: 'person',
      name: 'Eleanor Vance',
      'contact-name': 'Eleanor Vance',
      email: 'e.vance@landlord.example',
      phone: '01632 960 888',
      address: '8 Hawthorn Way, Upper Brindle HM3 4TT',
      areas: 'Upper Brindle',
    },
    maxRedirects: 0,
  });
  expect(applied.status()).toBe(200);
  await signIn(page, 'pso@harrowmere.example', 'demo-officer-2026');
  await page.getByRole('link', { name: 'Landlords' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Landlords');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Eleanor Vance' }).first().click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose what to do');
  await page.getByLabel('Accredit (inspection passed)').check();
  await page.getByLabel('Reason (goes in the history)').fill('Inspected 8 Hawthorn Way: all in order');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Accreditation changed')).toBeVisible();
  await expect(page.locator('main')).toContainText(/HLAS-\d{4}/);
  await expect(page.locator('.app-timeline')).toContainText('Inspected 8 Hawthorn Way: all in order');
  await expectNoAxeViolations(page);
});

test('the open data lists the same homes as the page, with no full address', async ({ request }) => {
  const body = (await (await request.get('/api/homes?area=Northgate')).json()) as { total: number; homes: Array<Record<string, unknown>> };
  expect(body.total).toBeGreaterThan(0);
  expect(body.homes.every((h) => h.area === 'Northgate')).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/HM\d \d/);
  expect((await request.get('/api/homes?max-rent=lots')).status()).toBe(400);
});

test.describe('from interest to tenancy, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a person expresses interest with their reference, and an officer lets the home to them: their case shows the outcome', async ({
    page,
    browser,
  }) => {
    // The demo hand-off of the Housing Options team: its reference comes with the interest.
    const adviserContext = await browser.newContext({ javaScriptEnabled: false });
    const adviser = await adviserContext.newPage();
    await signIn(adviser, 'adviser@harrowmere.example', 'demo-adviser-2026');
    await adviser.goto('/staff/queue');
    const reference = (await adviser.locator('.app-reference-link').first().innerText()).trim();
    const caseHref = (await adviser.locator('.app-reference-link').first().getAttribute('href'))!;

    await page.goto('/homes?sort=rent');
    await page.locator('.app-home-card a').last().click();
    const advertUrl = page.url();
    await page.getByRole('link', { name: 'Tell us you are interested' }).click();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter your name');
    await expect(page.locator('.govuk-error-summary')).toContainText('Tick to agree');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.getByLabel('Your name').fill('Jordan Blake');
    await page.getByLabel('Phone number', { exact: true }).fill('07700 900 456');
    await page.getByLabel('Phone', { exact: true }).check();
    await page.getByLabel('How many people would live here, including you?').fill('3');
    await page.getByRole('group', { name: 'Is it safe to leave you a voicemail?' }).getByLabel('No').check();
    await page.getByLabel('When is it safe to contact you? (optional)').fill('After 6pm');
    await page.getByRole('group', { name: 'Does anyone need a home with no steps?' }).getByLabel('No').check();
    await page.getByLabel('Your reference from the self-assessment (optional)').fill(reference);
    // The consent says exactly what the landlord sees, so giving the reference costs nothing.
    await expect(page.locator('.app-interest-sharing')).toContainText(
      'The landlord never sees your self-assessment, your answers or your reference.',
    );
    await expect(page.locator('#reference-hint')).toContainText('The landlord never sees it.');
    await page.getByLabel(/I agree that the council’s officers may use these details/).check();
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your interest');
    await expect(page.locator('.app-interest-reference')).toHaveText(/EI-[A-Z2-9]{4}-[A-Z2-9]{4}/);
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    // The officer finds the advert, sees the shortlist with the reason for its order, and lets the home.
    const officerContext = await browser.newContext({ javaScriptEnabled: false });
    const officer = await officerContext.newPage();
    await signIn(officer, 'pso@harrowmere.example', 'demo-officer-2026');
    await officer.goto('/staff/homes');
    await expect(officer.locator('main')).toContainText('The gas safety certificate expired on');
    await expectNoAxeViolations(officer, { javaScriptEnabled: false });
    const advertId = new URL(advertUrl).pathname.split('/').pop()!;
    await officer.goto(`/staff/homes/${advertId}`);
    const entry = officer.locator('li', { hasText: 'Jordan Blake' });
    await expect(entry).toContainText(`need, from their assessment (${reference})`);
    await expect(entry).toContainText('no voicemail; safe times: After 6pm');
    await expectNoAxeViolations(officer, { javaScriptEnabled: false });
    await entry.getByLabel(/What has happened/).selectOption('let');
    await entry.getByLabel('Day', { exact: true }).fill('4');
    await entry.getByLabel('Month', { exact: true }).fill('1');
    await entry.getByLabel('Year', { exact: true }).fill('2027');
    await entry.getByLabel('If let: rent a month').fill('675');
    await entry.getByRole('button', { name: /Save/ }).click();
    await expect(officer.getByText('Shortlist updated')).toBeVisible();
    await expect(officer.locator('main')).toContainText('The advert is closed');

    // The home has left the listing, and the tenant's case shows the outcome.
    const gone = await page.goto(advertUrl);
    expect(gone!.status()).toBe(404);
    await adviser.goto(caseHref);
    await expect(adviser.locator('main')).toContainText('private rented tenancy secured');
    await adviserContext.close();
    await officerContext.close();
  });
});

test.describe('an officer puts a home on the listing, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('adds a home and advert as a draft (errors by field, nothing lost), publishes it, and the public sees it', async ({ page }) => {
    await signIn(page, 'pso@harrowmere.example', 'demo-officer-2026');
    await page.goto('/staff/landlords?status=accredited');
    await page.getByRole('link', { name: 'Saltings Housing Co-operative' }).click();
    await page.getByRole('link', { name: 'Add a home and its advert for this landlord' }).click();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.getByLabel('Full address (officers only)').fill('5 Harbour Terrace, Saltings, Harrowmere HM4 2BT');
    await page.getByLabel('Street, as the public sees it').fill('Harbour Terrace');
    await page.getByLabel('Area').selectOption('Saltings');
    await page.getByLabel('Postcode').fill('HM4 2BT');
    await page.getByLabel('Type of home').selectOption('house');
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Enter the number of bedrooms');
    await expect(page.getByLabel('Street, as the public sees it')).toHaveValue('Harbour Terrace');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await fillNewHome(page, {
      address: '5 Harbour Terrace, Saltings, Harrowmere HM4 2BT',
      street: 'Harbour Terrace',
      area: 'Saltings',
      postcode: 'HM4 2BT',
      type: 'house',
      bedrooms: '3',
      sleeps: '5',
      floor: '0',
      furnished: 'Unfurnished',
      heating: 'Air source heat pump',
      rating: 'B',
      rent: '825',
      description: 'A three-bedroom house with a garden, heated by a heat pump, near the harbour.',
      ticks: ['Garden', 'Accepts housing costs help (Universal Credit or Housing Benefit)'],
      dates: [
        ['Energy certificate expires on', ['1', '3', '2032']],
        ['Electrical report (EICR) expires on', ['1', '3', '2031']],
        ['Available from', ['4', '1', '2027']],
        ['Closing date for interest', ['28', '12', '2099']],
      ],
    });
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await expect(page.getByText('Draft advert saved')).toBeVisible();
    await expect(page.locator('main')).toContainText('The advert is a draft, waiting for approval');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.getByRole('button', { name: 'Publish the advert' }).click();
    await expect(page.locator('main')).toContainText('Shown to the public');

    // A photo: without a description it is refused and says why; with one it is added.
    const photo = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#8fbc8f' } })
      .jpeg()
      .toBuffer();
    await page.getByLabel('Add a photo').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Add the photo' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Describe the photo for people who cannot see it');
    await page.getByLabel('Add a photo').setInputFiles({ name: 'front.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByLabel('Describe the photo for people who cannot see it').fill('The front of the house, with a small garden');
    await page.getByRole('button', { name: 'Add the photo' }).click();
    await expect(page.getByText('Photo added')).toBeVisible();
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    await page.goto('/homes?area=Saltings&bedrooms=3');
    await expect(page.getByRole('link', { name: '3-bedroom house, Harbour Terrace, Saltings' })).toBeVisible();
    const image = page.getByRole('img', { name: 'The front of the house, with a small garden' });
    await expect(image).toBeVisible();
    const served = await page.request.get((await image.getAttribute('src'))!);
    expect(served.headers()['content-type']).toBe('image/jpeg');
    expect(served.headers()['cache-control']).toContain('immutable');
  });
});

test('the renting-privately guide links to the homes', async ({ page }) => {
  await page.goto('/information/finding-private-rented');
  await page.getByRole('link', { name: 'See homes to rent from accredited landlords' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Homes to rent');
});

test.describe('a landlord submits an advert, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the landlord sends a home for approval, an officer publishes it, and the public sees it', async ({ page, browser }) => {
    await signIn(page, 'lettings@brindle.example', 'demo-landlord-2026');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your homes');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Add a home' }).click();
    await fillNewHome(page, {
      address: '21 Mill Lane, Upper Brindle, Harrowmere HM3 1MM',
      street: 'Mill Lane',
      area: 'Upper Brindle',
      postcode: 'HM3 1MM',
      type: 'maisonette',
      bedrooms: '2',
      sleeps: '4',
      floor: '1',
      furnished: 'Part furnished',
      heating: 'Gas central heating',
      rating: 'C',
      rent: '695',
      description: 'A two-bedroom maisonette over two floors with its own front door, near the mill.',
      ticks: ['The home has gas (a gas safety certificate is needed)'],
      dates: [
        ['Energy certificate expires on', ['1', '3', '2032']],
        ['Gas safety certificate expires on', ['1', '9', '2027']],
        ['Electrical report (EICR) expires on', ['1', '3', '2031']],
        ['Available from', ['4', '1', '2027']],
        ['Closing date for interest', ['28', '12', '2099']],
      ],
    });
    await page.getByRole('button', { name: 'Send for approval' }).click();
    await expect(page.getByText('Sent for approval')).toBeVisible();
    await expect(page.locator('main')).toContainText('The advert is a draft, waiting for approval');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });

    const officerContext = await browser.newContext({ javaScriptEnabled: false });
    const officer = await officerContext.newPage();
    await signIn(officer, 'pso@harrowmere.example', 'demo-officer-2026');
    await officer.goto('/staff/homes');
    await officer.getByRole('link', { name: /21 Mill Lane/ }).click();
    await officer.getByRole('button', { name: 'Publish the advert' }).click();
    await expect(officer.locator('main')).toContainText('Shown to the public');
    await officerContext.close();

    await page.goto('/homes?area=Upper+Brindle');
    await expect(page.getByRole('link', { name: '2-bedroom maisonette, Mill Lane, Upper Brindle' })).toBeVisible();
  });
});

test.describe('certificates checked, not typed, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a lapsed home comes back only when an officer has checked the certificate the landlord sent; one sent back says why', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    // The landlord's own home, published with a gas certificate that has run out.
    await signIn(page, 'lettings@brindle.example', 'demo-landlord-2026');
    await page.getByRole('link', { name: 'Add a home' }).click();
    await fillNewHome(page, {
      address: '4 Weir Cottages, Upper Brindle, Harrowmere HM3 2WC',
      street: 'Weir Cottages',
      area: 'Upper Brindle',
      postcode: 'HM3 2WC',
      type: 'house',
      bedrooms: '2',
      sleeps: '4',
      floor: '0',
      furnished: 'Unfurnished',
      heating: 'Gas central heating',
      rating: 'D',
      rent: '710',
      description: 'A two-bedroom end-of-terrace cottage by the weir, with a small garden.',
      ticks: ['The home has gas (a gas safety certificate is needed)'],
      dates: [
        ['Energy certificate expires on', ['1', '3', '2032']],
        ['Gas safety certificate expires on', ['1', '1', '2026']],
        ['Electrical report (EICR) expires on', ['1', '3', '2031']],
        ['Available from', ['4', '1', '2027']],
        ['Closing date for interest', ['28', '12', '2099']],
      ],
    });
    await page.getByRole('button', { name: 'Send for approval' }).click();
    const officerContext = await browser.newContext({ javaScriptEnabled: false });
    const officer = await officerContext.newPage();
    await signIn(officer, 'pso@harrowmere.example', 'demo-officer-2026');
    await officer.goto('/staff/homes');
    await officer
      .locator('#waiting ~ ul')
      .getByRole('link', { name: /Weir Cottages/ })
      .click();
    await officer.getByRole('button', { name: 'Publish the advert' }).click();
    await expect(officer.locator('main')).toContainText('The gas safety certificate expired on Thursday 1 January 2026');
    const advertPath = new URL(officer.url()).pathname;
    const advertId = advertPath.split('/').pop()!;
    expect((await page.request.get(`/homes/${advertId}`)).status()).toBe(404);

    // The landlord sends the new one. Something that is not a certificate is refused, keeping what was typed.
    await page.goto(`/staff/my-homes/${advertId}`);
    await expect(page.locator('main')).toContainText('The gas safety certificate expired on Thursday 1 January 2026');
    const certificate = { kind: 'Gas safety certificate', expires: ['20', '11', String(new Date().getFullYear() + 1)] as const };
    const send = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      await page.getByRole('group', { name: 'Which certificate?' }).getByLabel(certificate.kind).check();
      const expires = page.getByRole('group', { name: 'When does it expire?' });
      await expires.getByLabel('Day').fill(certificate.expires[0]);
      await expires.getByLabel('Month').fill(certificate.expires[1]);
      await expires.getByLabel('Year').fill(certificate.expires[2]);
      await page.getByLabel('The certificate', { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: 'Send the certificate' }).click();
    };
    await send({ name: 'gas.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>not a pdf</body></html>') });
    await expect(page.locator('.govuk-error-summary')).toContainText('The file is not a certificate we can use');
    await expect(page.getByRole('group', { name: 'When does it expire?' }).getByLabel('Day')).toHaveValue('20');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
    );
    await send({ name: 'gas-2027.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(page.getByText('Certificate sent: an officer will check it.')).toBeVisible();
    await expect(page.locator('.app-certificate-list')).toContainText('Waiting for an officer to check it');
    // Sent is not checked: still off the listing.
    expect((await page.request.get(`/homes/${advertId}`)).status()).toBe(404);

    // The officer finds it waiting, sees the home's facts and the document, and accepts it.
    await officer.goto('/staff/homes');
    await officer.getByRole('link', { name: /^Gas safety certificate: Weir Cottages/ }).click();
    await expect(officer.locator('main')).toContainText('4 Weir Cottages, Upper Brindle, Harrowmere HM3 2WC, HM3 2WC');
    await expect(officer.locator('main')).toContainText('Expires Thursday 1 January 2026');
    const document = await officer.request.get(
      (await officer.getByRole('link', { name: 'Download the certificate (PDF)' }).getAttribute('href')) ?? '',
    );
    expect(document.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await document.body())).toEqual(pdf);
    await expectNoAxeViolations(officer, { javaScriptEnabled: false });
    await officer.getByLabel('Yes, accept it').check();
    await officer.getByRole('button', { name: 'Save your decision' }).click();
    await expect(officer.getByText('Certificate accepted: the home’s date has changed.')).toBeVisible();
    expect((await page.request.get(`/homes/${advertId}`)).status()).toBe(200);

    // A photo of an electrical report that does not check out is sent back, and the landlord reads why.
    await page.goto(`/staff/my-homes/${advertId}`);
    certificate.kind = 'Electrical safety report (EICR)';
    const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fdfdfd' } })
      .png()
      .toBuffer();
    await send({ name: 'eicr.png', mimeType: 'image/png', buffer: photo });
    await officer.goto('/staff/homes');
    await officer.getByRole('link', { name: /^Electrical safety report \(EICR\): Weir Cottages/ }).click();
    await expect(officer.getByRole('img', { name: /electrical safety report \(eicr\) the landlord sent/ })).toBeVisible();
    await officer.getByLabel('No, send it back').check();
    await officer.getByRole('button', { name: 'Save your decision' }).click();
    await expect(officer.locator('.govuk-error-summary')).toContainText('Say why you are sending it back');
    await officer.getByLabel('Why you are sending it back').fill('The photo is blank: send a photo of every page');
    await officer.getByRole('button', { name: 'Save your decision' }).click();
    await expect(officer.getByText('Certificate sent back: the landlord has been told why.')).toBeVisible();
    await officerContext.close();
    await page.reload();
    await expect(page.locator('.app-certificate-list li').first()).toContainText('Sent back');
    await expect(page.locator('.app-certificate-list li').first()).toContainText('Why: The photo is blank: send a photo of every page');
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
  });
});

test.describe('carrying the household from the self-assessment, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the plan’s link to homes carries how many live there, through the search to the advert', async ({ page }) => {
    await page.goto('/homes?household-adults=2&household-children=1');
    await page.getByLabel('Sort by').selectOption('rent');
    await page.getByRole('button', { name: 'Show homes' }).click();
    await expect(page).toHaveURL(/household-adults=2/);
    await page.locator('.app-home-card a').first().click();
    await expect(page.locator('.govuk-inset-text')).toContainText('From your self-assessment: 2 adults and 1 child live with you');
    await expect(page.getByLabel('How many adults (aged 16 or over), including you?')).toHaveValue('2');
    await expect(page.locator('.app-afford-result')).toHaveCount(0);
    await expectNoAxeViolations(page, { javaScriptEnabled: false });
  });
});

test('with JavaScript on, a person filters the homes and expresses interest without a reference', async ({ page }) => {
  await page.goto('/homes');
  await page.getByLabel('Area').selectOption('Northgate');
  await page.getByRole('button', { name: 'Show homes' }).click();
  await expect(page).toHaveURL(/area=Northgate/);
  await page.locator('.app-home-card a').first().click();
  await page.getByRole('link', { name: 'Tell us you are interested' }).click();
  await page.getByLabel('Your name').fill('Sam Rivers');
  await page.getByLabel('Email address (optional if you gave a phone number)').fill('sam.rivers@example.com');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByRole('group', { name: 'Is it safe to leave you a voicemail?' }).getByLabel('Yes').check();
  await page.getByLabel('How many people would live here, including you?').fill('1');
  await page.getByRole('group', { name: 'Does anyone need a home with no steps?' }).getByLabel('Yes').check();
  await page.getByLabel(/I agree that the council’s officers may use these details/).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your interest');
  await expect(page.getByText('We have emailed you your reference.')).toBeVisible();
  await expectNoAxeViolations(page);
});
