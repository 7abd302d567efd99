// Property-based fuzzing (fast-check) of every form the service accepts, public and back office:
// random field names (the form's own, and odd ones), random values (control characters, right-to-
// left overrides, huge text, broken percent-encoding, repeated fields). Every answer must be a
// page or a redirect, never a 5xx; and no odd field name is ever stored anywhere.
// Bounded in `npm test` (FUZZ_RUNS, default 12 an endpoint); `npm run fuzz` sends 2,000 an endpoint.
// (Project "instances": its own server on its own SQLite database, since fuzzing the sign-in
// form trips the sign-in limit that the other tests' server shares.)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { selfAssessment } from '../../src/config/self-assessment.ts';
import { stepUrl } from '../../src/routes/self-assessment.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';

const questions = selfAssessment.questions;

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const PORT = Number(process.env.E2E_FUZZ_PORT ?? 4352);
/** Every odd field name the fuzz sends starts with this, so the database can be searched for it. */
const ODD = 'zfz';

let server: OwnServer;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer('fuzz', PORT, { DEMO_MODE: 'true' });
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
});

/** Values nobody should send, and some that look nearly right. */
const nastyValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'yes',
    'no',
    '0',
    '-1',
    '1e309',
    'NaN',
    '31',
    '2026-02-31',
    '\u0000',
    '\u202eevil',
    '\u200b\u200b',
    'line one\r\nline two',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '../../etc/passwd',
    '__proto__',
    'a'.repeat(20_000),
    '😀'.repeat(500),
  ),
);

const oddName = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((s) => `${ODD}${s}`),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'a[b]', 'answer[]', 'toString', ''),
);

/** A form body as raw text: fields (the form's own names and odd ones), sometimes repeated, sometimes badly encoded. */
function bodyFor(fieldNames: string[]): fc.Arbitrary<string> {
  const name = fieldNames.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: oddName }) : oddName;
  const pair = fc.tuple(name, nastyValue).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`);
  const broken = fc.constantFrom('%', '%E0%A4%A', 'a=%zz', '&&&', '=', 'answer=%C0%AF', '%00=%00');
  return fc.array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: broken }), { maxLength: 8 }).map((parts) => parts.join('&'));
}

/** The names of the fields in the page's forms, read from the page itself. */
async function fieldNamesOn(client: APIRequestContext, page: string): Promise<string[]> {
  const response = await client.get(page, { maxRedirects: 0 });
  if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) return [];
  const html = await response.text();
  return [...new Set([...html.matchAll(/\sname="([^"]+)"/g)].map((m) => m[1]!).filter((n) => !['viewport', 'description', 'theme-color', 'referrer'].includes(n)))];
}

/** Valid answers to the step before, so each page of the hand-off is reached and its own checks fuzzed. */
async function prepare(client: APIRequestContext, target: string): Promise<void> {
  const send = async (page: string, form: Record<string, string>) => {
    const response = await client.post(page, { form, headers: { Origin: base }, maxRedirects: 0 });
    expect(response.headers()['location'], `the valid answer on ${page} is taken`).not.toBe(page);
  };
  if (target === '/self-assessment/contact/details') {
    const service = /name="service"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="service"/.exec(await (await client.get('/self-assessment/contact')).text());
    await send('/self-assessment/contact', { service: service?.[1] ?? service?.[2] ?? '' });
  }
  if (target === '/self-assessment/contact/safety') await send('/self-assessment/contact/details', { name: 'Jo Example', phone: '07700 900 982', preferred: 'phone' });
  if (target === '/self-assessment/contact/consent') await send('/self-assessment/contact/safety', { voicemail: 'no', safeTimes: 'morning' });
}

async function fuzz(client: APIRequestContext, paths: string[]): Promise<void> {
  for (const target of paths) {
    await prepare(client, target);
    const names = await fieldNamesOn(client, target);
    await fc.assert(
      fc.asyncProperty(bodyFor(names), async (body) => {
        const response = await client.post(target, { data: body, headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base }, maxRedirects: 0 });
        if (process.env.FUZZ_DEBUG) console.log(`${target} ${response.status()} ${response.headers()['location'] ?? ''}`);
        expect(response.status(), `POST ${target} with ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  }
}

async function signedIn(email: string, password: string): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL: base });
  const response = await client.post('/staff/sign-in', { form: { email, password }, headers: { Origin: base }, maxRedirects: 0 });
  expect(response.status(), `sign in as ${email}`).toBe(303);
  return client;
}

function firstId(sql: string): string {
  const db = new SQLite(server.databaseFile, { readonly: true });
  try {
    const row = db.prepare(sql).get() as { id: string } | undefined;
    if (!row) throw new Error(`no row for ${sql}`);
    return row.id;
  } finally {
    db.close();
  }
}

/**
 * Starts a self-assessment and answers each question with a plain answer ("no", the last choice, or 1)
 * until the answers are checked, so every question has an answer the fuzz can try to change.
 */
async function answerEveryQuestion(person: APIRequestContext): Promise<void> {
  let next = (await person.post('/self-assessment/start', { form: {}, headers: { Origin: base }, maxRedirects: 0 })).headers()['location'] ?? '';
  for (let step = 0; step < 40 && next && !next.endsWith('/check-answers'); step += 1) {
    const html = await (await person.get(next)).text();
    const choices = [...html.matchAll(/<input[^>]*type="(radio|checkbox)"[^>]*value="([^"]*)"/g)].map((m) => m[2]!);
    const answer = next.endsWith('/tonight') ? 'yes' : choices.includes('no') ? 'no' : choices.length > 0 ? choices[choices.length - 1]! : '1';
    const response = await person.post(next, { form: { answer }, headers: { Origin: base }, maxRedirects: 0 });
    expect(response.status(), `answering ${next}`).toBe(303);
    next = response.headers()['location'] ?? '';
  }
  expect(next, 'the plain answers reach the check-answers page').toMatch(/\/check-answers$/);
}

/** Every page file that takes a POST (a form posting to its own page, or a POST handler). */
function postingPages(folder = 'src/pages', prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return postingPages(path.join(folder, entry.name), `${prefix}/${entry.name}`);
    const route = `${prefix}/${entry.name.replace(/\.(astro|ts)$/, '')}`.replace(/\/index$/, '') || '/';
    const source = readFileSync(path.join(folder, entry.name), 'utf8');
    // A form posting to its own page (no action), or a handler for POST.
    const postsToItself = [...source.matchAll(/<form\b[^>]*>/g)].some(([tag]) => /method="post"/i.test(tag) && !/\saction=/.test(tag));
    return postsToItself || /export const (POST|ALL)\b|method === 'POST'/.test(source) ? [route] : [];
  });
}

test('every form, public and back office, answers random input with a page or a redirect, never a 5xx, and stores no odd field name', async () => {
  test.setTimeout(Math.max(300_000, RUNS * 60 * 200));
  const person = await request.newContext({ baseURL: base });
  await answerEveryQuestion(person);

  const caseId = firstId("select id from handoff where status <> 'closed' and team_id = 'housing-options' order by created_at desc limit 1");
  const serviceId = firstId('select id from directory_service limit 1');
  const advertId = firstId("select id from advert where state = 'live' limit 1");
  const landlordId = firstId('select id from landlord limit 1');
  const ownAdvertId = firstId("select a.id from advert a join home h on h.id = a.home_id join staff_user s on s.landlord_id = h.landlord_id where s.email = 'lettings@brindle.example' limit 1");

  const byRole: Array<[APIRequestContext, string[]]> = [
    // Answered questions take a changed answer (?change=1), so each question's own check is fuzzed.
    [person, [...questions.map((q) => stepUrl(q.id, { changing: true })), '/self-assessment/check-answers', '/self-assessment/contact', '/self-assessment/contact/details', '/self-assessment/contact/safety', '/self-assessment/contact/consent', `/homes/${advertId}/interest`, '/landlords/apply', '/api/event',
      // These end the answers in this browser (saved under a code, deleted, started again), so they come last.
      '/self-assessment/save', '/self-assessment/resume', '/self-assessment/delete-answers', '/self-assessment/start', '/exit']],
    [await signedIn('adviser@harrowmere.example', 'demo-adviser-2026'), [`/staff/cases/${caseId}`, `/staff/cases/${caseId}/plan`, '/staff/follow-ups', '/staff/account', '/staff/account/second-factor']],
    [await signedIn('pso@harrowmere.example', 'demo-officer-2026'), [`/staff/homes/new?landlord=${landlordId}`, `/staff/homes/${advertId}`, `/staff/landlords/${landlordId}`]],
    [await signedIn('lettings@brindle.example', 'demo-landlord-2026'), ['/staff/my-homes/new', `/staff/my-homes/${ownAdvertId}`]],
    [await signedIn('admin@harrowmere.example', 'demo-admin-2026'), ['/staff/admin/accounts', `/staff/directory/${serviceId}`]],
    // Demo data has no referral yet: an unknown one must be refused politely too.
    [await signedIn('partner@safeathome.example', 'demo-partner-2026'), ['/staff/referrals/00000000-0000-0000-0000-000000000000']],
    [await request.newContext({ baseURL: base }), ['/staff/set-password/not-a-real-token', '/staff/sign-in/code', '/staff/sign-in', '/staff/sign-out']],
  ];

  // Every page that takes a POST is fuzzed: a new form without a place here fails the test.
  const fuzzed = new Set(byRole.flatMap(([, paths]) => paths.map((p) => p.replace(caseId, '[id]').replace(serviceId, '[id]').replace(advertId, '[id]').replace(ownAdvertId, '[id]').replace(landlordId, '[id]').replace('00000000-0000-0000-0000-000000000000', '[id]').replace('not-a-real-token', '[token]').replace(/\?.*$/, ''))));
  for (const route of postingPages()) {
    expect(route === '/self-assessment/[step]' ? questions.length > 0 : fuzzed.has(route), `${route} is fuzzed`).toBe(true);
  }

  for (const [client, paths] of byRole) await fuzz(client, paths);

  // No odd field name the fuzz made up was kept in any table.
  const db = new SQLite(server.databaseFile, { readonly: true });
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const columns = (db.prepare(`select name, type from pragma_table_info(?)`).all(table) as { name: string; type: string }[]).filter((c) => /text|json|^$/i.test(c.type));
      for (const { name } of columns) {
        const stored = db.prepare(`select count(*) as n from "${table}" where instr("${name}", ?) > 0`).get(`"${ODD}`) as { n: number };
        expect(stored.n, `${table}.${name} holds an odd field name sent by the fuzz`).toBe(0);
      }
    }
  } finally {
    db.close();
  }
});
