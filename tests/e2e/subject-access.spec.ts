// A manager answers a subject access request from a case: everything held, readable and as JSON,
// then erases the record on request; the case is gone and the queue says which one went.
import { expect, request, test } from './fixtures.ts';
import { readyToConsent } from './http-journey.ts';
import { expectNoAxeViolations, signIn } from './support.ts';

test('a manager exports everything held about a person, then erases it on request', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL!;
  const name = `Sasha Subject ${Date.now().toString(36)}`;
  const person = await request.newContext({ baseURL: base });
  await readyToConsent(person, base, name);
  const sent = await person.post('/self-assessment/contact/consent', {
    form: { consent: 'yes' },
    headers: { Origin: base },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  await person.dispose();

  await signIn(page, 'manager@harrowmere.example', 'demo-manager-2026');
  const { rows } = (await (await page.request.get(`/staff/queue/rows.json?status=all&q=${encodeURIComponent(name)}`)).json()) as {
    rows: Array<{ id: string; reference: string }>;
  };
  expect(rows).toHaveLength(1);
  const { id, reference } = rows[0]!;

  await page.goto(`/staff/cases/${id}`);
  await page.getByRole('link', { name: /Subject access/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Everything held about ${name}`);
  await expect(page.getByText(/07700 ?900 ?982/).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'viewed subject access export (page)' })).toBeVisible();
  await expectNoAxeViolations(page);

  const json = await page.request.get(`/staff/cases/${id}/subject-access.json`);
  expect(json.headers()['content-disposition']).toBe(`attachment; filename="subject-access-${reference}.json"`);
  const exported = (await json.json()) as { record: { handoff: { contact: { name: string } } }; accessLog: Array<{ action: string }> };
  expect(exported.record.handoff.contact.name).toBe(name);
  expect(exported.accessLog.map((e) => e.action)).toContain('viewed subject access export (json)');

  // A slip is refused, and what was typed stays.
  await page.getByLabel('Why it is being erased').fill('Request by email, identity checked by phone');
  await page.getByLabel(/Type the reference/).fill('HO-0000-0000');
  await page.getByRole('button', { name: 'Erase the record' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(`Type the case’s reference, ${reference}, to confirm`);
  await expect(page.getByLabel('Why it is being erased')).toHaveValue('Request by email, identity checked by phone');
  await expectNoAxeViolations(page);

  await page.getByLabel(/Type the reference/).fill(reference);
  await page.getByRole('button', { name: 'Erase the record' }).click();
  await expect(page).toHaveURL(/\/staff\/queue\?erased=/);
  await expect(page.getByText(`Record ${reference} erased`)).toBeVisible();
  await page.goto(`/staff/cases/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is nothing at this address');
});
