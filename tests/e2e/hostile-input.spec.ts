// Bodies and field names nobody should send: each gets a page that says what happened (never a
// blank page, never a 5xx), and nothing already saved is lost.
import { expect, request, test, type APIRequestContext } from './fixtures.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { insertHandoff } from '../support/casework.ts';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4322}`;
const E2E_DATABASE = 'tmp/e2e/housing-options-e2e.db';

/** A browser-like client with a self-assessment under way, its first answer saved. */
async function personWithDraft(): Promise<APIRequestContext> {
  const person = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  expect((await person.post('/self-assessment/start', { form: {}, maxRedirects: 0 })).status()).toBe(303);
  const answered = await person.post('/self-assessment/danger', { form: { answer: 'no' }, maxRedirects: 0 });
  expect(answered.headers()['location']).toBe('/self-assessment/tonight');
  return person;
}

const heading = (html: string) => /<h1[^>]*>([^<]*)</.exec(html)?.[1]?.trim() ?? '';

test('bodies that are not forms get 415, broken forms 400, each with a page that says so; the answers stay', async () => {
  const person = await personWithDraft();
  const cases: Array<{ name: string; send: Parameters<APIRequestContext['post']>[1]; status: number }> = [
    { name: 'JSON', send: { data: { answer: 'yes' } }, status: 415 },
    { name: 'plain text', send: { data: 'answer=yes', headers: { 'Content-Type': 'text/plain' } }, status: 415 },
    { name: 'no body at all', send: {}, status: 415 },
    {
      name: 'broken multipart',
      send: { data: 'not really multipart', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } },
      status: 400,
    },
  ];
  for (const { name, send, status } of cases) {
    for (const path of ['/self-assessment/tonight', '/self-assessment/contact/details', '/self-assessment/resume', '/staff/sign-in']) {
      const response = await person.post(path, { ...send, maxRedirects: 0 });
      expect(response.status(), `${name} to ${path}`).toBe(status);
      const html = await response.text();
      expect(heading(html), `${name} to ${path}`).toBe('We could not read what was sent');
      expect(html).toContain('Go back, reload the page and try again');
    }
  }
  // The answer given before is still there: the next question, not the first, is shown.
  const next = await person.get('/self-assessment/danger', { maxRedirects: 0 });
  expect(next.status()).toBe(200);
  expect(await next.text()).toContain('value="no" checked');
  await person.dispose();
});

test('field names like __proto__ and constructor are plain data, in public and staff forms', async () => {
  const person = await personWithDraft();
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const response = await person.post('/self-assessment/tonight', { form: { [name]: 'x', answer: 'yes' }, maxRedirects: 0 });
    expect(response.status(), name).toBe(303);
  }
  const proto = await person.post('/self-assessment/courtOrBailiff', {
    multipart: { __proto__: 'x', constructor: 'y', answer: 'no' },
    maxRedirects: 0,
  });
  expect(proto.status()).toBe(303);
  expect(proto.headers()['location']).toBe('/self-assessment/homeType');
  await person.dispose();

  const adviser = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  await adviser.post('/staff/sign-in', { form: { email: 'adviser@harrowmere.example', password: 'demo-adviser-2026' }, maxRedirects: 0 });
  const { rows } = (await (await adviser.get('/staff/queue/rows.json?status=all')).json()) as {
    rows: Array<{ id: string; serviceName: string }>;
  };
  const caseId = rows.find((r) => r.serviceName === 'Housing Options team')!.id;
  for (const intent of ['constructor', '__proto__', 'toString']) {
    const response = await adviser.post(`/staff/cases/${caseId}`, { form: { intent }, maxRedirects: 0 });
    expect(response.status(), intent).toBe(400);
    expect(await response.text()).toContain('That action is not known');
  }
  const done = await adviser.get(`/staff/cases/${caseId}?done=constructor`);
  expect(done.status()).toBe(200);
  expect(await done.text()).not.toContain('[native code]');
  await adviser.dispose();
});

test('a failure on our side shows a proper page with a way on, never a blank one', async () => {
  const person = await personWithDraft();
  // Spoil the stored draft behind this browser, as a bad deploy or a disk fault might.
  const db = openDatabase({ kind: 'sqlite', filename: E2E_DATABASE });
  try {
    const token = (await person.storageState()).cookies.find((c) => c.name === 'ho_self_assessment')!.value;
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token, 'utf8').digest('hex');
    await db.updateTable('assessment_draft').set({ state: '{"not":"a draft"' }).where('session_hash', '=', hash).execute();
  } finally {
    await db.destroy();
  }
  const response = await person.get('/self-assessment/tonight');
  expect(response.status()).toBe(500);
  // Read as a browser shows it: a run of spaces and line breaks is one space.
  const html = (await response.text()).replace(/\s+/g, ' ');
  expect(heading(html)).toBe('Sorry, there is a problem with the service');
  expect(html).toContain('href="/"');
  expect(html).toMatch(/If you are in danger, call <a [^>]*href="tel:999"[^>]*>999<\/a>/);
  await person.dispose();
});

test('a failure in the back office shows the back office’s own page: no "Exit this page", a way back to work', async () => {
  // A closed case whose stored answers are spoiled (as a disk fault might), so opening it fails.
  const db = openDatabase({ kind: 'sqlite', filename: E2E_DATABASE });
  let caseId = '';
  try {
    caseId = await insertHandoff(db, { createdAt: new Date(), name: 'Spoiled Record' });
    await db
      .updateTable('handoff')
      .set({ answers: 'not-a-sealed-value', status: 'closed', closed_at: new Date().toISOString() })
      .where('id', '=', caseId)
      .execute();
  } finally {
    await db.destroy();
  }
  const adviser = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  expect(
    (
      await adviser.post('/staff/sign-in', {
        form: { email: 'adviser@harrowmere.example', password: 'demo-adviser-2026' },
        maxRedirects: 0,
      })
    ).status(),
  ).toBe(303);
  const response = await adviser.get(`/staff/cases/${caseId}`);
  expect(response.status()).toBe(500);
  const html = await response.text();
  expect(heading(html)).toBe('Sorry, there is a problem with the service');
  expect(html).not.toContain('Exit this page');
  expect(html).toContain('back office');
  expect(html).toContain('href="/staff"');
  expect(html).not.toContain('Spoiled Record');
  await adviser.dispose();
});

test('TRACE, PUT, OPTIONS, WebDAV and other methods the service does not serve get 405 with Allow, never a failure', async () => {
  const { request: rawRequest } = await import('node:http');
  const send = (method: string, path: string) =>
    new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
      const req = rawRequest(`${BASE}${path}`, { method }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers['allow'], body }));
      });
      req.on('error', reject);
      req.end();
    });
  for (const method of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'PURGE', 'LINK']) {
    for (const path of ['/', '/self-assessment/start', '/staff/queue', '/api/event', '/favicon.ico']) {
      const answer = await send(method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.allow).toBe('GET, HEAD, POST');
      expect(answer.body).toBe('This service answers GET, HEAD, POST requests only.');
    }
  }
  // The service still answers the methods it serves.
  expect((await send('HEAD', '/')).status).toBe(200);
});
