// Every role against every back-office route, over HTTP: what each may reach, what it may not,
// records of other teams, signed-out visitors, and cross-site posts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, request, test, type APIRequestContext } from './fixtures.ts';

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 4322}`;
const ACCOUNTS = {
  adviser: ['adviser@harrowmere.example', 'demo-adviser-2026'],
  jetAdviser: ['jet.adviser@harrowmere.example', 'demo-adviser-2026'],
  officer: ['pso@harrowmere.example', 'demo-officer-2026'],
  manager: ['manager@harrowmere.example', 'demo-manager-2026'],
  admin: ['admin@harrowmere.example', 'demo-admin-2026'],
  partner: ['partner@safeathome.example', 'demo-partner-2026'],
  landlord: ['lettings@brindle.example', 'demo-landlord-2026'],
} as const;
type Who = keyof typeof ACCOUNTS;

const sessions = new Map<Who, APIRequestContext>();

async function as(who: Who): Promise<APIRequestContext> {
  let context = sessions.get(who);
  if (!context) {
    context = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
    const [email, password] = ACCOUNTS[who];
    const response = await context.post('/staff/sign-in', { form: { email, password }, maxRedirects: 0 });
    expect(response.status(), `${who} signs in`).toBe(303);
    sessions.set(who, context);
  }
  return context;
}

test.afterAll(async () => {
  for (const context of sessions.values()) await context.dispose();
});

/** A demo case of the Housing Options team (the demo data always has one). */
async function housingOptionsCase(): Promise<string> {
  const { rows } = (await (await (await as('adviser')).get('/staff/queue/rows.json?status=all')).json()) as {
    rows: Array<{ id: string; serviceName: string }>;
  };
  return rows.find((r) => r.serviceName === 'Housing Options team')!.id;
}

const Y = 200;
const N = 403;
/** Sent on: to the page it has reached, or (not theirs) to start one. */
const S = 303;
/** Not found: another adviser's. */
const F = 404;
//                                       adviser jetAdviser officer manager admin partner landlord
const MATRIX: Array<[string, [number, number, number, number, number, number, number]]> = [
  ['/staff/queue', [Y, Y, Y, Y, N, N, N]],
  ['/staff/queue/rows.json', [Y, Y, Y, Y, N, N, N]],
  ['/staff/follow-ups', [Y, Y, Y, Y, N, N, N]],
  ['/staff/downsizing', [Y, Y, Y, Y, N, N, N]],
  ['/staff/cases/{case}', [Y, N, N, Y, N, N, N]],
  ['/staff/cases/{case}/plan', [Y, N, N, Y, N, N, N]],
  ['/staff/cases/{case}/plan/print', [Y, N, N, Y, N, N, N]],
  ['/staff/cases/{case}/plan/versions', [Y, N, N, Y, N, N, N]],
  ['/staff/cases/{case}/health-check', [Y, N, N, Y, N, N, N]],
  ['/staff/cases/{case}/subject-access', [N, N, N, Y, N, N, N]],
  ['/staff/cases/{case}/subject-access.json', [N, N, N, Y, N, N, N]],
  ['/staff/directory', [Y, Y, Y, Y, Y, N, N]],
  ['/staff/directory/jet-centre', [Y, Y, Y, Y, Y, N, N]],
  ['/staff/referrals', [N, N, N, N, N, Y, N]],
  ['/staff/referrals/{referral}', [N, N, N, N, N, Y, N]],
  ['/staff/landlords', [N, N, Y, Y, N, N, N]],
  ['/staff/landlords/{landlord}', [N, N, Y, Y, N, N, N]],
  ['/staff/homes', [N, N, Y, Y, N, N, N]],
  ['/staff/homes/{advert}', [N, N, Y, Y, N, N, N]],
  ['/staff/homes/new?landlord={landlord}', [N, N, Y, Y, N, N, N]],
  ['/staff/homes/photos/{photo}', [N, N, Y, Y, N, N, N]],
  ['/staff/homes/certificates/{certificate}', [N, N, Y, Y, N, N, N]],
  ['/staff/homes/certificates/{certificate}/document', [N, N, Y, Y, N, N, N]],
  ['/staff/account', [Y, Y, Y, Y, Y, Y, Y]],
  ['/staff/account/second-factor', [Y, Y, Y, Y, Y, Y, Y]],
  ['/staff/admin/accounts', [N, N, N, N, Y, N, N]],
  ['/staff/admin/audit', [N, N, N, N, Y, N, N]],
  ['/staff/admin/outbox', [N, N, N, Y, Y, N, N]],
  ['/staff/my-homes', [N, N, N, N, N, N, Y]],
  ['/staff/my-homes/new', [N, N, N, N, N, N, Y]],
  ['/staff/my-homes/{own-advert}', [N, N, N, N, N, N, Y]],
  ['/staff/my-homes/certificates/{certificate}', [N, N, N, N, N, N, Y]],
  ['/staff/reports', [N, N, N, Y, N, N, N]],
  ['/staff/reports/need-levels.csv', [N, N, N, Y, N, N, N]],
  ['/staff/reports/cases?count=need:high:2026-01-01:2026-12-01', [N, N, N, Y, N, N, N]],
  ['/staff/assisted', [Y, Y, Y, Y, N, N, N]],
  // The adviser's own assisted self-assessment: theirs alone (another adviser, even a manager, finds nothing there).
  ['/staff/assisted/{assisted}/self-assessment', [S, S, S, S, N, N, N]],
  ['/staff/assisted/{assisted}/self-assessment/danger', [Y, F, F, F, N, N, N]],
  ['/staff/assisted/{assisted}/self-assessment/check-answers', [S, F, F, F, N, N, N]],
  ['/staff/assisted/{assisted}/self-assessment/result', [S, F, F, F, N, N, N]],
  ['/staff/posted-packs', [Y, Y, Y, Y, N, N, N]],
  ['/staff/posted-packs/{pack-request}', [Y, Y, Y, Y, N, N, N]],
];
const ROLES: Who[] = ['adviser', 'jetAdviser', 'officer', 'manager', 'admin', 'partner', 'landlord'];

/** Pages anyone may open (sign-in and what it leads to), and the endpoint-only sign-out. */
const OPEN_OR_SIGN_IN = [
  '/staff/sign-in',
  '/staff/sign-in/code',
  '/staff/set-password/[token]',
  '/staff/not-allowed',
  '/staff/not-found',
  '/staff/sign-out',
  '/staff',
];

function staffRoutes(folder = 'src/pages/staff', prefix = '/staff'): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return staffRoutes(path.join(folder, entry.name), `${prefix}/${entry.name}`);
    const name = entry.name.replace(/\.(astro|ts)$/, '');
    return [name === 'index' ? prefix : `${prefix}/${name}`];
  });
}

test('the matrix covers every back-office page and endpoint', () => {
  const covered = [
    ...MATRIX.map(([route]) =>
      route
        .replace(/\?.*$/, '')
        .replace('{case}', '[id]')
        .replace('{referral}', '[id]')
        .replace('{landlord}', '[id]')
        .replace('{advert}', '[id]')
        .replace('{photo}', '[id]')
        .replace('{own-advert}', '[id]')
        .replace('{certificate}', '[id]')
        .replace('{assisted}', '[id]')
        .replace('{pack-request}', '[id]')
        .replace('/self-assessment/danger', '/self-assessment/[step]')
        .replace('/staff/directory/jet-centre', '/staff/directory/[id]')
        .replace('/staff/reports/need-levels.csv', '/staff/reports/[table].csv'),
    ),
    ...OPEN_OR_SIGN_IN,
  ];
  expect(covered.sort()).toEqual(staffRoutes().sort());
});

/** A referral from the Housing Options case to the demo partner's service, made as an adviser would. */
async function partnerReferral(caseId: string): Promise<string> {
  const made = await (
    await as('adviser')
  ).post(`/staff/cases/${caseId}`, {
    form: {
      intent: 'referral',
      'referral-service': 'harrowmere-domestic-abuse-service',
      'referral-reason': 'Matrix check',
      'referral-consent': 'yes',
    },
    maxRedirects: 0,
  });
  expect(made.status()).toBe(303);
  const list = await (await (await as('partner')).get('/staff/referrals')).text();
  return /href="\/staff\/referrals\/([^"]+)"/.exec(list)![1]!;
}

test('each role reaches exactly the routes it should', async () => {
  const caseId = await housingOptionsCase();
  const referralId = await partnerReferral(caseId);
  const landlords = await (await (await as('officer')).get('/staff/landlords')).text();
  const landlordId = /href="\/staff\/landlords\/([^"?]+)"/.exec(landlords)![1]!;
  const adverts = await (await (await as('officer')).get('/staff/homes')).text();
  const advertId = /href="\/staff\/homes\/([^"?/]+)"/.exec(adverts)![1]!;
  // A photo of that advert, added as an officer would (a tiny PNG).
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const added = await (
    await as('officer')
  ).post(`/staff/homes/${advertId}`, {
    multipart: { intent: 'photo', alt: 'A matrix check photo', photo: { name: 'p.png', mimeType: 'image/png', buffer: png } },
    maxRedirects: 0,
  });
  expect(added.status()).toBe(303);
  const photoId = /src="\/staff\/homes\/photos\/([^"]+)"/.exec(
    await (await (await as('officer')).get(`/staff/homes/${advertId}`)).text(),
  )![1]!;
  const ownAdvertId = [
    ...(await (await (await as('landlord')).get('/staff/my-homes')).text()).matchAll(/href="\/staff\/my-homes\/([^"?]+)"/g),
  ]
    .map((m) => m[1]!)
    .find((id) => id !== 'new')!;
  // A certificate the landlord sends for its own home (a tiny PDF), waiting for an officer.
  const pdf = Buffer.from('%PDF-1.4\ntrailer <<>>\n%%EOF\n');
  const sent = await (
    await as('landlord')
  ).post(`/staff/my-homes/${ownAdvertId}`, {
    multipart: {
      intent: 'certificate',
      kind: 'electrical',
      'expires-day': '1',
      'expires-month': '3',
      'expires-year': String(new Date().getFullYear() + 2),
      'epc-rating': '',
      document: { name: 'eicr.pdf', mimeType: 'application/pdf', buffer: pdf },
    },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(303);
  const certificateId = /href="\/staff\/my-homes\/certificates\/([^"]+)"/.exec(
    await (await (await as('landlord')).get(`/staff/my-homes/${ownAdvertId}`)).text(),
  )![1]!;
  // An assisted self-assessment the adviser started, and a request for packs by post someone made.
  const started = await (
    await as('adviser')
  ).post('/staff/assisted', { form: { channel: 'phone', filledInBy: 'adviser', privacyNotice: 'read-aloud' }, maxRedirects: 0 });
  expect(started.status()).toBe(303);
  const assistedId = /\/staff\/assisted\/([^/]+)\//.exec(started.headers()['location']!)![1]!;
  const person = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  const asked = await person.post('/information/by-post', {
    form: { name: 'Matrix Check', address1: '1 Test Row', town: 'Harrowmere', postcode: 'HM1 1AA', packs: 'rent-arrears', consent: 'yes' },
  });
  expect(asked.status()).toBe(200);
  await person.dispose();
  const packRequestId = /href="\/staff\/posted-packs\/([^"]+)"/.exec(
    await (await (await as('officer')).get('/staff/posted-packs')).text(),
  )![1]!;
  const failures: string[] = [];
  for (const [template, expected] of MATRIX) {
    const path = template
      .replace('{case}', caseId)
      .replace('{referral}', referralId)
      .replace('{landlord}', landlordId)
      .replace('{advert}', advertId)
      .replace('{photo}', photoId)
      .replace('{own-advert}', ownAdvertId)
      .replace('{certificate}', certificateId)
      .replace('{assisted}', assistedId)
      .replace('{pack-request}', packRequestId);
    for (const [index, who] of ROLES.entries()) {
      const status = (await (await as(who)).get(path, { maxRedirects: 0 })).status();
      if (status !== expected[index]) failures.push(`${who} GET ${template}: ${status}, expected ${expected[index]}`);
    }
  }
  expect(failures).toEqual([]);
});

test('a landlord reaches only its own homes: another landlord’s advert is not found, and posting to it changes nothing', async () => {
  const landlord = await as('landlord');
  const own = [...(await (await landlord.get('/staff/my-homes')).text()).matchAll(/href="\/staff\/my-homes\/([^"?]+)"/g)]
    .map((m) => m[1]!)
    .filter((id) => id !== 'new');
  const all = [...(await (await (await as('officer')).get('/staff/homes')).text()).matchAll(/href="\/staff\/homes\/([^"?/]+)"/g)].map(
    (m) => m[1]!,
  );
  const other = all.find((id) => !own.includes(id))!;
  expect(own.length).toBeGreaterThan(0);
  expect((await landlord.get(`/staff/my-homes/${other}`)).status()).toBe(404);
  const posted = await landlord.post(`/staff/my-homes/${other}`, {
    form: { 'epc-rating': 'A', 'epc-expires-day': '1', 'epc-expires-month': '1', 'epc-expires-year': '2040' },
    maxRedirects: 0,
  });
  expect(posted.status()).toBe(404);
  const page = await (await (await as('officer')).get(`/staff/homes/${other}`)).text();
  expect(page).not.toContain('1 January 2040');
});

test('someone signed out is sent to sign in from every route, and sees nothing', async () => {
  const caseId = await housingOptionsCase();
  const anonymous = await request.newContext({ baseURL: BASE });
  for (const [template] of MATRIX) {
    const response = await anonymous.get(template.replace('{case}', caseId), { maxRedirects: 0 });
    expect(response.status(), template).toBe(303);
    expect(response.headers()['location'], template).toMatch(/^\/staff\/sign-in\?next=/);
  }
  await anonymous.dispose();
});

test('changes are refused to roles and teams that may not make them, and nothing changes', async () => {
  const caseId = await housingOptionsCase();
  for (const who of ['jetAdviser', 'officer', 'admin', 'partner'] as const) {
    const response = await (
      await as(who)
    ).post(`/staff/cases/${caseId}`, { form: { intent: 'note', 'note-text': `written by ${who}` }, maxRedirects: 0 });
    expect(response.status(), who).toBe(403);
  }
  const page = await (await (await as('adviser')).get(`/staff/cases/${caseId}`)).text();
  expect(page).not.toContain('written by');

  const adviserCreates = await (
    await as('adviser')
  ).post('/staff/admin/accounts', {
    form: { intent: 'create', email: 'x@x.example', displayName: 'X', role: 'administrator', teamId: 'service-management' },
    maxRedirects: 0,
  });
  expect(adviserCreates.status()).toBe(403);
  const assign = await (
    await as('adviser')
  ).post(`/staff/cases/${caseId}`, { form: { intent: 'assign', assignee: 'anyone' }, maxRedirects: 0 });
  expect(assign.status()).toBe(403);
});

test('cross-site form and JSON posts are refused', async () => {
  const adviser = await as('adviser');
  const caseId = await housingOptionsCase();
  const form = await adviser.post(`/staff/cases/${caseId}`, {
    form: { intent: 'note', 'note-text': 'from another site' },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(form.status()).toBe(403);
  const json = await adviser.post(`/staff/cases/${caseId}`, {
    data: { intent: 'note' },
    headers: { Origin: BASE, 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  });
  expect(json.status()).toBe(403);
  const signOut = await adviser.post('/staff/sign-out', { headers: { Origin: 'https://evil.example' }, maxRedirects: 0 });
  expect(signOut.status()).toBe(403);
  expect((await adviser.get('/staff/queue', { maxRedirects: 0 })).status()).toBe(200); // still signed in
});

test('an administrator sees no person’s details on any page they can open, and every list opened is in the audit trail', async () => {
  const { rows } = (await (await (await as('adviser')).get('/staff/queue/rows.json?status=all')).json()) as {
    rows: Array<{ id: string; contactName: string }>;
  };
  const person = rows.find((r) => r.contactName.length > 3)!;
  // An adviser looks for the person by name, and opens the case.
  expect((await (await as('adviser')).get(`/staff/queue?q=${encodeURIComponent(person.contactName)}`)).status()).toBe(200);
  expect((await (await as('adviser')).get(`/staff/cases/${person.id}`)).status()).toBe(200);

  const admin = await as('admin');
  for (const page of [
    '/staff/admin/audit',
    '/staff/admin/audit?page=2',
    `/staff/admin/audit?record=${person.id}`,
    '/staff/admin/outbox',
    '/staff/admin/accounts',
    '/staff/directory',
    '/staff/account',
  ]) {
    const response = await admin.get(page);
    expect(response.status(), page).toBe(200);
    const html = await response.text();
    expect(html, `${page} shows the person's name`).not.toContain(person.contactName);
    expect(html, `${page} shows a password link`).not.toMatch(/set-password\/[\w-]{10,}/);
  }
  // Each case route is closed to them, whatever id is tried.
  for (const page of [
    `/staff/cases/${person.id}`,
    `/staff/cases/${person.id}/plan`,
    `/staff/cases/${person.id}/plan/versions`,
    '/staff/queue/rows.json',
    '/staff/follow-ups',
    '/staff/reports/cases?count=need:high:2026-01-01:2026-12-01',
  ]) {
    expect((await admin.get(page, { maxRedirects: 0 })).status(), page).toBe(403);
  }
  // The adviser's search is in the trail as a list opened, with its filters but not the name searched for.
  const trail = await (await admin.get('/staff/admin/audit?record=queue')).text();
  expect(trail).toContain('opened a list');
  expect(trail).toContain('searchedFor');
  expect(trail).not.toContain(person.contactName);
});
