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
import { moneyCheckPages } from '../../src/config/money.ts';
import { stepUrl } from '../../src/routes/self-assessment.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';
import { answerEveryQuestion } from './http-journey.ts';
import { readableRow } from './sealed-rows.ts';

const questions = selfAssessment.questions;

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const PORT = Number(process.env.E2E_FUZZ_PORT ?? 4352);
/** Every odd field name the fuzz sends starts with this, so the database can be searched for it. */
const ODD = 'zfz';

// Tens of thousands of requests: a trace of them all would hold every body in the worker's memory too.
test.use({ trace: 'off' });

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

const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** A control or direction-override character in the text, or in any string inside it if it is JSON. */
function hidden(text: string): boolean {
  if (HIDDEN.test(text)) return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return deepStrings(parsed).some((s) => HIDDEN.test(s));
}

/** The text, and every string inside it if it is JSON. */
function stringsIn(text: string): string[] {
  try {
    return [text, ...deepStrings(JSON.parse(text))];
  } catch {
    return [text];
  }
}

/** A run of one character longer than the longest text any field may hold (a note: 5,000). */
const overLong = (text: string) => /(.)\1{5000}/su.test(text);

function deepStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(deepStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(deepStrings);
  return [];
}

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

/** A form body as raw text: either one of the page's forms with nasty values, or fields (the form's own names and odd ones) sometimes repeated, sometimes badly encoded. */
function bodyFor(page: PageFields): fc.Arbitrary<string> {
  const random = randomBody(page);
  if (page.forms.length === 0) return random;
  // A real form as the browser would send it, pressed with one of its buttons, with some of its
  // fields given nasty values: this reaches the checks behind each action, not only the first.
  const mutated = fc
    .constantFrom(...page.forms)
    .chain(({ fields, buttons }) =>
      fc
        .tuple(
          fc.tuple(...fields.map(([name, value]) => fc.oneof(fc.constant(value), nastyValue).map((v) => [name, v] as [string, string]))),
          buttons.length > 0 ? fc.constantFrom(...buttons).map((b) => [b]) : fc.constant([] as Array<[string, string]>),
        )
        .map(([pairs, pressed]) => [...pairs, ...pressed].map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')),
    );
  return fc.oneof(mutated, random);
}

function randomBody({ names: fieldNames, values }: PageFields): fc.Arbitrary<string> {
  const name =
    fieldNames.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: oddName }) : oddName;
  // The form's own values (a button's action, a choice) get the nasty text into the handlers behind them.
  const value =
    values.length > 0 ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: nastyValue }) : nastyValue;
  const pair = fc.tuple(name, value).map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`);
  const broken = fc.constantFrom('%', '%E0%A4%A', 'a=%zz', '&&&', '=', 'answer=%C0%AF', '%00=%00');
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: broken }), { maxLength: 8 })
    .map((parts) => parts.join('&'));
}

interface PageFields {
  names: string[];
  /** The values its buttons and choices send. */
  values: string[];
  /** Each form posting to the page: its fields with the values they would send, and its buttons. */
  forms: Array<{ fields: Array<[string, string]>; buttons: Array<[string, string]>; texts: TextField[] }>;
}

/** A field a person types into freely: a text area, or a text, email, phone or search box. */
interface TextField {
  name: string;
  /** What a valid value looks like, for filling it in while another field is tried. */
  sample: string;
}

/** A plausible value for a text field, by its type and name, so a form gets as far as checking the field being tried. */
function sampleFor(tag: string, name: string): string {
  const type = attribute(tag, 'type') ?? 'text';
  if (type === 'email' || /email/i.test(name)) return 'jo@example.com';
  if (type === 'tel' || /phone/i.test(name)) return '07700 900 982';
  if (/day$/i.test(name)) return '1';
  if (/month$/i.test(name)) return '2';
  if (/year$/i.test(name)) return '2027';
  if (/postcode/i.test(name)) return 'HM1 1AA';
  if (attribute(tag, 'inputmode') === 'numeric') return '2';
  return 'Test words';
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The forms on a page that post to it (no action), as a browser would send them untouched. */
function formsIn(html: string): PageFields['forms'] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)]
    .filter(([, tag]) => /method="post"/i.test(tag!) && !/\saction=/.test(tag!))
    .map(([, , body]) => {
      const fields: Array<[string, string]> = [];
      const buttons: Array<[string, string]> = [];
      const texts: TextField[] = [];
      for (const [tag] of body!.matchAll(/<(?:input|textarea|select|button)\b[^>]*>/g)) {
        const name = attribute(tag, 'name');
        if (!name) continue;
        const value = attribute(tag, 'value') ?? '';
        if (tag.startsWith('<textarea') || (/^<input\b/.test(tag) && /^(text|email|tel|search)$/.test(attribute(tag, 'type') ?? 'text')))
          texts.push({ name, sample: sampleFor(tag, name) });
        if (tag.startsWith('<button')) buttons.push([name, value]);
        // A choice: the one checked, or else the first of its group, as a person would pick one.
        else if (/type="(radio|checkbox)"/.test(tag) && fields.some(([n]) => n === name)) continue;
        else fields.push([name, value]);
      }
      return { fields, buttons, texts };
    });
}

/** The names of the fields in the page's forms, and the values its buttons and choices send, read from the page itself. */
async function fieldsOn(client: APIRequestContext, page: string): Promise<PageFields> {
  const response = await client.get(page, { maxRedirects: 0 });
  if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html'))
    return { names: [], values: [], forms: [] };
  const html = await response.text();
  const names = [
    ...new Set(
      [...html.matchAll(/\sname="([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((n) => !['viewport', 'description', 'theme-color', 'referrer'].includes(n)),
    ),
  ];
  const values = [...new Set([...html.matchAll(/<(?:input|button|option)\b[^>]*\svalue="([^"]*)"/g)].map((m) => m[1]!))].slice(0, 200);
  return { names, values, forms: formsIn(html) };
}

/** Valid answers to the step before (and a case taken), so each page is reached and its own checks fuzzed. */
async function prepare(client: APIRequestContext, address: string): Promise<void> {
  // A page in Polish or Urdu is the English page's, in that language: it needs the same steps before it.
  const target = address.replace(/^\/(pl|ur)(?=\/)/, '');
  const send = async (page: string, form: Record<string, string>) => {
    const response = await client.post(page, { form, headers: { Origin: base }, maxRedirects: 0 });
    expect(response.headers()['location'], `the valid answer on ${page} is taken`).not.toBe(page);
  };
  if (/^\/staff\/cases\/[^/]+$/.test(target)) {
    // The adviser takes the case, so notes, stages and referrals can be written (and fuzzed).
    const claimed = await client.post(target, { form: { intent: 'claim' }, headers: { Origin: base }, maxRedirects: 0 });
    expect(claimed.status(), 'the adviser takes the case').toBe(303);
  }
  if (target === '/self-assessment/contact/details') {
    const service = /name="service"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="service"/.exec(
      await (await client.get('/self-assessment/contact')).text(),
    );
    await send('/self-assessment/contact', { service: service?.[1] ?? service?.[2] ?? '' });
  }
  if (target === '/self-assessment/contact/safety')
    await send('/self-assessment/contact/details', { name: 'Jo Example', phone: '07700 900 982', preferred: 'phone' });
  if (target === '/self-assessment/contact/consent')
    await send('/self-assessment/contact/safety', { voicemail: 'no', safeTimes: 'morning' });
}

/** The cookies the client holds for the site, as a Cookie header. */
async function cookieHeader(client: APIRequestContext): Promise<string> {
  const { cookies } = await client.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Sent to each text field in turn: longer than any field may hold (a note, the longest, holds 5,000 characters). */
const TOO_LONG = 'q'.repeat(20_000);
/** Sent to each text field in turn: a bell and a right-to-left override inside ordinary words. */
const WITH_HIDDEN = 'Test\u0007 words\u202e here';
/** Every text field tried on its own, as `page field`. */
const triedFields = new Set<string>();

/**
 * Each text field of each form, in turn, as a person would fill the form in (the other text fields
 * given plausible values, each button pressed): once far too long, once with hidden characters.
 * The database is searched afterwards: a field without its length and character rules is found.
 */
async function tryEachTextField(target: string, fields: PageFields, headers: Record<string, string>): Promise<void> {
  for (const form of fields.forms) {
    const presses = form.buttons.length > 0 ? form.buttons.map((b) => [b]) : [[]];
    for (const tried of form.texts) {
      triedFields.add(`${target.replace(/\?.*$/, '')} ${tried.name}`);
      for (const value of [TOO_LONG, WITH_HIDDEN])
        for (const pressed of presses) {
          const pairs = form.fields.map(([name, given]): [string, string] => {
            if (name === tried.name) return [name, value];
            const text = form.texts.find((t) => t.name === name);
            return [name, text && given === '' ? text.sample : given];
          });
          const body = [...pairs, ...pressed].map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
          const response = await fetch(new URL(target, base), { method: 'POST', body, headers, redirect: 'manual' });
          await response.arrayBuffer();
          expect(response.status, `POST ${target} with ${tried.name} ${value.length} characters long`).toBeLessThan(500);
        }
    }
  }
}

async function fuzz(client: APIRequestContext, paths: string[]): Promise<void> {
  for (const target of paths) {
    await prepare(client, target);
    const fields = await fieldsOn(client, target);
    // The bodies go by Node's own fetch with the client's cookies: Playwright's request context
    // records every call (a step, a log), and at 2,000 a form that slowed the worker to a crawl.
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, Cookie: await cookieHeader(client) };
    await tryEachTextField(target, fields, headers);
    await fc.assert(
      fc.asyncProperty(bodyFor(fields), async (body) => {
        const response = await fetch(new URL(target, base), { method: 'POST', body, headers, redirect: 'manual' });
        await response.arrayBuffer();
        if (process.env.FUZZ_DEBUG) console.log(`${target} ${response.status} ${response.headers.get('location') ?? ''}`);
        if (response.status >= 500) throw new Error(`POST ${target} answered ${response.status} to ${JSON.stringify(body).slice(0, 300)}`);
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
  await answerEveryQuestion(person, base);

  const caseId = firstId(
    "select id from handoff where status <> 'closed' and team_id = 'housing-options' order by created_at desc limit 1",
  );
  const serviceId = firstId('select id from directory_service limit 1');
  const advertId = firstId("select id from advert where state = 'live' limit 1");
  const landlordId = firstId('select id from landlord limit 1');
  const referralId = firstId('select id from referral limit 1');
  const ownAdvertId = firstId(
    "select a.id from advert a join home h on h.id = a.home_id join staff_user s on s.landlord_id = h.landlord_id where s.email = 'lettings@brindle.example' limit 1",
  );

  // An assisted self-assessment the adviser started (its question, check and result pages take posts),
  // and a request for packs by post waiting for an officer.
  const adviser = await signedIn('adviser@harrowmere.example', 'demo-adviser-2026');
  const started = await adviser.post('/staff/assisted', {
    form: { channel: 'phone', filledInBy: 'adviser', privacyNotice: 'read-aloud' },
    headers: { Origin: base },
    maxRedirects: 0,
  });
  expect(started.status(), 'starting an assisted self-assessment').toBe(303);
  const assistedId = /\/staff\/assisted\/([^/]+)\//.exec(started.headers()['location'] ?? '')![1]!;
  const asked = await person.post('/information/by-post', {
    form: { name: 'Fuzz Person', address1: '1 Test Row', town: 'Harrowmere', postcode: 'HM1 1AA', packs: 'rent-arrears', consent: 'yes' },
    headers: { Origin: base },
  });
  expect(asked.status(), 'asking for packs by post').toBe(200);
  const packRequestId = firstId("select id from posted_pack_request where status = 'waiting' limit 1");

  const byRole: Array<[APIRequestContext, string[]]> = [
    // Answered questions take a changed answer (?change=1), so each question's own check is fuzzed.
    // "Danger" and "tonight" last: a changed answer there can end the questions (the emergency page).
    [
      person,
      [
        ...[...questions]
          .sort((a, b) => Number(['danger', 'tonight'].includes(a.id)) - Number(['danger', 'tonight'].includes(b.id)))
          .map((q) => stepUrl(q.id, { changing: true })),
        '/self-assessment/check-answers',
        '/self-assessment/contact',
        '/self-assessment/contact/details',
        '/self-assessment/contact/safety',
        // The same forms in Polish and Urdu (their errors are in those languages): /[lang]/[...path].
        '/pl/self-assessment/contact/details',
        '/ur/self-assessment/contact/safety',
        '/self-assessment/contact/consent',
        '/information/by-post',
        '/pl/information/by-post',
        `/homes/${advertId}/interest`,
        '/landlords/apply',
        '/api/event',
        '/api/money/estimate',
        // The money check: started, then each question (those not reached yet send the person back).
        '/money-check/start',
        ...moneyCheckPages.map((p) => `/money-check/${p.id}`),
        '/money-check/add-to-plan',
        // Sharing a summary: making a code (preview and make), the person's views page, the viewer's page.
        '/self-assessment/share',
        '/self-assessment/share/views',
        '/view-a-summary',
        // These end the answers in this browser (saved under a code, deleted, started again), so they come last.
        '/self-assessment/save',
        '/self-assessment/resume',
        '/self-assessment/delete-answers',
        '/self-assessment/start',
        '/exit',
      ],
    ],
    [
      adviser,
      [
        '/staff/assisted',
        `/staff/assisted/${assistedId}/self-assessment/danger`,
        `/staff/assisted/${assistedId}/self-assessment/check-answers`,
        `/staff/assisted/${assistedId}/self-assessment/result`,
        `/staff/posted-packs/${packRequestId}`,
        `/staff/cases/${caseId}`,
        `/staff/cases/${caseId}/plan`,
        `/staff/cases/${caseId}/health-check`,
        '/staff/follow-ups',
        '/staff/account/second-factor',
        '/staff/account',
      ],
    ],
    // No certificate waits in the demo: an unknown one must be refused politely.
    [
      await signedIn('pso@harrowmere.example', 'demo-officer-2026'),
      [
        `/staff/homes/new?landlord=${landlordId}`,
        `/staff/homes/${advertId}`,
        `/staff/landlords/${landlordId}`,
        '/staff/homes/certificates/00000000-0000-0000-0000-000000000000',
      ],
    ],
    [await signedIn('lettings@brindle.example', 'demo-landlord-2026'), ['/staff/my-homes/new', `/staff/my-homes/${ownAdvertId}`]],
    // A manager's subject access page: its erase form needs the reference typed, so the fuzz never erases.
    [await signedIn('manager@harrowmere.example', 'demo-manager-2026'), [`/staff/cases/${caseId}/subject-access`]],
    [await signedIn('admin@harrowmere.example', 'demo-admin-2026'), ['/staff/admin/accounts', `/staff/directory/${serviceId}`]],
    // The demo's own referral (Riley Shaw chose the partner), and an unknown one, refused politely.
    [
      await signedIn('partner@safeathome.example', 'demo-partner-2026'),
      [`/staff/referrals/${referralId}`, '/staff/referrals/00000000-0000-0000-0000-000000000000'],
    ],
    [
      await request.newContext({ baseURL: base }),
      ['/staff/set-password/not-a-real-token', '/staff/sign-in/code', '/staff/sign-in', '/staff/sign-out'],
    ],
  ];

  // Every page that takes a POST is fuzzed: a new form without a place here fails the test.
  const fuzzed = new Set(
    byRole.flatMap(([, paths]) =>
      paths.map((p) =>
        p
          .replace(caseId, '[id]')
          .replace(serviceId, '[id]')
          .replace(advertId, '[id]')
          .replace(ownAdvertId, '[id]')
          .replace(landlordId, '[id]')
          .replace(referralId, '[id]')
          .replace(assistedId, '[id]')
          .replace(packRequestId, '[id]')
          .replace(/^(\/staff\/assisted\/\[id\]\/self-assessment)\/danger$/, '$1/[step]')
          .replace('00000000-0000-0000-0000-000000000000', '[id]')
          .replace('not-a-real-token', '[token]')
          .replace(/^\/(pl|ur)\/.*$/, '/[lang]/[...path]')
          .replace(/\?.*$/, ''),
      ),
    ),
  );
  for (const route of postingPages()) {
    const byStep =
      route === '/self-assessment/[step]' ? questions.length > 0 : route === '/money-check/[step]' ? moneyCheckPages.length > 0 : false;
    expect(byStep || fuzzed.has(route), `${route} is fuzzed`).toBe(true);
  }

  for (const [client, paths] of byRole) await fuzz(client, paths);
  // Every text field of every form was tried on its own (the list is in the test's output).
  console.log(`Text fields tried one by one (${triedFields.size}):\n${[...triedFields].sort().join('\n')}`);
  expect(triedFields.size).toBeGreaterThan(40);

  // No odd field name the fuzz made up was kept in any table.
  const db = new SQLite(server.databaseFile, { readonly: true });
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      const columns = (db.prepare(`select name, type from pragma_table_info(?)`).all(table) as { name: string; type: string }[]).filter(
        (c) => /text|json|^$/i.test(c.type),
      );
      // Sealed columns (answers, contact details) are opened first: their ciphertext hides nothing from this check.
      const rows = (db.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]).map((row) => readableRow(table, row));
      for (const { name } of columns) {
        const holding = rows.filter((row) => typeof row[name] === 'string' && (row[name] as string).includes(`"${ODD}`));
        expect(holding.length, `${table}.${name} holds an odd field name sent by the fuzz`).toBe(0);
      }
      // No text field let through more than the longest any field may hold (each was sent 20,000
      // characters). A refused form's values wait in the draft to be shown back: not checked.
      if (table === 'assessment_draft') continue;
      for (const { name } of columns) {
        const long = rows.flatMap((row) => (typeof row[name] === 'string' ? stringsIn(row[name] as string) : [])).find(overLong);
        expect(long?.slice(0, 80), `${table}.${name} holds a text far longer than any field may`).toBeUndefined();
      }
    }
    // What people wrote that was kept (hand-offs, interest, notes, referrals, plans, and the back
    // office's homes, landlords, accounts and directory) holds nothing hidden.
    // (A refused form's values wait in the draft to be shown back for correcting: not checked.)
    for (const table of [
      'handoff',
      'advert_interest',
      'case_event',
      'case_plan_version',
      'referral',
      'follow_up',
      'advert',
      'home',
      'advert_photo',
      'landlord',
      'landlord_accreditation_event',
      'staff_user',
      'directory_service',
    ]) {
      for (const row of db.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(readableRow(table, row))) {
          if (typeof value !== 'string') continue;
          expect(hidden(value), `${table}.${column} holds a control or direction character: ${JSON.stringify(value).slice(0, 200)}`).toBe(
            false,
          );
        }
      }
    }
  } finally {
    db.close();
  }
});
