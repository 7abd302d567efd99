// The import rules that keep the layout clear, read from the code's own import lines: the domain
// depends on nothing but itself and its few libraries; the server never reaches into the UI; staff
// sign-in does not depend on casework or the self-assessment; the database folder imports no
// feature; routes import nothing; the database and settings are handed in from the edge, never
// fetched; each table has one writer (the handoff table: src/server/handoffs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(relative);
    return /\.(ts|tsx|astro)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every import of a file: relative ones resolved to a path from the repository root, packages as named. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1] ?? m[2]!);
  return specifiers.map((s) => (s.startsWith('.') ? path.normalize(path.join(path.dirname(file), s)) : s));
}

/** Imports that bring values (not `import type`), with the file that makes them. */
function valueImportsOf(folder: string): Array<{ file: string; target: string }> {
  return filesUnder(folder).flatMap((file) =>
    [
      ...readFileSync(path.join(ROOT, file), 'utf8').matchAll(
        /(?:^|\n)\s*import\s+(type\s+)?[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
      ),
    ]
      .filter((m) => !m[1])
      .map((m) => m[2] ?? m[3]!)
      .map((s) => ({ file, target: s.startsWith('.') ? path.normalize(path.join(path.dirname(file), s)) : s })),
  );
}

function violations(folder: string, allowed: (target: string, file: string) => boolean): string[] {
  return filesUnder(folder).flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(target, file))
      .map((target) => `${file} imports ${target}`),
  );
}

const inside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);
const isPackage = (target: string) =>
  !target.startsWith('src/') && !target.startsWith('content/') && !target.startsWith('db/') && !target.startsWith('tests/');

/**
 * Writes to a table from outside the module that owns it, each with why. A new one fails the test:
 * call the owner instead, or add it here with its reason.
 */
const OUTSIDE_WRITERS: ReadonlyArray<readonly [string, string]> = [
  ['staff_user <- src/server/demo/seed-demo-data.ts', 'demo data: the fictional staff accounts'],
  ['landlord <- src/server/demo/seed-demo-homes.ts', 'demo data: the fictional landlords, homes and adverts'],
  ['landlord_accreditation_event <- src/server/demo/seed-demo-homes.ts', 'demo data'],
  ['home <- src/server/demo/seed-demo-homes.ts', 'demo data'],
  ['advert <- src/server/demo/seed-demo-homes.ts', 'demo data'],
  ['referral <- src/server/demo/seed-demo-handoffs.ts', 'demo data: the referral a person asked for, as a real hand-off makes it'],
  [
    'referral <- src/server/handoffs/create-handoff.ts',
    'a person choosing a partner’s service makes the referral in the hand-off’s transaction',
  ],
  ['referral <- src/server/casework/referrals.ts', 'an adviser refers a case to a partner; the partner answers it in src/server/partners'],
  ['case_outcome <- src/server/homes/interest.ts', 'letting a home records the case’s outcome'],
  ['follow_up <- src/server/homes/interest.ts', 'letting a home schedules the case’s follow-ups from the tenancy’s start'],
  ['advert_interest <- src/server/retention/retention.ts', 'deleting a case unlinks the interest it made'],
  ['tenancy <- src/server/retention/retention.ts', 'deleting a case unlinks its tenancy'],
  ['outbox_message <- src/server/retention/retention.ts', 'deleting a case deletes its email; sent email is kept 30 days'],
  ['password_reset <- src/server/retention/retention.ts', 'old password links are deleted with the other records past their time'],
];

describe('import rules', () => {
  it('the domain imports only the domain, xstate and zod', () => {
    expect(violations('src/domain', (t) => inside(t, 'src/domain') || t === 'xstate' || t === 'zod')).toEqual([]);
  });

  it('the server never imports islands or pages', () => {
    expect(violations('src/server', (t) => !inside(t, 'src/islands') && !inside(t, 'src/pages'))).toEqual([]);
  });

  it('staff sign-in does not import casework or the self-assessment', () => {
    expect(violations('src/server/staff', (t) => !inside(t, 'src/server/casework') && !inside(t, 'src/server/self-assessment'))).toEqual(
      [],
    );
  });

  it('the database folder imports no feature module', () => {
    expect(
      violations(
        'src/server/db',
        (t) =>
          isPackage(t) ||
          inside(t, 'src/server/db') ||
          inside(t, 'db/migrations') ||
          inside(t, 'src/domain') ||
          t === 'src/config/settings.ts' ||
          t === 'src/server/log.ts',
      ),
    ).toEqual([]);
    expect(violations('db/migrations', (t) => isPackage(t) || inside(t, 'db/migrations'))).toEqual([]);
  });

  it('routes import nothing, so islands and server can share them', () => {
    expect(violations('src/routes', () => false)).toEqual([]);
  });

  it('islands reach the server only for types', () => {
    const serverImports = filesUnder('src/islands').flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/import\s+(type\s+)?[^'"]*from\s*['"]([^'"]+)['"]/g)]
        .filter((m) => !m[1] && path.normalize(path.join(path.dirname(file), m[2]!)).startsWith('src/server'))
        .map((m) => `${file} imports ${m[2]}`),
    );
    expect(serverImports).toEqual([]);
  });

  it('only start-up, the middleware and jobs fetch the database; everything else is handed it', () => {
    const fetchers = ['src/server/startup.ts', 'src/server/db/app-database.ts'];
    const mayFetch = (file: string) => file === 'src/middleware.ts' || file === 'src/server/startup.ts' || inside(file, 'src/server/jobs');
    expect(violations('src', (t, file) => !fetchers.includes(t) || mayFetch(file))).toEqual([]);
  });

  it('components reach the server only for types', () => {
    expect(
      valueImportsOf('src/components')
        .filter((i) => inside(i.target, 'src/server'))
        .map((i) => `${i.file} imports ${i.target}`),
    ).toEqual([]);
  });

  it('the council’s configuration imports nothing from the server', () => {
    expect(violations('src/config', (t) => !inside(t, 'src/server'))).toEqual([]);
  });

  it('settings are read once, at the edge: no function reads them for itself', () => {
    const readers = filesUnder('src').filter((file) =>
      /\b(settings|readSettings|dataKeys)\(\)/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(readers.sort()).toEqual(['src/config/settings.ts', 'src/middleware.ts', 'src/server/startup.ts']);
  });

  it('the handoff table is written only from src/server/handoffs', () => {
    const writers = filesUnder('src').flatMap((file) =>
      [
        ...readFileSync(path.join(ROOT, file), 'utf8').matchAll(
          /\b(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*['"`]handoff\b|\b(insert\s+into|update|delete\s+from)\s+"?handoff"?\s/gi,
        ),
      ].map(() => file),
    );
    expect([...new Set(writers)].filter((file) => !inside(file, 'src/server/handoffs'))).toEqual([]);
    // Generic writers name tables in a variable: only key rotation does, over the sealed-table registry.
    const generic = filesUnder('src').filter((file) =>
      /\b(insertInto|updateTable|deleteFrom)\(\s*(?!['"`])[a-z]/.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(generic.sort()).toEqual([
      'src/server/demo/seed-demo-history.ts',
      'src/server/retention/retention.ts',
      'src/server/security/secrets/key-rotation.ts',
    ]);
  });

  it('every table is declared once, by the module that owns it, and written from elsewhere only where listed', () => {
    const owners = new Map<string, string>();
    for (const file of filesUnder('src/server/db/schema')) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const folder = text.match(/^\/\/ Owned by (\S+)\/\./m)?.[1];
      expect(folder && existsSync(path.join(ROOT, folder)), file).toBe(true);
      const composed = text.slice(text.lastIndexOf('export interface'));
      for (const [, table] of composed.matchAll(/\n\s+(\w+): \w+Table;/g)) {
        expect(owners.has(table!), `${table} declared twice`).toBe(false);
        owners.set(table!, folder!);
      }
    }
    expect(owners.size).toBeGreaterThan(30);
    const outside = filesUnder('src').flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/\b(?:insertInto|updateTable|deleteFrom)\(\s*['"`](\w+)/g)]
        .map((m) => m[1]!)
        .filter((table) => !inside(file, owners.get(table) ?? '(undeclared)'))
        .map((table) => `${table} <- ${file}`),
    );
    expect([...new Set(outside)].sort()).toEqual(OUTSIDE_WRITERS.map(([write]) => write).sort());
  });

  it('every form a page posts to itself is answered by the one dispatcher, and no page catches an error by name', () => {
    const pages = filesUnder('src/pages');
    const text = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
    // A form with no action posts to its own page.
    const postsToItself = pages.filter((file) => /<form\b(?![^>]*\baction=)[^>]*\bmethod="post"/i.test(text(file)));
    expect(postsToItself.length).toBeGreaterThan(20);
    expect(postsToItself.filter((file) => !/\b(answerForm|handoffPage)\b/.test(text(file)))).toEqual([]);
    // Only the dispatcher reads a page's form (the API endpoints read their own bodies).
    expect(pages.filter((file) => !inside(file, 'src/pages/api') && /\breadForm\(/.test(text(file)))).toEqual([]);
    // A use case's refusal is the middleware's to show, a person's mistake the dispatcher's.
    expect(pages.filter((file) => /instanceof\s+(?!Response\b)[A-Z]\w*/.test(text(file)))).toEqual([]);
  });

  it('catches a rule being broken (the reader sees real imports)', () => {
    expect(importsOf('src/server/startup.ts')).toEqual(
      expect.arrayContaining(['src/server/db/migrate.ts', 'src/server/demo/seed-demo-data.ts']),
    );
    expect(violations('src/server/jobs', (t) => !inside(t, 'src/server/self-assessment'))).not.toEqual([]);
    expect(valueImportsOf('src/pages').some((i) => inside(i.target, 'src/server'))).toBe(true);
  });
});
